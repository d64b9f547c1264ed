package org.hrm.ledgerwriter.adapter.kafka;

import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.Topic;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.messaging.DeadLetterRecords;
import org.hrm.messaging.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Sends rejected inputs' reason and payload digest (never the payload) to the ledger writer's dead-letter topic. */
@Component
class DeadLetterPublisher {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final LedgerProperties properties;

    DeadLetterPublisher(KafkaTemplate<String, byte[]> kafka, LedgerProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    void publish(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        for (DeadLetter letter : letters) {
            try (var trace = Traces.open(letter.source())) {
                log.warn(
                        "dead letter from {}-{}@{}: {}",
                        letter.source().topic(),
                        letter.source().partition(),
                        letter.source().offset(),
                        letter.reason());
            }
        }
        Sends.awaitAll(
                letters.stream().map(letter -> kafka.send(record(letter))).toList(),
                properties.kafkaSendTimeout(),
                "dead letters");
    }

    private static ProducerRecord<String, byte[]> record(DeadLetter letter) {
        return DeadLetterRecords.of(
                Topic.LEDGER_WRITER_DEAD_LETTER.topicName(),
                letter.source(),
                letter.reason(),
                ServiceName.LEDGER_WRITER);
    }
}

package org.hrm.ledgerwriter.adapter.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.Topic;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.support.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Sends rejected inputs, unchanged, to the ledger writer's dead-letter topic with the reason in headers. */
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
        ConsumerRecord<String, byte[]> source = letter.source();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                Topic.LEDGER_WRITER_DEAD_LETTER.topicName(), null, source.key(), source.value(), source.headers());
        Headers headers = record.headers();
        headers.add(EventHeaders.DLT_REASON, utf8(letter.reason()));
        headers.add(EventHeaders.DLT_ORIGINAL_TOPIC, utf8(source.topic()));
        headers.add(EventHeaders.DLT_ORIGINAL_PARTITION, utf8(String.valueOf(source.partition())));
        headers.add(EventHeaders.DLT_ORIGINAL_OFFSET, utf8(String.valueOf(source.offset())));
        headers.add(EventHeaders.DLT_SERVICE, utf8(ServiceName.LEDGER_WRITER.name()));
        return record;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

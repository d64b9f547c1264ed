package org.hrm.ledgerwriter.adapter.kafka;

import java.util.List;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.Topic;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.messaging.Acknowledgements;
import org.hrm.messaging.DeadLetters;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends rejected inputs' reason and payload digest (never the payload) to the ledger writer's dead-letter topic
 * ({@link DeadLetters}), and waits until the broker has them all.
 */
@Component
class DeadLetterPublisher {
    private final DeadLetters deadLetters;
    private final LedgerProperties properties;

    DeadLetterPublisher(KafkaTemplate<String, byte[]> kafka, LedgerProperties properties) {
        this.deadLetters = new DeadLetters(kafka, Topic.LEDGER_WRITER_DEAD_LETTER, ServiceName.LEDGER_WRITER);
        this.properties = properties;
    }

    void publish(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        Acknowledgements.await(
                letters.stream()
                        .map(letter -> deadLetters.send(letter.source(), letter.reason()))
                        .toList(),
                properties.kafkaSendTimeout(),
                "dead letters");
    }
}

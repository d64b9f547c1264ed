package org.hrm.ledgerwriter.adapter.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.ledgerwriter.application.ConsentWrite;
import org.hrm.ledgerwriter.application.RecordConsents;
import org.hrm.ledgerwriter.application.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes ConsentGranted and ConsentRevoked of both domains in batches, in its own container and
 * consumer group. The batch's offsets are committed when this method returns: after every key share
 * and revocation is confirmed on chain and every bad input is on the dead-letter topic. Any exception
 * redelivers the whole batch.
 */
@Component
class ConsentListener {
    private static final Logger log = LoggerFactory.getLogger(ConsentListener.class);

    private final ConsentEventDecoder decoder;
    private final RecordConsents recordConsents;
    private final DeadLetterPublisher deadLetters;

    ConsentListener(ConsentEventDecoder decoder, RecordConsents recordConsents, DeadLetterPublisher deadLetters) {
        this.decoder = decoder;
        this.recordConsents = recordConsents;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(
            id = "ledger-writer-consent",
            idIsGroup = false,
            containerFactory = KafkaConfiguration.CONSENT_CONTAINER_FACTORY,
            topics = {
                "#{T(org.hrm.contracts.Topic).CONSENT_GRANTED.allNames()}",
                "#{T(org.hrm.contracts.Topic).CONSENT_REVOKED.allNames()}"
            },
            batch = "true")
    void onConsent(List<ConsumerRecord<String, byte[]>> records) {
        try {
            Intake<ConsentWrite> intake = decoder.decode(records);
            List<Rejection> rejections = recordConsents.record(intake.valid());
            deadLetters.publish(intake.deadLetters(rejections));
        } catch (RuntimeException e) {
            log.warn("batch of {} consent events not recorded, retrying it: {}", records.size(), e.toString());
            throw e;
        }
    }
}

package org.hrm.ledgerwriter.adapter.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.stereotype.Component;

/**
 * Consumes ConsentGranted and ConsentRevoked of both domains in batches, in its own container and
 * consumer group. The batch's offsets are committed when this method returns: after every key share
 * and revocation is confirmed on chain, every revocation awaiting its grant is held in the database and every bad
 * input is on the dead-letter topic. Any exception redelivers the whole batch. When the topics are idle, the
 * container's idle event (published on this same consumer thread, so passes never overlap) releases or dead-letters
 * the held revocations that are due.
 */
@Component
class ConsentListener {
    static final String ID = "ledger-writer-consent";
    private static final Logger log = LoggerFactory.getLogger(ConsentListener.class);

    private final ConsentHandler handler;
    private final DeadLetterPublisher deadLetters;

    ConsentListener(ConsentHandler handler, DeadLetterPublisher deadLetters) {
        this.handler = handler;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(
            id = ID,
            idIsGroup = false,
            containerFactory = KafkaConfiguration.CONSENT_CONTAINER_FACTORY,
            topics = {
                "#{T(org.hrm.contracts.Topic).CONSENT_GRANTED.allNames()}",
                "#{T(org.hrm.contracts.Topic).CONSENT_REVOKED.allNames()}"
            },
            batch = "true")
    void onConsent(List<ConsumerRecord<String, byte[]>> records) {
        try {
            handler.handle(records, deadLetters::publish);
        } catch (RuntimeException e) {
            log.warn("batch of {} consent events not recorded, retrying it: {}", records.size(), e.toString());
            throw e;
        }
    }

    /** The consent container's consumer (id {@code ledger-writer-consent-0}) found nothing to read for a while. */
    @EventListener
    void onIdle(ListenerContainerIdleEvent idle) {
        if (!idle.getListenerId().startsWith(ID + "-")) {
            return;
        }
        try {
            handler.handle(List.of(), deadLetters::publish);
        } catch (RuntimeException e) {
            log.warn("held revocations not settled, trying again when idle next: {}", e.toString());
        }
    }
}

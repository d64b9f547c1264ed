package org.hrm.ledgerwriter.adapter.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.ledgerwriter.application.AnchorAudit;
import org.hrm.ledgerwriter.application.AuditedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes consent-service's and the gateway's audit events in batches, in its own container and consumer group, and
 * anchors each batch. The offsets are committed when this method returns: after every root is confirmed on chain and
 * every AuditAnchored acknowledged, and every bad input is on the dead-letter topic. Any exception redelivers the
 * whole batch.
 */
@Component
class AuditListener {
    private static final Logger log = LoggerFactory.getLogger(AuditListener.class);

    private final AuditEventDecoder decoder;
    private final AnchorAudit anchorAudit;
    private final DeadLetterPublisher deadLetters;

    AuditListener(AuditEventDecoder decoder, AnchorAudit anchorAudit, DeadLetterPublisher deadLetters) {
        this.decoder = decoder;
        this.anchorAudit = anchorAudit;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(
            id = "ledger-writer-audit",
            idIsGroup = false,
            containerFactory = KafkaConfiguration.AUDIT_CONTAINER_FACTORY,
            topics = {
                "#{T(org.hrm.contracts.Topic).AUDIT.topicName()}",
                "#{T(org.hrm.contracts.Topic).GATEWAY_AUDIT.topicName()}"
            },
            batch = "true")
    void onAudit(List<ConsumerRecord<String, byte[]>> records) {
        try {
            Intake<AuditedEvent> intake = decoder.decode(records);
            anchorAudit.anchor(intake.valid());
            deadLetters.publish(intake.deadLetters(List.of()));
        } catch (RuntimeException e) {
            log.warn("batch of {} audit events not anchored, retrying it: {}", records.size(), e.toString());
            throw e;
        }
    }
}

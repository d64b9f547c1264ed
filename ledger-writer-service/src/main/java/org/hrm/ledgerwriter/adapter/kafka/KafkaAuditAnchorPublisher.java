package org.hrm.ledgerwriter.adapter.kafka;

import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.TraceParent;
import org.hrm.contracts.events.AuditAnchored;
import org.hrm.ledgerwriter.application.AuditAnchorPublisher;
import org.hrm.ledgerwriter.application.AuditClaim;
import org.hrm.ledgerwriter.application.AuditTree;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.messaging.Acknowledgements;
import org.hrm.messaging.OutboundEvents;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes AuditAnchored on the ops topic, keyed by root, and waits for every ack. The event id is derived from the
 * root: a re-emitted event is the same event to its consumers.
 */
@Component
class KafkaAuditAnchorPublisher implements AuditAnchorPublisher {
    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;
    private final LedgerProperties properties;

    KafkaAuditAnchorPublisher(KafkaTemplate<String, byte[]> kafka, EventCodec codec, LedgerProperties properties) {
        this.kafka = kafka;
        this.codec = codec;
        this.properties = properties;
    }

    @Override
    public void publish(List<AnchoredTree> anchored) {
        Acknowledgements.await(
                anchored.stream().map(tree -> kafka.send(record(tree))).toList(),
                properties.kafkaSendTimeout(),
                "AuditAnchored events");
    }

    private ProducerRecord<String, byte[]> record(AnchoredTree anchored) {
        AuditTree tree = anchored.tree();
        Commit commit = anchored.commit();
        List<AuditAnchored.Entry> entries = new java.util.ArrayList<>();
        for (int leaf = 0; leaf < tree.claims().size(); leaf++) {
            AuditClaim claim = tree.claims().get(leaf);
            entries.add(new AuditAnchored.Entry(
                    claim.eventId(), claim.source(), claim.patientId(), claim.sequence(), leaf));
        }
        AuditAnchored event = new AuditAnchored(
                tree.root(),
                tree.domain(),
                commit.contractAddress(),
                commit.transactionHash(),
                commit.blockNumber(),
                commit.logIndex(),
                commit.committedAt(),
                tree.leafHashes(),
                entries);
        // A trace of its own: an anchor answers many audit events at once, none of them its cause alone.
        return OutboundEvents.record(
                codec,
                Topic.AUDIT_ANCHORED.topicName(),
                tree.root(),
                event,
                OutboundEvents.derivedId("hrm/audit-anchored/" + tree.root()),
                TraceParent.newTrace());
    }
}

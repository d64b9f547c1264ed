package org.hrm.consent.adapter.kafka;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.consent.application.ConsentDomains;
import org.hrm.consent.domain.Audit;
import org.hrm.consent.domain.DecisionSigningKey;
import org.hrm.consent.domain.SignedDecision;
import org.hrm.consent.domain.StandingGrantList;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.PartyHistory;
import org.hrm.messaging.DeadLetters;
import org.hrm.messaging.OutboundEvents;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes what the service produces: AccessDecided (key record id), audit events (key patient id, signed with the
 * decision key), StandingGrants (compacted, key owner id), parties' signed histories (compacted, key party id) and
 * dead letters with the reason and the
 * payload's digest in headers (never the payload). Events that repeat on a
 * replay (decisions) carry an event id derived from what they are, so consumers can drop the repeat.
 */
final class ConsentPublisher {
    private final KafkaTemplate<String, byte[]> template;
    private final DeadLetters deadLetters;
    private final EventCodec codec;
    private final DecisionSigningKey signingKey;

    ConsentPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec, DecisionSigningKey signingKey) {
        this.template = template;
        this.deadLetters = new DeadLetters(template, Topic.CONSENT_DEAD_LETTER, ServiceName.CONSENT);
        this.codec = codec;
        this.signingKey = signingKey;
    }

    CompletableFuture<?> decided(SignedDecision signed) {
        var decision = signed.decision();
        String eventId = derivedId("access-decided/" + decision.domain() + "/" + decision.requestId());
        String topic = Topic.ACCESS_DECIDED.name(ConsentDomains.toContract(decision.domain()));
        return send(topic, decision.recordId(), OutputMapping.decided(signed), eventId);
    }

    CompletableFuture<?> audit(Audit audit) {
        String key = audit.patientId() != null
                ? audit.patientId()
                : audit.agents().get(0).who();
        AuditEvent unsigned = OutputMapping.audit(audit);
        AuditEvent signed = unsigned.withSignature(signingKey.sign(unsigned.signedBytes()));
        return send(Topic.AUDIT.topicName(), key, signed, audit.id());
    }

    CompletableFuture<?> standingGrants(StandingGrantList list) {
        String topic = Topic.STANDING_GRANTS.name(ConsentDomains.toContract(list.domain()));
        return send(topic, list.ownerId(), OutputMapping.standingGrants(list), OutboundEvents.newId());
    }

    /**
     * A party's signed history, keyed by party id on the compacted directory topic. Its event id names the party and
     * the history's length: a history only grows, so that pair is one value, and a republished one carries the same.
     */
    CompletableFuture<?> directory(PartyHistory history) {
        String eventId = derivedId("party-history/" + history.partyId() + "/" + history.length());
        return send(Topic.PARTY_DIRECTORY.topicName(), history.partyId(), history, eventId);
    }

    /** The reason, where the record came from and its payload's digest (never the payload): {@link DeadLetters}. */
    CompletableFuture<?> deadLetter(ConsumerRecord<String, byte[]> source, String reason) {
        return deadLetters.send(source, reason);
    }

    // In the next hop of the event being handled (the listener's Traces scope), or a new trace.
    private CompletableFuture<?> send(String topic, String key, Object event, String eventId) {
        return template.send(OutboundEvents.record(codec, topic, key, event, eventId));
    }

    private static String derivedId(String name) {
        return OutboundEvents.derivedId("hrm/" + name);
    }
}

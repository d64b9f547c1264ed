package org.hrm.keyvault.adapter.kafka;

import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessBasis;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.keyvault.application.VaultDomains;
import org.hrm.keyvault.domain.DecisionBasis;
import org.hrm.keyvault.domain.ReleaseDecision;
import org.hrm.messaging.InboundEvents;

/**
 * Checks one consumed AccessDecided (type header, JSON, fields, size, the topic's domain, a grant id that can be a
 * ledger topic) and maps it to a decision, with the canonical bytes its signature must cover.
 *
 * <p>Never throws for bad input; the signature is not checked here but by the use case, so a well-formed forgery
 * gets a denial its requester sees rather than a dead letter.
 */
final class DecisionParser {
    private final EventCodec codec;

    DecisionParser(EventCodec codec) {
        this.codec = codec;
    }

    ParsedDecision parse(ConsumerRecord<String, byte[]> record) {
        Optional<String> wrongType = InboundEvents.typeRefusal(record, AccessDecided.class);
        if (wrongType.isPresent()) {
            return ParsedDecision.refused(record, wrongType.get());
        }
        Optional<Domain> topicDomain = Topic.ACCESS_DECIDED.domainOf(record.topic());
        if (topicDomain.isEmpty()) {
            return ParsedDecision.refused(record, "topic " + record.topic() + " is not an access-decided topic");
        }
        AccessDecided event;
        try {
            event = InboundEvents.decode(codec, record.value(), AccessDecided.class);
        } catch (InvalidEventException e) {
            return ParsedDecision.refused(record, e.getMessage());
        }
        if (event.domain() != topicDomain.get()) {
            return ParsedDecision.refused(
                    record,
                    "domain mismatch: topic " + record.topic() + " carries " + topicDomain.get()
                            + " decisions, the event says " + event.domain());
        }
        if (event.grantId() != null && !isUuid(event.grantId())) {
            return ParsedDecision.refused(record, "invalid AccessDecided: grantId must be a UUID");
        }
        if (event.allowed() && !ReleasedSealing.sealable(event.requesterPublicKey())) {
            return ParsedDecision.refused(record, "invalid AccessDecided: requesterPublicKey is not a P-256 point");
        }
        return ParsedDecision.accepted(record, toDecision(event));
    }

    private static ReleaseDecision toDecision(AccessDecided event) {
        return new ReleaseDecision(
                event.requestId(),
                event.recordId(),
                VaultDomains.of(event.domain()),
                event.requesterId(),
                event.allowed(),
                basis(event.basis()),
                event.shareHolderId(),
                event.grantId(),
                event.requesterPublicKey(),
                event.reason(),
                event.decidedAt(),
                event.expiresAt(),
                event.signedBytes(),
                event.signature());
    }

    /** Exhaustive, so a basis added to the contract fails to compile here rather than at run time. */
    private static DecisionBasis basis(AccessBasis basis) {
        return switch (basis) {
            case OWNER -> DecisionBasis.OWNER;
            case AUTHOR -> DecisionBasis.AUTHOR;
            case GRANT -> DecisionBasis.GRANT;
            case EMERGENCY -> DecisionBasis.EMERGENCY;
            case NONE -> DecisionBasis.NONE;
        };
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

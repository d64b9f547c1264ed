package org.hrm.contracts.authority;

import java.util.Optional;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.crypto.P256;

/**
 * Whose audit events are believed: an event on {@code hrm.ops.audit} must be signed by consent-service's decision key,
 * one on {@code hrm.ops.gateway-audit} by a trusted gateway attestation key; nothing else is an audit topic. The topic
 * decides the signer, so an event signed by one producer cannot be passed off as the other's.
 */
public final class AuditAuthority {
    private final byte[] consentKey;
    private final AttestationKeys gatewayKeys;

    public AuditAuthority(byte[] consentPublicKey, AttestationKeys gatewayKeys) {
        this.consentKey = P256.requirePublicKey(consentPublicKey).clone();
        this.gatewayKeys = gatewayKeys;
    }

    /** Why {@code event} read from {@code topic} is not to be believed, or empty when its producer signed it. */
    public Optional<String> refusal(String topic, AuditEvent event) {
        if (event.signature() == null) {
            return Optional.of("unsigned audit event");
        }
        if (Topic.AUDIT.topicName().equals(topic)) {
            return event.signedBy(consentKey)
                    ? Optional.empty()
                    : Optional.of("audit event not signed by consent-service's decision key");
        }
        if (Topic.GATEWAY_AUDIT.topicName().equals(topic)) {
            return gatewayKeys.all().stream().anyMatch(event::signedBy)
                    ? Optional.empty()
                    : Optional.of("audit event not signed by a trusted gateway attestation key");
        }
        return Optional.of("not an audit topic: " + topic);
    }
}

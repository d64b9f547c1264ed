package org.hrm.consent.adapter.kafka;

import org.hrm.consent.application.ConsentDomains;
import org.hrm.consent.application.DecisionBytes;
import org.hrm.consent.domain.Decision;
import org.hrm.contracts.events.AccessDecided;

/** {@link AccessDecided#signedBytes} of a decision: every field of the event that carries it but the signature. */
public final class AccessDecidedBytes implements DecisionBytes {

    @Override
    public byte[] of(Decision d) {
        return AccessDecided.signedBytes(
                d.requestId(),
                d.recordId(),
                ConsentDomains.toContract(d.domain()),
                d.requesterId(),
                d.allowed(),
                OutputMapping.basis(d.basis()),
                d.shareHolderId(),
                d.grantId(),
                d.requesterPublicKey(),
                d.reason(),
                d.decidedAt(),
                d.expiresAt());
    }
}

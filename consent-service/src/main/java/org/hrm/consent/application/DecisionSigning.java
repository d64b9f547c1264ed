package org.hrm.consent.application;

import org.hrm.consent.domain.Decision;
import org.hrm.consent.domain.DecisionSigningKey;
import org.hrm.consent.domain.SignedDecision;
import org.hrm.contracts.events.AccessDecided;

/** Signs a decision over the contract's canonical bytes, the same bytes the vault verifies. */
public final class DecisionSigning {
    private final DecisionSigningKey key;

    public DecisionSigning(DecisionSigningKey key) {
        this.key = key;
    }

    public SignedDecision sign(Decision decision) {
        return new SignedDecision(decision, key.sign(signedBytes(decision)));
    }

    /** {@link AccessDecided#signedBytes} of the decision: every field of the event but the signature. */
    public static byte[] signedBytes(Decision d) {
        return AccessDecided.signedBytes(
                d.requestId(),
                d.recordId(),
                ConsentDomains.toContract(d.domain()),
                d.requesterId(),
                d.allowed(),
                ConsentDomains.toContract(d.basis()),
                d.shareHolderId(),
                d.grantId(),
                d.requesterPublicKey(),
                d.reason(),
                d.decidedAt(),
                d.expiresAt());
    }
}

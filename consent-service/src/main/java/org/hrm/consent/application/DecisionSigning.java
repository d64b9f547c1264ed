package org.hrm.consent.application;

import org.hrm.consent.domain.Decision;
import org.hrm.consent.domain.DecisionSigningKey;
import org.hrm.consent.domain.SignedDecision;

/** Signs a decision over the contract's canonical bytes, the same bytes the vault verifies. */
public final class DecisionSigning {
    private final DecisionSigningKey key;
    private final DecisionBytes signedBytes;

    public DecisionSigning(DecisionSigningKey key, DecisionBytes signedBytes) {
        this.key = key;
        this.signedBytes = signedBytes;
    }

    public SignedDecision sign(Decision decision) {
        return new SignedDecision(decision, key.sign(signedBytes.of(decision)));
    }
}

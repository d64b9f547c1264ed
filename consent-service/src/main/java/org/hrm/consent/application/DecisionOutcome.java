package org.hrm.consent.application;

import org.hrm.consent.domain.Audit;
import org.hrm.consent.domain.Audits;
import org.hrm.consent.domain.SignedDecision;

/**
 * What became of one access request: its signed decision (made now or earlier) and audit event, or the reason it
 * cannot be decided (its request id was decided for another request).
 */
public record DecisionOutcome(SignedDecision decision, Audit audit, String refusal) {
    static DecisionOutcome decided(SignedDecision decision) {
        return new DecisionOutcome(decision, Audits.decision(decision.decision()), null);
    }

    static DecisionOutcome refused(String reason) {
        return new DecisionOutcome(null, null, reason);
    }

    public boolean decided() {
        return refusal == null;
    }
}

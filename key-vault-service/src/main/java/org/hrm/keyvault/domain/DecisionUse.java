package org.hrm.keyvault.domain;

import java.security.MessageDigest;
import java.time.Instant;

/**
 * The single-use mark of one decision (one request id): claimed as RELEASING before anything is read or released,
 * settled as RELEASED or DENIED once the outcome is published.
 */
public record DecisionUse(
        String requestId, String recordId, State state, byte[] signatureDigest, Instant claimedAt, Instant expiresAt) {

    /** Where the decision's one use stands. */
    public enum State {
        RELEASING,
        RELEASED,
        DENIED
    }

    public static DecisionUse claim(ReleaseDecision decision, Instant now) {
        return new DecisionUse(
                decision.requestId(),
                decision.recordId(),
                State.RELEASING,
                decision.signatureDigest(),
                now,
                decision.expiresAt());
    }

    /**
     * Whether {@code decision} may finish this claim: only the very same decision (same signature bytes), and only
     * while its outcome is not settled. That is a redelivery after a crash between claiming and publishing, which
     * must not lose the release; anything else under this request id is a replay.
     */
    public boolean resumableBy(ReleaseDecision decision) {
        return state == State.RELEASING && MessageDigest.isEqual(signatureDigest, decision.signatureDigest());
    }
}

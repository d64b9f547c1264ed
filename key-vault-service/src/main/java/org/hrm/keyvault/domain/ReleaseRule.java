package org.hrm.keyvault.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The release path's rules and the reasons it gives. A decision is spent only after it passes, in this order:
 * consent-service's signature, allowed, not expired. A forged decision is refused before it can mark a request id
 * used, so a forgery never burns the real decision's id.
 */
public final class ReleaseRule {
    public static final String SIGNATURE_INVALID = "decision signature invalid";
    public static final String EXPIRED = "decision expired";
    public static final String ALREADY_USED = "decision already used";
    public static final String NOT_ON_CHAIN = "record not on chain";
    public static final String NO_SHARE = "no key share for this reader";
    public static final String NO_GRANT_ID = "grant decision names no grant";
    public static final String GRANT_REVOKED = "grant revoked on chain";
    public static final String ERASED = "record erased";
    public static final String UNREADABLE = "record on chain is unreadable";

    private ReleaseRule() {}

    /** Empty when the decision may be spent at {@code now}; otherwise why nothing is released. */
    public static Optional<String> refusal(ReleaseDecision decision, ConsentKey consent, Instant now) {
        if (!consent.verifies(decision.signedBytes(), decision.signature())) {
            return Optional.of(SIGNATURE_INVALID);
        }
        if (!decision.allowed()) {
            return Optional.of(decision.reason());
        }
        if (now.isAfter(decision.expiresAt())) {
            return Optional.of(EXPIRED);
        }
        return Optional.empty();
    }
}

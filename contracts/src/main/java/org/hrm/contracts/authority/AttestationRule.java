package org.hrm.contracts.authority;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hrm.contracts.events.Attestation;

/**
 * The one rule that makes a gateway {@link Attestation} valid for a statement: signed by a trusted attestation key,
 * for the expected subject and purpose, bound to exactly the statement's signed bytes, and issued within
 * {@link #WINDOW} of the statement's own time.
 *
 * <p>Why the window is measured against the statement's time and not the consumer's clock: directories are rebuilt
 * by replaying their topic, and a consumer may lag; a rule on "now" would refuse every registration on a rebuild. The
 * attestation is bound to the statement's bytes (its ids and time included), so it cannot be moved to another
 * statement; the window stops the gateway's signature from vouching for a statement dated far from when it was
 * issued (a back- or forward-dated registration, rotation or request). Replays of the same statement are handled by
 * each consumer's idempotency (request ids, and a rotation applies only on top of the key it names).
 */
public final class AttestationRule {
    /** How far apart an attestation's issuedAt and its statement's time may be, either way. */
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private AttestationRule() {}

    /** Empty when {@code attestation} vouches for {@code statementBytes}; otherwise why not. */
    public static Optional<String> refusal(
            Attestation attestation,
            AttestationKeys trusted,
            String subjectId,
            String purpose,
            byte[] statementBytes,
            Instant statementTime) {
        if (attestation == null) {
            return Optional.of("no attestation");
        }
        Optional<byte[]> key = trusted.publicKey(attestation.attesterKeyId());
        if (key.isEmpty()) {
            return Optional.of("attestation key " + attestation.attesterKeyId() + " is not trusted");
        }
        if (!attestation.signedBy(key.get())) {
            return Optional.of("attestation signature does not verify");
        }
        if (!attestation.subjectId().equals(subjectId)) {
            return Optional.of("attestation is for " + attestation.subjectId() + ", not " + subjectId);
        }
        if (!attestation.purpose().equals(purpose)) {
            return Optional.of("attestation is for '" + attestation.purpose() + "', not '" + purpose + "'");
        }
        if (!attestation.binds(statementBytes)) {
            return Optional.of("attestation is bound to another statement");
        }
        Duration apart = Duration.between(statementTime, attestation.issuedAt()).abs();
        if (apart.compareTo(WINDOW) > 0) {
            return Optional.of("attestation issued " + apart.toSeconds() + " s from the statement's time (window "
                    + WINDOW.toSeconds() + " s)");
        }
        return Optional.empty();
    }
}

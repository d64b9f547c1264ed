package org.hrm.keyvault.application;

import java.time.Instant;
import org.hrm.keyvault.domain.ReleaseDecision;
import org.hrm.keyvault.domain.SealedProvenance;

/** What became of one decision: C1 and the share holder's key share released, or denied with a reason. */
public sealed interface ReleaseOutcome {
    ReleaseDecision decision();

    /** Whether this outcome settles a single-use mark this release claimed (or resumed). */
    boolean claimed();

    /**
     * Publish C1 (never decrypted further here) and the share holder's key share, both from the chain, with the
     * record's owner and the provenance the vault kept at sealing.
     *
     * @param provenance the sealed submission's provenance, or null for a record sealed before the vault kept it
     */
    record Released(
            ReleaseDecision decision,
            byte[] innerCiphertext,
            byte[] share,
            Instant releasedAt,
            String ownerId,
            SealedProvenance provenance)
            implements ReleaseOutcome {
        @Override
        public boolean claimed() {
            return true;
        }
    }

    /** Nothing is released; {@code reason} goes to the requester. */
    record Denied(ReleaseDecision decision, String reason, boolean claimed, Instant deniedAt)
            implements ReleaseOutcome {}
}

package org.hrm.consent.domain;

import java.time.Instant;

/**
 * An owner's standing grant to one grantee in one domain, as stored: valid in [validFrom, expiresAt) unless
 * revoked by the owner or ended (every record it lists was erased, {@code endReason} says so); {@code digest} is
 * SHA-256 of the bytes the owner signed, so a replay is told from a different grant.
 */
public record Grant(
        String grantId,
        RecordDomain domain,
        String ownerId,
        String granteeId,
        Scope scope,
        String purpose,
        Instant validFrom,
        Instant expiresAt,
        Instant grantedAt,
        byte[] digest,
        Instant revokedAt,
        Instant endedAt,
        String endReason) {

    /** A grant that has not ended. */
    public Grant(
            String grantId,
            RecordDomain domain,
            String ownerId,
            String granteeId,
            Scope scope,
            String purpose,
            Instant validFrom,
            Instant expiresAt,
            Instant grantedAt,
            byte[] digest,
            Instant revokedAt) {
        this(
                grantId, domain, ownerId, granteeId, scope, purpose, validFrom, expiresAt, grantedAt, digest, revokedAt,
                null, null);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean ended() {
        return endedAt != null;
    }

    public Grant revokedAt(Instant at) {
        return new Grant(
                grantId, domain, ownerId, granteeId, scope, purpose, validFrom, expiresAt, grantedAt, digest, at,
                endedAt, endReason);
    }

    public Grant endedAt(Instant at, String reason) {
        return new Grant(
                grantId, domain, ownerId, granteeId, scope, purpose, validFrom, expiresAt, grantedAt, digest, revokedAt,
                at, reason);
    }

    /** Where the grant stands at {@code now}; revocation, then ending, win over the validity period. */
    public GrantStatus status(Instant now) {
        if (revoked()) {
            return GrantStatus.REVOKED;
        }
        if (ended()) {
            return GrantStatus.ENDED;
        }
        if (now.isBefore(validFrom)) {
            return GrantStatus.NOT_YET_VALID;
        }
        return now.isBefore(expiresAt) ? GrantStatus.ACTIVE : GrantStatus.EXPIRED;
    }
}

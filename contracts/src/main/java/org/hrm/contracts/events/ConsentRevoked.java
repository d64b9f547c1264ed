package org.hrm.contracts.events;

import java.time.Instant;
import org.hrm.contracts.Domain;
import org.hrm.crypto.Canonical;

/**
 * The owner revoked a grant; decisions made after this deny it.
 *
 * @param ownerSignature ECDSA P-256/SHA-256 by the owner's key over {@link #signedBytes()}, 64 bytes r||s
 */
public record ConsentRevoked(String grantId, Domain domain, String ownerId, Instant revokedAt, byte[] ownerSignature) {
    public ConsentRevoked {
        Require.recordId(grantId);
        Require.present(domain, "domain");
        Require.text(ownerId, "ownerId");
        Require.present(revokedAt, "revokedAt");
        Require.bytes(ownerSignature, "ownerSignature");
    }

    /** What the owner signs: every field but the signature. */
    public byte[] signedBytes() {
        return Canonical.of("hrm/consent-revoked/v1")
                .text(grantId)
                .text(domain.name())
                .text(ownerId)
                .text(revokedAt.toString())
                .toBytes();
    }
}

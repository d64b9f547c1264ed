package org.hrm.contracts.events;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;
import org.hrm.crypto.Canonical;

/**
 * An owner granted a party access to records of one domain, shaped like a FHIR Consent (owner =
 * patient, grantee = actor, scope = provision data/class, purpose, period), with the grantee's key
 * shares of the records it covers today.
 *
 * @param ownerSignature ECDSA P-256/SHA-256 by the owner's key over {@link #signedBytes()}, 64 bytes r||s:
 *     only the owner can grant
 */
public record ConsentGranted(
        String grantId,
        Domain domain,
        String ownerId,
        String granteeId,
        GrantScope scope,
        String purpose,
        Instant validFrom,
        Instant expiresAt,
        List<GrantShare> shares,
        Instant grantedAt,
        byte[] ownerSignature) {
    public ConsentGranted {
        Require.recordId(grantId);
        Require.present(domain, "domain");
        Require.text(ownerId, "ownerId");
        Require.text(granteeId, "granteeId");
        Require.present(scope, "scope");
        Require.text(purpose, "purpose");
        Require.present(validFrom, "validFrom");
        Require.present(expiresAt, "expiresAt");
        shares = shares == null ? List.of() : List.copyOf(shares);
        Require.present(grantedAt, "grantedAt");
        Require.bytes(ownerSignature, "ownerSignature");
        if (!expiresAt.isAfter(validFrom)) {
            throw new IllegalArgumentException("expiresAt must be after validFrom");
        }
        if (ownerId.equals(granteeId)) {
            throw new IllegalArgumentException("an owner cannot grant to itself");
        }
    }

    /** What the owner signs: every field but the signature (each share as its record id and its whole bytes). */
    public byte[] signedBytes() {
        Canonical canonical = Canonical.of("hrm/consent-granted/v1")
                .text(grantId)
                .text(domain.name())
                .text(ownerId)
                .text(granteeId)
                .text(String.join(",", scope.recordIds()))
                .text(scope.category())
                .text(purpose)
                .text(validFrom.toString())
                .text(expiresAt.toString())
                .text(grantedAt.toString());
        for (GrantShare share : shares) {
            canonical.text(share.recordId()).bytes(share.share());
        }
        return canonical.toBytes();
    }
}

package org.hrm.contracts.events;

import java.time.Instant;
import org.hrm.contracts.Domain;
import org.hrm.crypto.Canonical;

/**
 * consent-service's decision on one {@link AccessRequested}, signed so the vault can tell it from a
 * forgery, bound to one request id, short-lived and single-use at the vault.
 *
 * @param shareHolderId whose key share the vault releases: the requester, or for emergency access
 *     the requester's institution; null when denied
 * @param grantId the grant that allowed it (basis GRANT); null otherwise
 * @param requesterPublicKey the requester's registered public key (uncompressed SEC1 P-256, 65 bytes), to which the
 *     vault seals the released C1; required when allowed, null when the requester is not registered. consent-service
 *     vouches for it with its signature: the vault needs no party directory of its own for that.
 * @param signature ECDSA P-256 with SHA-256 by consent-service over {@link #signedBytes()}, 64 bytes r||s
 *     (IEEE P1363, the JDK's {@code SHA256withECDSAinP1363Format})
 */
public record AccessDecided(
        String requestId,
        String recordId,
        Domain domain,
        String requesterId,
        boolean allowed,
        AccessBasis basis,
        String shareHolderId,
        String grantId,
        byte[] requesterPublicKey,
        String reason,
        Instant decidedAt,
        Instant expiresAt,
        byte[] signature) {
    public AccessDecided {
        Require.recordId(requestId);
        Require.recordId(recordId);
        Require.present(domain, "domain");
        Require.text(requesterId, "requesterId");
        Require.present(basis, "basis");
        Require.text(reason, "reason");
        Require.present(decidedAt, "decidedAt");
        Require.present(expiresAt, "expiresAt");
        Require.bytes(signature, "signature");
        if (allowed && (shareHolderId == null || shareHolderId.isBlank() || basis == AccessBasis.NONE)) {
            throw new IllegalArgumentException("an allowed decision names its basis and share holder");
        }
        if (allowed && (requesterPublicKey == null || requesterPublicKey.length != 65)) {
            throw new IllegalArgumentException("an allowed decision carries the requester's 65-byte public key");
        }
    }

    /** The canonical bytes consent-service signs: every field but the signature, length-prefixed (label v2). */
    public byte[] signedBytes() {
        return signedBytes(
                requestId,
                recordId,
                domain,
                requesterId,
                allowed,
                basis,
                shareHolderId,
                grantId,
                requesterPublicKey,
                reason,
                decidedAt,
                expiresAt);
    }

    public static byte[] signedBytes(
            String requestId,
            String recordId,
            Domain domain,
            String requesterId,
            boolean allowed,
            AccessBasis basis,
            String shareHolderId,
            String grantId,
            byte[] requesterPublicKey,
            String reason,
            Instant decidedAt,
            Instant expiresAt) {
        // v2 adds the requester's key (empty when there is none) after grantId.
        return Canonical.of("hrm/access-decided/v2")
                .text(requestId)
                .text(recordId)
                .text(domain.name())
                .text(requesterId)
                .text(Boolean.toString(allowed))
                .text(basis.name())
                .text(shareHolderId)
                .text(grantId)
                .bytes(requesterPublicKey == null ? new byte[0] : requesterPublicKey)
                .text(reason)
                .text(decidedAt.toString())
                .text(expiresAt.toString())
                .toBytes();
    }
}

package org.hrm.keyvault.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * consent-service's decision on one access request as the vault checks it.
 *
 * <p>{@code signedBytes} are the canonical bytes the signature covers, computed from these very fields where the
 * event is decoded, so a field changed in transit no longer matches the signature. {@code requesterPublicKey} is the
 * requester's registered key as consent-service signed it: the released C1 is sealed to it.
 */
public record ReleaseDecision(
        String requestId,
        String recordId,
        RecordDomain domain,
        String requesterId,
        boolean allowed,
        DecisionBasis basis,
        String shareHolderId,
        String grantId,
        byte[] requesterPublicKey,
        String reason,
        Instant decidedAt,
        Instant expiresAt,
        byte[] signedBytes,
        byte[] signature) {

    /** SHA-256 of the signature bytes: what the single-use mark remembers to recognise this very decision. */
    public byte[] signatureDigest() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(signature);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

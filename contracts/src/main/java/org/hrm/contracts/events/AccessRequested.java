package org.hrm.contracts.events;

import java.time.Instant;
import org.hrm.contracts.Domain;
import org.hrm.crypto.Canonical;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.P256Signer;

/**
 * A party asks to read one record.
 *
 * <p>Who signs: the requester's key ({@code requesterSignature} over {@link #signedBytes()}), or, for a caller that
 * signs nothing (the portal without a local key), the gateway ({@code attestation}, purpose {@link Attestation#ACCESS},
 * subject {@code requesterId}, bound to {@link #signedBytes()}). Who checks: consent-service, against the requester's
 * key in its directory or the trusted attestation keys, before deciding.
 *
 * @param emergencyReason set only for break-the-glass access by a practitioner; null otherwise
 * @param requesterSignature ECDSA P-256/SHA-256 by the requester over {@link #signedBytes()}, 64 bytes r||s
 * @param attestation the gateway's attestation of the requester, instead of its signature
 */
public record AccessRequested(
        String requestId,
        String recordId,
        Domain domain,
        String requesterId,
        String purpose,
        String emergencyReason,
        Instant requestedAt,
        byte[] requesterSignature,
        Attestation attestation) {
    public AccessRequested {
        Require.recordId(requestId);
        Require.recordId(recordId);
        Require.present(domain, "domain");
        Require.text(requesterId, "requesterId");
        Require.text(purpose, "purpose");
        emergencyReason = Signatures.optionalText(emergencyReason);
        Require.present(requestedAt, "requestedAt");
        Signatures.optional(requesterSignature, "requesterSignature");
    }

    /**
     * Unsigned v1 form: consumers refuse it; remove when every producer signs.
     *
     * @deprecated build the v2 form with {@link #signedBy(P256Signer)} or {@link #withAttestation}
     */
    @Deprecated(forRemoval = true)
    public AccessRequested(
            String requestId,
            String recordId,
            Domain domain,
            String requesterId,
            String purpose,
            String emergencyReason,
            Instant requestedAt) {
        this(requestId, recordId, domain, requesterId, purpose, emergencyReason, requestedAt, null, null);
    }

    public boolean emergency() {
        return emergencyReason != null;
    }

    /** What the requester (or the gateway's attestation) signs: every field but the signature and attestation. */
    public byte[] signedBytes() {
        return Canonical.of("hrm/access-requested/v2")
                .text(requestId)
                .text(recordId)
                .text(domain.name())
                .text(requesterId)
                .text(purpose)
                .optionalText(emergencyReason)
                .text(requestedAt.toString())
                .toBytes();
    }

    /** This request signed by the requester's key. */
    public AccessRequested signedBy(P256Signer requesterKey) {
        return new AccessRequested(
                requestId,
                recordId,
                domain,
                requesterId,
                purpose,
                emergencyReason,
                requestedAt,
                requesterKey.sign(signedBytes()),
                attestation);
    }

    /** This request with the gateway's attestation of its caller (issued over {@link #signedBytes()}). */
    public AccessRequested withAttestation(Attestation gatewayAttestation) {
        return new AccessRequested(
                requestId,
                recordId,
                domain,
                requesterId,
                purpose,
                emergencyReason,
                requestedAt,
                requesterSignature,
                gatewayAttestation);
    }

    /** Whether the requester signature is present and made by {@code requesterPublicKey}. */
    public boolean signedBy(byte[] requesterPublicKey) {
        return Ecdsa.verify(requesterPublicKey, signedBytes(), requesterSignature);
    }
}

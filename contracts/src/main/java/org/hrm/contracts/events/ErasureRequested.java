package org.hrm.contracts.events;

import java.time.Instant;
import org.hrm.contracts.Domain;
import org.hrm.crypto.Canonical;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.P256Signer;

/**
 * An owner asked to erase one record, or (recordId null) every record they own in the domain.
 *
 * <p>Who signs: the owner's key ({@code ownerSignature} over {@link #signedBytes()}; portal or CLI), or, for an
 * identity-verified owner who lost the key, the gateway ({@code attestation}, purpose {@link Attestation#ERASURE},
 * subject {@code ownerId}, bound to {@link #signedBytes()}). Who checks: the vault, against the owner's key in the
 * directory (current or earlier) or the trusted attestation keys, before destroying anything.
 *
 * @param ownerSignature ECDSA P-256/SHA-256 by the owner over {@link #signedBytes()}, 64 bytes r||s
 * @param attestation the gateway's attestation of the owner, instead of the owner's signature
 */
public record ErasureRequested(
        String requestId,
        Domain domain,
        String ownerId,
        String recordId,
        Instant requestedAt,
        byte[] ownerSignature,
        Attestation attestation) {
    public ErasureRequested {
        Require.recordId(requestId);
        Require.present(domain, "domain");
        Require.text(ownerId, "ownerId");
        if (recordId != null) {
            Require.recordId(recordId);
        }
        Require.present(requestedAt, "requestedAt");
        Signatures.optional(ownerSignature, "ownerSignature");
    }

    /**
     * Unsigned v1 form: consumers refuse it; remove when every producer signs.
     *
     * @deprecated build the v2 form with {@link #signedBy(P256Signer)} or {@link #withAttestation}
     */
    @Deprecated(forRemoval = true)
    public ErasureRequested(String requestId, Domain domain, String ownerId, String recordId, Instant requestedAt) {
        this(requestId, domain, ownerId, recordId, requestedAt, null, null);
    }

    /** Whether every record of the owner in this domain is to be erased (the owner's KEK is destroyed). */
    public boolean allRecords() {
        return recordId == null;
    }

    /** What the owner (or the gateway's attestation) signs: every field but the signature and attestation. */
    public byte[] signedBytes() {
        return Canonical.of("hrm/erasure-requested/v2")
                .text(requestId)
                .text(domain.name())
                .text(ownerId)
                .optionalText(recordId)
                .text(requestedAt.toString())
                .toBytes();
    }

    /** This request signed by the owner's key. */
    public ErasureRequested signedBy(P256Signer ownerKey) {
        return new ErasureRequested(
                requestId, domain, ownerId, recordId, requestedAt, ownerKey.sign(signedBytes()), attestation);
    }

    /** This request with the gateway's attestation of the owner (issued over {@link #signedBytes()}). */
    public ErasureRequested withAttestation(Attestation gatewayAttestation) {
        return new ErasureRequested(
                requestId, domain, ownerId, recordId, requestedAt, ownerSignature, gatewayAttestation);
    }

    /** Whether the owner signature is present and made by {@code ownerPublicKey}. */
    public boolean signedBy(byte[] ownerPublicKey) {
        return Ecdsa.verify(ownerPublicKey, signedBytes(), ownerSignature);
    }
}

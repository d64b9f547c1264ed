package org.hrm.contracts.events;

import java.security.MessageDigest;
import java.time.Instant;
import org.hrm.crypto.Canonical;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.P256Signer;

/**
 * A party published its P-256 public key to the directory (protocol v2: proven, attested and, for a practitioner,
 * vouched for).
 *
 * <p>Who signs: the party's new key ({@code proofOfPossession} over {@link #signedBytes()}: the registrant holds the
 * private key); the gateway ({@code attestation}, purpose {@link Attestation#REGISTER}, bound to
 * {@link #signedBytes()}: the caller's token subject is {@code partyId}); for a practitioner, its institution's
 * registered key ({@code institutionSignature} over {@link #vouchBytes()}). Who checks: every keeper of a directory
 * (consent-service, gateway, SDK directory) through {@link org.hrm.contracts.authority.DirectoryRules} before storing.
 *
 * @param publicKey uncompressed SEC1 point, 65 bytes
 * @param institutionId for a practitioner, the hospital system it works for (emergency access); else null
 * @param proofOfPossession ECDSA P-256/SHA-256 by {@code publicKey} over {@link #signedBytes()}, 64 bytes r||s
 * @param attestation the gateway's attestation of the registrant's identity, bound to {@link #signedBytes()}
 * @param institutionSignature a practitioner's institution's signature over {@link #vouchBytes()}; else null
 */
public record PartyRegistered(
        String partyId,
        PartyKind kind,
        byte[] publicKey,
        String institutionId,
        Instant registeredAt,
        byte[] proofOfPossession,
        Attestation attestation,
        byte[] institutionSignature) {
    public PartyRegistered {
        Require.text(partyId, "partyId");
        Require.present(kind, "kind");
        Require.bytes(publicKey, "publicKey", 65);
        institutionId = Signatures.optionalText(institutionId);
        Require.present(registeredAt, "registeredAt");
        Signatures.optional(proofOfPossession, "proofOfPossession");
        Signatures.optional(institutionSignature, "institutionSignature");
    }

    /**
     * Unsigned v1 form: consumers refuse it; remove when every producer signs.
     *
     * @deprecated build the v2 form and sign it ({@link #provenBy}, {@link #withAttestation}, {@link #vouchedBy})
     */
    @Deprecated(forRemoval = true)
    public PartyRegistered(
            String partyId, PartyKind kind, byte[] publicKey, String institutionId, Instant registeredAt) {
        this(partyId, kind, publicKey, institutionId, registeredAt, null, null, null);
    }

    /** The statement the new key and the gateway sign: every field but the signatures and the attestation. */
    public byte[] signedBytes() {
        return Canonical.of("hrm/party-registered/v2")
                .text(partyId)
                .text(kind.name())
                .optionalText(institutionId)
                .bytes(publicKey)
                .text(registeredAt.toString())
                .toBytes();
    }

    /** What a practitioner's institution signs: that this party, of this kind, with this key, works for it. */
    public byte[] vouchBytes() {
        return Canonical.of("hrm/institution-vouch/v2")
                .text(partyId)
                .text(kind.name())
                .optionalText(institutionId)
                .bytes(publicKey)
                .toBytes();
    }

    /** This registration with its proof of possession, signed by {@code newKey} (which must hold {@code publicKey}). */
    public PartyRegistered provenBy(P256Signer newKey) {
        if (!MessageDigest.isEqual(newKey.publicKey(), publicKey)) {
            throw new IllegalArgumentException("proof of possession must be made by the registered key");
        }
        return new PartyRegistered(
                partyId,
                kind,
                publicKey,
                institutionId,
                registeredAt,
                newKey.sign(signedBytes()),
                attestation,
                institutionSignature);
    }

    /** This registration with the gateway's attestation (issued over {@link #signedBytes()}). */
    public PartyRegistered withAttestation(Attestation gatewayAttestation) {
        return new PartyRegistered(
                partyId,
                kind,
                publicKey,
                institutionId,
                registeredAt,
                proofOfPossession,
                gatewayAttestation,
                institutionSignature);
    }

    /** This registration vouched for by the institution's key (over {@link #vouchBytes()}). */
    public PartyRegistered vouchedBy(P256Signer institutionKey) {
        return new PartyRegistered(
                partyId,
                kind,
                publicKey,
                institutionId,
                registeredAt,
                proofOfPossession,
                attestation,
                institutionKey.sign(vouchBytes()));
    }

    /** Whether the proof of possession is present and made by {@code publicKey} over {@link #signedBytes()}. */
    public boolean possessionProven() {
        return Ecdsa.verify(publicKey, signedBytes(), proofOfPossession);
    }

    /** Whether the institution signature is present and made by {@code institutionPublicKey}. */
    public boolean vouchedFor(byte[] institutionPublicKey) {
        return Ecdsa.verify(institutionPublicKey, vouchBytes(), institutionSignature);
    }
}

package org.hrm.contracts.events;

import java.security.MessageDigest;
import java.time.Instant;
import org.hrm.crypto.Canonical;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.P256KeyPair;
import org.hrm.crypto.P256Signer;

/**
 * A party replaced its current P-256 key by a new one. It travels on the {@code parties.registered} topic, keyed by
 * {@code partyId} with event type header {@code PartyKeyRotated}, so registration and rotations of one party stay in
 * order.
 *
 * <p>Who signs: the new key ({@code proofOfPossession} over {@link #signedBytes()}), and either the previous key
 * ({@code previousKeySignature} over {@link #signedBytes()}: a routine rotation) or the gateway ({@code attestation},
 * purpose {@link Attestation#ROTATE_KEY}, bound to {@link #signedBytes()}: the key was lost and the party proved its
 * identity). Who checks: every keeper of a directory through {@link org.hrm.contracts.authority.DirectoryRules}. The
 * signed bytes name {@code previousPublicKey}, so a rotation applies only on top of the key it replaces: an old
 * rotation replayed later changes nothing.
 *
 * @param previousPublicKey the key being replaced (the directory's current key), 65 bytes
 * @param newPublicKey the new key, 65 bytes
 */
public record PartyKeyRotated(
        String partyId,
        byte[] previousPublicKey,
        byte[] newPublicKey,
        Instant rotatedAt,
        byte[] proofOfPossession,
        byte[] previousKeySignature,
        Attestation attestation) {
    public PartyKeyRotated {
        Require.text(partyId, "partyId");
        Require.bytes(previousPublicKey, "previousPublicKey", 65);
        Require.bytes(newPublicKey, "newPublicKey", 65);
        Require.present(rotatedAt, "rotatedAt");
        Signatures.optional(proofOfPossession, "proofOfPossession");
        Signatures.optional(previousKeySignature, "previousKeySignature");
    }

    /** An unsigned rotation, to be signed by {@link #rotate} or completed with {@link #provenBy} and an attestation. */
    public static PartyKeyRotated draft(String partyId, byte[] previousPublicKey, byte[] newPublicKey, Instant at) {
        return new PartyKeyRotated(partyId, previousPublicKey, newPublicKey, at, null, null, null);
    }

    /** A routine rotation: proven by the new key and signed by the previous one. */
    public static PartyKeyRotated rotate(String partyId, P256KeyPair previousKey, P256KeyPair newKey, Instant at) {
        PartyKeyRotated draft =
                draft(partyId, previousKey.publicKey(), newKey.publicKey(), at).provenBy(newKey);
        return new PartyKeyRotated(
                partyId,
                draft.previousPublicKey,
                draft.newPublicKey,
                at,
                draft.proofOfPossession,
                previousKey.sign(draft.signedBytes()),
                null);
    }

    /** What the keys and the gateway sign: every field but the signatures and the attestation. */
    public byte[] signedBytes() {
        return Canonical.of("hrm/party-key-rotated/v2")
                .text(partyId)
                .bytes(previousPublicKey)
                .bytes(newPublicKey)
                .text(rotatedAt.toString())
                .toBytes();
    }

    /** This rotation proven by {@code newKey} (which must hold {@code newPublicKey}). */
    public PartyKeyRotated provenBy(P256Signer newKey) {
        if (!MessageDigest.isEqual(newKey.publicKey(), newPublicKey)) {
            throw new IllegalArgumentException("proof of possession must be made by the new key");
        }
        return new PartyKeyRotated(
                partyId,
                previousPublicKey,
                newPublicKey,
                rotatedAt,
                newKey.sign(signedBytes()),
                previousKeySignature,
                attestation);
    }

    /** This rotation with the gateway's attestation (issued over {@link #signedBytes()}), for a lost key. */
    public PartyKeyRotated withAttestation(Attestation gatewayAttestation) {
        return new PartyKeyRotated(
                partyId,
                previousPublicKey,
                newPublicKey,
                rotatedAt,
                proofOfPossession,
                previousKeySignature,
                gatewayAttestation);
    }

    /** Whether the new key's proof of possession is present and valid. */
    public boolean possessionProven() {
        return Ecdsa.verify(newPublicKey, signedBytes(), proofOfPossession);
    }

    /** Whether the previous key's signature is present and made by {@code previousPublicKey}. */
    public boolean signedByPreviousKey() {
        return Ecdsa.verify(previousPublicKey, signedBytes(), previousKeySignature);
    }
}

package org.hrm.contracts.events;

import java.time.Instant;
import org.hrm.crypto.Canonical;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.P256KeyPair;
import org.hrm.crypto.Sha256;

/**
 * The gateway's identity attestation: "a caller whose token's subject is {@code subjectId} asked for this exact
 * statement, for this purpose, at this time", signed by the gateway's attestation key. It is embedded in the statement
 * it vouches for ({@link PartyRegistered}, {@link PartyKeyRotated}, {@link AccessRequested}, {@link ErasureRequested})
 * and bound to it by {@code boundDigest} = SHA-256 of that statement's {@code signedBytes()}, so it vouches for
 * nothing else.
 *
 * <p>Signed by the gateway (its attestation key, published under {@code attesterKeyId}); checked by whoever acts on
 * the statement, with {@link org.hrm.contracts.authority.AttestationRule}, which holds the one validity rule
 * (trusted key, subject, purpose, binding, issuedAt within a short window of the statement's own time).
 *
 * @param attesterKeyId which of the gateway's published attestation keys signed (keys rotate)
 * @param subjectId the party the gateway authenticated (its token's subject)
 * @param purpose what is attested: {@link #REGISTER}, {@link #ROTATE_KEY}, {@link #ACCESS} or {@link #ERASURE}
 * @param boundDigest SHA-256 of the attested statement's signed bytes (32 bytes)
 * @param issuedAt when the gateway issued it
 * @param signature ECDSA P-256/SHA-256 by the attestation key over {@link #signedBytes()}, 64 bytes r||s
 */
public record Attestation(
        String attesterKeyId,
        String subjectId,
        String purpose,
        byte[] boundDigest,
        Instant issuedAt,
        byte[] signature) {
    public static final String REGISTER = "register";
    public static final String ROTATE_KEY = "rotate-key";
    public static final String ACCESS = "access";
    public static final String ERASURE = "erasure";

    public Attestation {
        Require.text(attesterKeyId, "attestation.attesterKeyId");
        Require.text(subjectId, "attestation.subjectId");
        Require.text(purpose, "attestation.purpose");
        Require.bytes(boundDigest, "attestation.boundDigest", Sha256.BYTES);
        Require.present(issuedAt, "attestation.issuedAt");
        Require.bytes(signature, "attestation.signature");
    }

    /** The gateway attests {@code statementBytes} (a statement's {@code signedBytes()}) for {@code subjectId}. */
    public static Attestation issue(
            P256KeyPair attestationKey,
            String attesterKeyId,
            String subjectId,
            String purpose,
            byte[] statementBytes,
            Instant issuedAt) {
        byte[] digest = Sha256.digest(statementBytes);
        byte[] unsignedBytes = signedBytes(attesterKeyId, subjectId, purpose, digest, issuedAt);
        return new Attestation(attesterKeyId, subjectId, purpose, digest, issuedAt, attestationKey.sign(unsignedBytes));
    }

    /** What the gateway signs: every field but the signature. */
    public byte[] signedBytes() {
        return signedBytes(attesterKeyId, subjectId, purpose, boundDigest, issuedAt);
    }

    /** Whether the holder of {@code attesterPublicKey} signed this attestation (nothing else is checked here). */
    public boolean signedBy(byte[] attesterPublicKey) {
        return Ecdsa.verify(attesterPublicKey, signedBytes(), signature);
    }

    /** Whether this attestation is bound to exactly {@code statementBytes}. */
    public boolean binds(byte[] statementBytes) {
        return java.security.MessageDigest.isEqual(boundDigest, Sha256.digest(statementBytes));
    }

    private static byte[] signedBytes(
            String attesterKeyId, String subjectId, String purpose, byte[] boundDigest, Instant issuedAt) {
        return Canonical.of("hrm/attestation/v2")
                .text(attesterKeyId)
                .text(subjectId)
                .text(purpose)
                .bytes(boundDigest)
                .text(issuedAt.toString())
                .toBytes();
    }
}

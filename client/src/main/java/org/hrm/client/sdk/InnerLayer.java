package org.hrm.client.sdk;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The inner layer: K1 derived from the plaintext, and AES-256-GCM under K1 bound to the record's identity.
 *
 * <p>AES-GCM is the JDK's (AES-NI, 17-43x faster than BouncyCastle's here). A {@code Cipher} and a {@code
 * SecretKeySpec} keep their own copies of K1 that cannot be zeroed; neither is pooled, so the copies die with the
 * call.
 */
final class InnerLayer {
    static final int KEY_BYTES = 32;
    private static final int TAG_BITS = InnerEnvelope.TAG_BYTES * 8;

    private InnerLayer() {}

    /** {@code K1 = HKDF-SHA256(ikm = SHA-256(plaintext), salt, info = "record-key" || recordId)}, 32 bytes. */
    static byte[] recordKey(byte[] plaintext, byte[] salt, RecordIdentity identity) {
        byte[] ikm = sha256(plaintext);
        try {
            return hkdfSha256(ikm, salt, identity.recordKeyInfo(), KEY_BYTES);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /** HKDF (RFC 5869) with SHA-256, extract then expand. */
    static byte[] hkdfSha256(byte[] ikm, byte[] salt, byte[] info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    /** Encrypts {@code plaintext} under K1 into a complete envelope (C1) of {@code version}; v2 ignores the salt. */
    static byte[] seal(byte version, byte[] key, byte[] salt, byte[] nonce, byte[] plaintext, RecordIdentity identity) {
        byte[] envelope = InnerEnvelope.allocate(version, salt, nonce, plaintext.length);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, identity);
            cipher.doFinal(plaintext, 0, plaintext.length, envelope, InnerEnvelope.headerBytes(version));
            return envelope;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    /** Decrypts C1 under K1; fails if the ciphertext or the record identity it is bound to changed. */
    static byte[] open(byte[] key, InnerEnvelope envelope, RecordIdentity identity) {
        byte[] bytes = envelope.bytes();
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, envelope.nonce(), identity);
            int offset = envelope.ciphertextOffset();
            return cipher.doFinal(bytes, offset, bytes.length - offset);
        } catch (AEADBadTagException e) {
            throw new RecordCryptoException(RecordCryptoException.INNER_AUTHENTICATION_FAILED);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    /** The content check: K1 recomputed from the plaintext and salt equals the K1 the share delivered. */
    static boolean contentMatches(byte[] key, byte[] plaintext, byte[] salt, RecordIdentity identity) {
        byte[] recomputed = recordKey(plaintext, salt, identity);
        try {
            return MessageDigest.isEqual(recomputed, key);
        } finally {
            Arrays.fill(recomputed, (byte) 0);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, RecordIdentity identity)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(identity.innerAad());
        return cipher;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

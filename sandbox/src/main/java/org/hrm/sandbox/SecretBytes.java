package org.hrm.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.hrm.client.sdk.EncryptedRecord;

/**
 * What must never appear on chain for one record: its plaintext, its salt, K1 and C1.
 *
 * <p>K1 is recomputed here from the plaintext and the salt the encryptor drew, independently of the SDK, exactly as
 * DESIGN.md defines it, so the scan does not trust the code it checks.
 */
record SecretBytes(byte[] plaintext, byte[] salt, byte[] recordKey, byte[] innerCiphertext) {

    static SecretBytes of(EncryptedRecord record, byte[] plaintext, byte[] salt) {
        return new SecretBytes(
                plaintext, salt, recordKey(plaintext, salt, record.recordId()), record.innerCiphertext());
    }

    List<byte[]> all() {
        return List.of(plaintext, salt, recordKey, innerCiphertext);
    }

    private static byte[] recordKey(byte[] plaintext, byte[] salt, String recordId) {
        try {
            byte[] ikm = MessageDigest.getInstance("SHA-256").digest(plaintext);
            byte[] info = ("record-key" + recordId).getBytes(StandardCharsets.UTF_8);
            HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
            hkdf.init(new HKDFParameters(ikm, salt, info));
            byte[] key = new byte[32];
            hkdf.generateBytes(key, 0, key.length);
            return key;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.hrm.keyvault.domain;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF-SHA256 (RFC 5869) for one 32-byte output block, with the default all-zero salt. */
final class Hkdf {
    private static final String HMAC = "HmacSHA256";
    private static final int HASH_BYTES = 32;

    private Hkdf() {}

    static byte[] deriveKey(byte[] inputKeyMaterial, byte[] info) {
        byte[] pseudoRandomKey = hmac(new byte[HASH_BYTES], inputKeyMaterial);
        try {
            byte[] block = new byte[info.length + 1];
            System.arraycopy(info, 0, block, 0, info.length);
            block[info.length] = 1;
            return hmac(pseudoRandomKey, block);
        } finally {
            Bytes.zero(pseudoRandomKey);
        }
    }

    /** HMAC-SHA256 of {@code data} under {@code key}. */
    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}

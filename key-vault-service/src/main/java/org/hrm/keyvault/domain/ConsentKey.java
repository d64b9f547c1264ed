package org.hrm.keyvault.domain;

import java.util.Base64;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.P256;

/**
 * consent-service's published P-256 public key: every access decision the vault acts on must verify under it
 * (ECDSA with SHA-256, signature r || s of 64 bytes, IEEE P1363).
 */
public final class ConsentKey {
    private final byte[] key;

    private ConsentKey(byte[] key) {
        this.key = key;
    }

    /** Parses base64 of the 65-byte uncompressed SEC1 point, or throws IllegalArgumentException saying why. */
    public static ConsentKey fromBase64(String base64) {
        try {
            return fromSec1(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("consent public key: " + e.getMessage(), e);
        }
    }

    /** Parses {@code 0x04 || x || y}; refuses anything that is not a point on P-256. */
    public static ConsentKey fromSec1(byte[] point) {
        return new ConsentKey(P256.requirePublicKey(point).clone());
    }

    /** True only for a 64-byte r || s signature by consent-service over exactly {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        return Ecdsa.verify(key, message, signature);
    }
}

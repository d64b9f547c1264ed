package org.hrm.keyvault.domain;

import java.security.PublicKey;
import java.util.Base64;

/**
 * consent-service's published P-256 public key: every access decision the vault acts on must verify under it
 * (ECDSA with SHA-256, signature r || s of 64 bytes, IEEE P1363).
 */
public final class ConsentKey {
    private final PublicKey key;

    private ConsentKey(PublicKey key) {
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
        return new ConsentKey(EcP256.publicKey(point));
    }

    /** True only for a 64-byte r || s signature by consent-service over exactly {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        return EcP256.verify(key, message, signature);
    }
}

package org.hrm.consent.domain;

import java.util.Arrays;
import java.util.Base64;
import org.hrm.crypto.P256;
import org.hrm.crypto.P256KeyPair;

/**
 * consent-service's P-256 signing key for access decisions, read from a key file (one line: base64 of the
 * 32-byte private scalar); its public key (65-byte SEC1, base64) is what the vault verifies decisions with.
 */
public final class DecisionSigningKey {
    private final P256KeyPair keyPair;

    private DecisionSigningKey(P256KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    /** Parses key file content; {@code source} names where it came from in error messages, never the key. */
    public static DecisionSigningKey parse(String content, String source) {
        String line = content == null
                ? ""
                : content.lines()
                        .map(String::strip)
                        .filter(each -> !each.isEmpty() && !each.startsWith("#"))
                        .findFirst()
                        .orElse("");
        if (line.isEmpty()) {
            throw new SigningKeyException(source + ": empty (expected one line: base64 of a 32-byte P-256 scalar)");
        }
        byte[] scalar = decode(line, source);
        try {
            return new DecisionSigningKey(P256KeyPair.fromPrivateKey(scalar));
        } catch (IllegalArgumentException e) {
            throw new SigningKeyException(source + ": " + e.getMessage());
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }

    /** Content for a fresh key file: a comment and the base64 of a new random P-256 private scalar. */
    public static String generateKeyFileContent() {
        P256KeyPair fresh = P256KeyPair.generate();
        byte[] scalar = fresh.privateKey();
        try {
            return "# hrm consent-service decision signing key (P-256 scalar): keep secret\n"
                    + Base64.getEncoder().encodeToString(scalar) + "\n";
        } finally {
            Arrays.fill(scalar, (byte) 0);
            fresh.destroy();
        }
    }

    /** The public key of a key file's content as the vault expects it: base64 of the 65-byte SEC1 point. */
    public static String publicKeyBase64(String keyFileContent) {
        return Base64.getEncoder()
                .encodeToString(parse(keyFileContent, "signing key").publicKey());
    }

    /** ECDSA P-256/SHA-256 over {@code data}: 64 bytes r || s (deterministic, low S; see org.hrm.crypto.Ecdsa). */
    public byte[] sign(byte[] data) {
        return keyPair.sign(data);
    }

    public byte[] publicKey() {
        return keyPair.publicKey();
    }

    @Override
    public String toString() {
        return "DecisionSigningKey[P-256]";
    }

    private static byte[] decode(String base64, String source) {
        byte[] scalar;
        try {
            scalar = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SigningKeyException(source + ": not valid base64");
        }
        if (scalar.length != P256.PRIVATE_KEY_BYTES) {
            throw new SigningKeyException(source + ": key must be 32 bytes, was " + scalar.length);
        }
        return scalar;
    }
}

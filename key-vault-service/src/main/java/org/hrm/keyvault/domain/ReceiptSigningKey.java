package org.hrm.keyvault.domain;

import java.util.Base64;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.P256KeyPair;

/**
 * The vault's P-256 signing key (ECDSA with SHA-256, 64-byte r || s): it signs erasure receipts, RecordSealed and
 * KeysDestroyed, read from a key file of one line: base64 of the 32-byte private scalar. Its public half (65-byte SEC1 point) is published so an owner, or
 * anyone they show the receipt to, can check it.
 */
public final class ReceiptSigningKey {
    private final P256KeyPair keyPair;

    private ReceiptSigningKey(P256KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    /** Parses key file content; {@code source} names where it came from in error messages, never the key. */
    public static ReceiptSigningKey parse(String content, String source) {
        String line = content == null
                ? ""
                : content.lines()
                        .map(String::strip)
                        .filter(each -> !each.isEmpty() && !each.startsWith("#"))
                        .findFirst()
                        .orElse("");
        if (line.isEmpty()) {
            throw new IllegalArgumentException(
                    source + ": empty (expected one line: base64 of a 32-byte P-256 private scalar)");
        }
        byte[] scalar;
        try {
            scalar = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": not valid base64");
        }
        try {
            return new ReceiptSigningKey(P256KeyPair.fromPrivateKey(scalar));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        } finally {
            Bytes.zero(scalar);
        }
    }

    /**
     * A fresh key held only in memory, for a vault started without a key file: its events verify for nobody who was
     * not told this run's public key (the ledger writer refuses them), which is the safe failure.
     */
    public static ReceiptSigningKey ephemeral() {
        return new ReceiptSigningKey(P256KeyPair.generate());
    }

    /** Content for a fresh receipt key file: a comment and the base64 of a new random P-256 private scalar. */
    public static String generateReceiptKeyFileContent() {
        P256KeyPair fresh = P256KeyPair.generate();
        byte[] scalar = fresh.privateKey();
        try {
            return "# hrm key vault erasure-receipt signing key (P-256 scalar): keep secret\n"
                    + Base64.getEncoder().encodeToString(scalar) + "\n";
        } finally {
            Bytes.zero(scalar);
            fresh.destroy();
        }
    }

    /** The public key of a receipt key file's content, as published: base64 of the 65-byte SEC1 point. */
    public static String receiptPublicKeyBase64(String keyFileContent) {
        return parse(keyFileContent, "receipt key").publicKeyBase64();
    }

    /**
     * Whether {@code signature} is a receipt signature over {@code message} by the holder of the published key
     * (base64 of the 65-byte SEC1 point); false for any malformed input.
     */
    public static boolean verifies(String publicKeyBase64, byte[] message, byte[] signature) {
        if (publicKeyBase64 == null) {
            return false;
        }
        try {
            return Ecdsa.verify(Base64.getDecoder().decode(publicKeyBase64.strip()), message, signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public byte[] sign(byte[] message) {
        return keyPair.sign(message);
    }

    public byte[] publicKey() {
        return keyPair.publicKey();
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keyPair.publicKey());
    }

    @Override
    public String toString() {
        return "ReceiptSigningKey[P-256, public " + publicKeyBase64() + "]";
    }
}

package org.hrm.consent.domain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECPoint;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.KeyAgreement;

/**
 * consent-service's P-256 signing key for access decisions, read from a key file (one line: base64 of the
 * 32-byte private scalar); its public key (65-byte SEC1, base64) is what the vault verifies decisions with.
 */
public final class DecisionSigningKey {
    private static final byte[] PROBE = "hrm/consent/public-key-probe".getBytes(StandardCharsets.UTF_8);

    private final ECPrivateKey privateKey;
    private final byte[] publicKey;

    private DecisionSigningKey(ECPrivateKey privateKey, byte[] publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
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
            ECPrivateKey key = EcP256.privateKey(new BigInteger(1, scalar));
            return new DecisionSigningKey(key, publicKeyOf(key));
        } catch (IllegalArgumentException e) {
            throw new SigningKeyException(source + ": " + e.getMessage());
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }

    /** Content for a fresh key file: a comment and the base64 of a new random P-256 private scalar. */
    public static String generateKeyFileContent() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(EcP256.CURVE);
            ECPrivateKey key = (ECPrivateKey) generator.generateKeyPair().getPrivate();
            return "# hrm consent-service decision signing key (P-256 scalar): keep secret\n"
                    + Base64.getEncoder().encodeToString(EcP256.unsigned(key.getS())) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 key generation unavailable", e);
        }
    }

    /** The public key of a key file's content as the vault expects it: base64 of the 65-byte SEC1 point. */
    public static String publicKeyBase64(String keyFileContent) {
        return Base64.getEncoder()
                .encodeToString(parse(keyFileContent, "signing key").publicKey());
    }

    public byte[] sign(byte[] data) {
        return EcP256.sign(privateKey, data);
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public String toString() {
        return "DecisionSigningKey[P-256]";
    }

    /**
     * The JDK has no scalar multiplication API, so ECDH with the generator gives x of d·G (the secret-dependent
     * step stays in the JDK); of the two points with that x, the one that verifies a probe signature is ours.
     */
    private static byte[] publicKeyOf(ECPrivateKey key) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(key);
            agreement.doPhase(EcP256.publicKey(EcP256.encode(EcP256.CURVE.getGenerator())), true);
            BigInteger x = new BigInteger(1, agreement.generateSecret());
            byte[] signature = EcP256.sign(key, PROBE);
            for (BigInteger y : EcP256.ys(x)) {
                byte[] candidate = EcP256.encode(new ECPoint(x, y));
                if (EcP256.verify(candidate, PROBE, signature)) {
                    return candidate;
                }
            }
            throw new IllegalStateException("no public key verifies the probe signature");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDH P-256 unavailable", e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] scalar;
        try {
            scalar = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SigningKeyException(source + ": not valid base64");
        }
        if (scalar.length != EcP256.SCALAR_BYTES) {
            throw new SigningKeyException(source + ": key must be 32 bytes, was " + scalar.length);
        }
        return scalar;
    }
}

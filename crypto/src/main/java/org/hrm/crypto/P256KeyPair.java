package org.hrm.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * A P-256 key pair that signs (ECDSA) and opens HPKE; it owns its 32-byte private scalar in an array that
 * {@link #destroy()} zeroes.
 *
 * <p>BouncyCastle's key parameters built from the scalar for one operation hold a {@code BigInteger} copy that cannot
 * be zeroed and is left to the garbage collector.
 */
public final class P256KeyPair implements P256Signer, Destroyable {
    private final byte[] publicKey;
    private final byte[] privateKey;
    private volatile boolean destroyed;

    private P256KeyPair(byte[] publicKey, byte[] privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** A fresh key pair from the system's strong randomness. */
    public static P256KeyPair generate() {
        return generate(new SecureRandom());
    }

    public static P256KeyPair generate(SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(P256.DOMAIN, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        ECPrivateKeyParameters d = (ECPrivateKeyParameters) pair.getPrivate();
        return new P256KeyPair(P256.publicKeyOf(d.getD()), P256.encodeScalar(d.getD()));
    }

    /** The key pair of a 32-byte private scalar in [1, n-1] (copied: the caller zeroes its own array). */
    public static P256KeyPair fromPrivateKey(byte[] privateKey) {
        ECPrivateKeyParameters d = P256.privateParameters(privateKey);
        return new P256KeyPair(P256.publicKeyOf(d.getD()), privateKey.clone());
    }

    /** The key pair of a private scalar, checking that {@code publicKey} belongs to it. */
    public static P256KeyPair of(byte[] publicKey, byte[] privateKey) {
        P256KeyPair pair = fromPrivateKey(privateKey);
        if (publicKey == null || !MessageDigest.isEqual(pair.publicKey, publicKey)) {
            pair.destroy();
            throw new IllegalArgumentException("public key does not match the private key");
        }
        return pair;
    }

    /** The public key as an uncompressed SEC1 point (65 bytes); a copy. */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** A copy of the 32-byte private scalar, for a key file; the caller zeroes it when done. */
    public byte[] privateKey() {
        requireLive();
        return privateKey.clone();
    }

    /** ECDSA P-256/SHA-256 over {@code message}: 64 bytes r || s, see {@link Ecdsa#sign}. */
    @Override
    public byte[] sign(byte[] message) {
        return Ecdsa.sign(this, message);
    }

    ECPrivateKeyParameters privateParameters() {
        requireLive();
        return P256.privateParameters(privateKey);
    }

    /** Zeroes the private scalar; the pair cannot sign or open afterwards. */
    @Override
    public void destroy() {
        Arrays.fill(privateKey, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "P256KeyPair[public " + java.util.HexFormat.of().formatHex(publicKey, 1, 9) + "…]";
    }

    private void requireLive() {
        if (destroyed) {
            throw new IllegalStateException("key pair was destroyed");
        }
    }
}

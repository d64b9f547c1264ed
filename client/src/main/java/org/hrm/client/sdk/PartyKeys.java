package org.hrm.client.sdk;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * A party's identity: its id and P-256 key pair, used both to open key shares (HPKE) and to sign provenance (ECDSA).
 *
 * <p>The private scalar is held in an array this object owns; {@link #destroy()} zeroes it. BouncyCastle's key
 * parameters built from it for one operation hold a {@code BigInteger} copy that cannot be zeroed and is left to the
 * garbage collector.
 */
public final class PartyKeys implements Destroyable {
    private final String partyId;
    private final byte[] publicKey;
    private final byte[] privateKey;
    private volatile boolean destroyed;

    private PartyKeys(String partyId, byte[] publicKey, byte[] privateKey) {
        this.partyId = partyId;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** A fresh key pair from the system's strong randomness. */
    public static PartyKeys generate(String partyId) {
        return generate(partyId, new SecureRandom());
    }

    public static PartyKeys generate(String partyId, SecureRandom random) {
        requirePartyId(partyId);
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(P256.DOMAIN, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        ECPrivateKeyParameters d = (ECPrivateKeyParameters) pair.getPrivate();
        return new PartyKeys(partyId, P256.publicKeyOf(d.getD()), P256.encodeScalar(d.getD()));
    }

    /** Rebuilds a party's keys from its 32-byte private scalar (copied; the caller zeroes its own array). */
    public static PartyKeys fromPrivateKey(String partyId, byte[] privateKey) {
        requirePartyId(partyId);
        ECPrivateKeyParameters d = P256.privateKey(privateKey);
        return new PartyKeys(partyId, P256.publicKeyOf(d.getD()), privateKey.clone());
    }

    /** Rebuilds a party's keys, checking that the public key belongs to the private scalar. */
    public static PartyKeys of(String partyId, byte[] publicKey, byte[] privateKey) {
        PartyKeys keys = fromPrivateKey(partyId, privateKey);
        if (publicKey == null || !MessageDigest.isEqual(keys.publicKey, publicKey)) {
            keys.destroy();
            throw new IllegalArgumentException("public key does not match the private key of party " + partyId);
        }
        return keys;
    }

    public String partyId() {
        return partyId;
    }

    /** The public key as an uncompressed SEC1 point (65 bytes); a copy. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** A copy of the 32-byte private scalar; the caller zeroes it when done. */
    byte[] privateKey() {
        requireLive();
        return privateKey.clone();
    }

    ECPrivateKeyParameters signingKey() {
        requireLive();
        return P256.privateKey(privateKey);
    }

    /** Zeroes the private scalar; the keys cannot be used afterwards. */
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
        return "PartyKeys[" + partyId + "]";
    }

    static String requirePartyId(String partyId) {
        if (partyId == null || partyId.isBlank()) {
            throw new IllegalArgumentException("party id must not be blank");
        }
        return partyId;
    }

    private void requireLive() {
        if (destroyed) {
            throw new IllegalStateException("keys of party " + partyId + " were destroyed");
        }
    }
}

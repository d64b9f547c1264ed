package org.hrm.client.sdk;

import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.security.auth.Destroyable;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.Hpke;
import org.hrm.crypto.P256KeyPair;

/**
 * A party's identity held in memory (from a key file): its id and P-256 key pair, used both to open key shares (HPKE)
 * and to sign provenance (ECDSA).
 *
 * <p>The private scalar is held by a {@link P256KeyPair} this object owns; {@link #destroy()} zeroes it.
 */
public final class PartyKeys implements PartyKeyHolder, Destroyable {
    private final String partyId;
    private final P256KeyPair keyPair;

    private PartyKeys(String partyId, P256KeyPair keyPair) {
        this.partyId = partyId;
        this.keyPair = keyPair;
    }

    /** A fresh key pair from the system's strong randomness. */
    public static PartyKeys generate(String partyId) {
        return generate(partyId, new SecureRandom());
    }

    public static PartyKeys generate(String partyId, SecureRandom random) {
        requirePartyId(partyId);
        return new PartyKeys(partyId, P256KeyPair.generate(random));
    }

    /** Rebuilds a party's keys from its 32-byte private scalar (copied; the caller zeroes its own array). */
    public static PartyKeys fromPrivateKey(String partyId, byte[] privateKey) {
        requirePartyId(partyId);
        return new PartyKeys(partyId, P256KeyPair.fromPrivateKey(privateKey));
    }

    /** Rebuilds a party's keys, checking that the public key belongs to the private scalar. */
    public static PartyKeys of(String partyId, byte[] publicKey, byte[] privateKey) {
        PartyKeys keys = fromPrivateKey(partyId, privateKey);
        if (publicKey == null || !MessageDigest.isEqual(keys.keyPair.publicKey(), publicKey)) {
            keys.destroy();
            throw new IllegalArgumentException("public key does not match the private key of party " + partyId);
        }
        return keys;
    }

    @Override
    public String partyId() {
        return partyId;
    }

    @Override
    public byte[] publicKey() {
        return keyPair.publicKey();
    }

    @Override
    public byte[] sign(byte[] message) {
        return Ecdsa.sign(keyPair, message);
    }

    @Override
    public byte[] open(byte[] info, byte[] aad, byte[] sealed) {
        return Hpke.open(keyPair, info, aad, sealed);
    }

    /** The key pair itself, to sign or open with {@code org.hrm.crypto} (e.g. a signed event's helper). */
    public P256KeyPair keyPair() {
        return keyPair;
    }

    /** A copy of the 32-byte private scalar; the caller zeroes it when done. */
    byte[] privateKey() {
        return keyPair.privateKey();
    }

    /** Zeroes the private scalar; the keys cannot be used afterwards. */
    @Override
    public void destroy() {
        keyPair.destroy();
    }

    /** The same as {@link #destroy()}. */
    @Override
    public void close() {
        destroy();
    }

    @Override
    public boolean isDestroyed() {
        return keyPair.isDestroyed();
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
}

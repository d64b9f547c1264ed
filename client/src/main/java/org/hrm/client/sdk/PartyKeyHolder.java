package org.hrm.client.sdk;

import org.hrm.crypto.HpkeOpenException;
import org.hrm.crypto.P256Signer;

/**
 * Whatever holds a party's private key and does for it everything the SDK needs that key for: signing (provenance,
 * access requests, grants, revocations, registrations) and opening what was sealed to the party with HPKE (key shares,
 * released C1). The key never has to leave the holder: {@link PartyKeys} keeps it in memory (a key file),
 * {@link Pkcs11PartyKey} in a PKCS#11 token.
 */
public interface PartyKeyHolder extends P256Signer, AutoCloseable {
    String partyId();

    /** The public key as an uncompressed SEC1 point (65 bytes); a copy. */
    byte[] publicKey();

    /** ECDSA P-256 with SHA-256 over {@code message}: 64 bytes {@code r || s}, low S (docs/wire-format.md). */
    @Override
    byte[] sign(byte[] message);

    /**
     * Opens HPKE base-mode data sealed to this party's key (DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-256-GCM,
     * {@code enc || ct}).
     *
     * @throws HpkeOpenException whatever the reason it does not open
     */
    byte[] open(byte[] info, byte[] aad, byte[] sealed);

    /** Releases the key: zeroes it in memory, or lets go of the token session. */
    @Override
    void close();
}

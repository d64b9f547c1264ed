package org.hrm.crypto;

/**
 * Whatever holds a P-256 private key and signs with it: a {@link P256KeyPair} in memory, or a key that never leaves a
 * token (the client SDK's PKCS#11 key). Signed events take this, not a key pair, so a party whose key is in an HSM
 * signs them the same way.
 */
public interface P256Signer {
    /** The public key it signs for, an uncompressed SEC1 point (65 bytes); a copy. */
    byte[] publicKey();

    /** ECDSA P-256 with SHA-256 over {@code message}: 64 bytes {@code r || s}, low S (see {@link Ecdsa}). */
    byte[] sign(byte[] message);
}

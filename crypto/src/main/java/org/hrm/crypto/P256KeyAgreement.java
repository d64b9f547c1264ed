package org.hrm.crypto;

/**
 * The Diffie-Hellman step of a P-256 private key, for a key that cannot leave where it is held (an HSM): HPKE's
 * decapsulation asks it for the shared secret and does the rest in software ({@link Hpke#open(P256KeyAgreement,
 * byte[], byte[], byte[], byte[])}).
 */
@FunctionalInterface
public interface P256KeyAgreement {
    /**
     * ECDH with {@code peerPublicKey} (a 65-byte SEC1 point already checked to be on the curve): the 32-byte
     * x-coordinate of the shared point, as RFC 9180's {@code DH()} for P-256 defines it.
     */
    byte[] sharedSecret(byte[] peerPublicKey);
}

package org.hrm.consent.domain;

/** A statement as received, with the exact bytes its author signed and the 64-byte r||s signature over them. */
public record Signed<T>(T content, byte[] signedBytes, byte[] signature) {
    /** Whether the party with {@code publicKey} made the signature. */
    public boolean signedBy(byte[] publicKey) {
        return EcP256.verify(publicKey, signedBytes, signature);
    }
}

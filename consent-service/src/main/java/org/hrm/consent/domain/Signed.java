package org.hrm.consent.domain;

import org.hrm.crypto.Ecdsa;

/** A statement as received, with the exact bytes its author signed and the 64-byte r||s signature over them. */
public record Signed<T>(T content, byte[] signedBytes, byte[] signature) {
    /** Whether the party with {@code publicKey} made the signature. */
    public boolean signedBy(byte[] publicKey) {
        return Ecdsa.verify(publicKey, signedBytes, signature);
    }
}

package org.hrm.client.sdk;

import org.hrm.crypto.Ecdsa;

/**
 * The author's signature over a record: ECDSA P-256 with SHA-256, deterministic k (RFC 6979), encoded {@code r || s}
 * (low S; see {@link Ecdsa}), over the bytes {@link org.hrm.contracts.ProvenanceBytes} defines per envelope version.
 */
final class Provenance {
    static final int SIGNATURE_BYTES = Ecdsa.SIGNATURE_BYTES;

    private Provenance() {}

    static byte[] sign(PartyKeyHolder author, byte[] message) {
        return author.sign(message);
    }

    /** Whether the holder of {@code authorPublicKey} (65-byte SEC1, validated by the caller) signed {@code message}. */
    static boolean verify(byte[] authorPublicKey, byte[] message, byte[] signature) {
        return Ecdsa.verify(authorPublicKey, message, signature);
    }
}

package org.hrm.client.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.hrm.contracts.events.KeyShare;
import org.hrm.crypto.Ecdsa;

/**
 * The author's signature over a record: ECDSA P-256 with SHA-256, deterministic k (RFC 6979), encoded {@code r || s}
 * (low S; see {@link Ecdsa}).
 *
 * <p>The signed bytes are {@code "hrm/provenance/v1"} followed by these fields, each prefixed with its length as a
 * 4-byte big-endian integer: utf8(recordId), utf8(domain name), utf8(ownerId), SHA-256(C1), then for each share in
 * order utf8(readerId) and the share bytes.
 */
final class Provenance {
    static final int SIGNATURE_BYTES = Ecdsa.SIGNATURE_BYTES;
    private static final byte[] TAG = "hrm/provenance/v1".getBytes(UTF_8);

    private Provenance() {}

    static byte[] signedBytes(RecordIdentity identity, byte[] innerCiphertext, List<KeyShare> shares) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(TAG);
        field(out, identity.recordId().getBytes(UTF_8));
        field(out, identity.domain().name().getBytes(UTF_8));
        field(out, identity.ownerId().getBytes(UTF_8));
        field(out, InnerLayer.sha256(innerCiphertext));
        for (KeyShare share : shares) {
            field(out, share.readerId().getBytes(UTF_8));
            field(out, share.share());
        }
        return out.toByteArray();
    }

    static byte[] sign(PartyKeys author, byte[] message) {
        return Ecdsa.sign(author.keyPair(), message);
    }

    /** Whether the holder of {@code authorPublicKey} (65-byte SEC1, validated by the caller) signed {@code message}. */
    static boolean verify(byte[] authorPublicKey, byte[] message, byte[] signature) {
        return Ecdsa.verify(authorPublicKey, message, signature);
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        int length = value.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.writeBytes(value);
    }
}

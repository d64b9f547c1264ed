package org.hrm.contracts;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hrm.contracts.events.KeyShare;
import org.hrm.crypto.Canonical;
import org.hrm.crypto.Sha256;

/**
 * The bytes a record's author signs (provenance), by envelope version, so the SDK, the vault and every reader compute
 * them alike; docs/wire-format.md, "Provenance", writes them down byte by byte.
 *
 * <p>v2 (C1 starts with 0x02): {@link Canonical} with label {@code "hrm/provenance/v2"} over recordId, domain, ownerId,
 * authorId, SHA-256(C1), then each share's readerId and bytes in order. v1 (C1 starts with 0x01): the raw tag {@code
 * "hrm/provenance/v1"} (not length-prefixed), then the same length-prefixed fields without authorId. The version is C1's
 * first byte, itself covered by SHA-256(C1), so a signature of one version never verifies as the other.
 */
public final class ProvenanceBytes {
    public static final byte ENVELOPE_V1 = 0x01;
    public static final byte ENVELOPE_V2 = 0x02;
    static final String LABEL_V1 = "hrm/provenance/v1";
    static final String LABEL_V2 = "hrm/provenance/v2";

    private ProvenanceBytes() {}

    /**
     * The signed bytes of a record for the envelope version C1 names.
     *
     * @throws IllegalArgumentException if C1 is empty or names an unknown version
     */
    public static byte[] of(
            String recordId,
            Domain domain,
            String ownerId,
            String authorId,
            byte[] innerCiphertext,
            List<KeyShare> shares) {
        int version = envelopeVersion(innerCiphertext);
        if (version == ENVELOPE_V2) {
            Canonical canonical = Canonical.of(LABEL_V2)
                    .text(recordId)
                    .text(domain.name())
                    .text(ownerId)
                    .text(authorId)
                    .bytes(Sha256.digest(innerCiphertext));
            shares.forEach(share -> canonical.text(share.readerId()).bytes(share.share()));
            return canonical.toBytes();
        }
        if (version == ENVELOPE_V1) {
            return v1(recordId, domain, ownerId, innerCiphertext, shares);
        }
        throw new IllegalArgumentException("unsupported envelope version " + version);
    }

    /** C1's first byte, the envelope version; 0 for empty bytes. */
    public static int envelopeVersion(byte[] innerCiphertext) {
        return innerCiphertext == null || innerCiphertext.length == 0 ? 0 : Byte.toUnsignedInt(innerCiphertext[0]);
    }

    private static byte[] v1(
            String recordId, Domain domain, String ownerId, byte[] innerCiphertext, List<KeyShare> shares) {
        // v1 wrote its tag unprefixed; frozen on chain, so kept byte for byte.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(LABEL_V1.getBytes(StandardCharsets.UTF_8));
        field(out, recordId.getBytes(StandardCharsets.UTF_8));
        field(out, domain.name().getBytes(StandardCharsets.UTF_8));
        field(out, ownerId.getBytes(StandardCharsets.UTF_8));
        field(out, Sha256.digest(innerCiphertext));
        for (KeyShare share : shares) {
            field(out, share.readerId().getBytes(StandardCharsets.UTF_8));
            field(out, share.share());
        }
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }
}

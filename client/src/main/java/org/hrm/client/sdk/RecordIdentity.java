package org.hrm.client.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.UUID;
import org.hrm.contracts.Domain;

/** What a record's ciphertext and key shares are bound to: its id, domain and owner. */
record RecordIdentity(String recordId, Domain domain, String ownerId) {
    private static final byte[] RECORD_KEY_INFO = "record-key".getBytes(UTF_8);
    private static final String SHARE_INFO = "hrm/share/v";

    RecordIdentity {
        requireRecordId(recordId);
        if (domain == null) {
            throw new IllegalArgumentException("domain must be given");
        }
        PartyKeys.requirePartyId(ownerId);
    }

    /**
     * AES-GCM associated data of C1: {@code utf8(recordId) || 0x00 || utf8(domain.name()) || 0x00 || utf8(ownerId)}.
     *
     * <p>Unambiguous because a record id (a UUID) and a domain name never contain 0x00.
     */
    byte[] innerAad() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(recordId.getBytes(UTF_8));
        out.write(0);
        out.writeBytes(domain.name().getBytes(UTF_8));
        out.write(0);
        out.writeBytes(ownerId.getBytes(UTF_8));
        return out.toByteArray();
    }

    /** HKDF info of K1: {@code "record-key" || utf8(recordId)}. */
    byte[] recordKeyInfo() {
        return concat(RECORD_KEY_INFO, recordId.getBytes(UTF_8));
    }

    /** HPKE info of a key share of envelope {@code version}: {@code "hrm/share/v1" || utf8(recordId)}, or v2. */
    byte[] shareInfo(int version) {
        return (SHARE_INFO + version + recordId).getBytes(UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void requireRecordId(String recordId) {
        boolean canonical;
        try {
            canonical =
                    recordId != null && UUID.fromString(recordId).toString().equals(recordId.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            canonical = false;
        }
        if (!canonical) {
            throw new IllegalArgumentException("record id must be a UUID");
        }
    }
}

package org.hrm.contracts.events;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hrm.contracts.Domain;

/**
 * The vault removed its layer for an allowed request (schema v2): C1 HPKE-sealed to the requester's registered public
 * key and bound to this request, and the share holder's key share, both read from the chain. A copy on the topic opens
 * for nobody but the requester, and only as the answer to this request.
 *
 * @param sealedInnerCiphertext {@code enc (65) || HPKE ciphertext of C1 || tag (16)}: RFC 9180 base mode,
 *     DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-256-GCM to the requester's key, {@code info = }{@link #sealInfo},
 *     {@code aad = }{@link #sealAad}
 * @param share the share holder's key share: the requester's, or in an emergency its institution's
 */
public record RecordReleased(
        String requestId,
        String recordId,
        Domain domain,
        String requesterId,
        byte[] sealedInnerCiphertext,
        KeyShare share,
        Instant releasedAt) {
    /** Bytes of the HPKE encapsulation (an uncompressed P-256 point) before the sealed C1. */
    public static final int ENC_BYTES = 65;

    private static final String SEAL_LABEL = "hrm/released/v2";

    public RecordReleased {
        Require.recordId(requestId);
        Require.recordId(recordId);
        Require.present(domain, "domain");
        Require.text(requesterId, "requesterId");
        Require.bytes(sealedInnerCiphertext, "sealedInnerCiphertext");
        if (sealedInnerCiphertext.length <= ENC_BYTES + 16) {
            throw new IllegalArgumentException("sealedInnerCiphertext is too short to hold a sealed C1");
        }
        Require.present(share, "share");
        Require.present(releasedAt, "releasedAt");
    }

    /** HPKE info of a released C1: {@code utf8("hrm/released/v2") || utf8(requestId)}. */
    public static byte[] sealInfo(String requestId) {
        return (SEAL_LABEL + requestId).getBytes(StandardCharsets.UTF_8);
    }

    /** HPKE aad of a released C1: {@code utf8(requesterId) || 0x00 || utf8(recordId)} (a UUID never holds 0x00). */
    public static byte[] sealAad(String requesterId, String recordId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(requesterId.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.writeBytes(recordId.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Whether this is the answer to the request the caller made: its request id, record and requester. */
    public boolean answers(String requestId, String recordId, String requesterId) {
        return this.requestId.equals(requestId)
                && this.recordId.equals(recordId)
                && this.requesterId.equals(requesterId);
    }
}

package org.hrm.contracts.events;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hrm.contracts.Domain;

/**
 * The vault removed its layer for an allowed request (schema v2): C1 HPKE-sealed to the requester's registered public
 * key and bound to this request, and the share holder's key share, both read from the chain. A copy on the topic opens
 * for nobody but the requester, and only as the answer to this request.
 *
 * @param sealedInnerCiphertext {@code enc (65) || HPKE ciphertext of C1 || tag (16)}: RFC 9180 base mode,
 *     DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-256-GCM to the requester's key, {@code info = }{@link #sealInfo},
 *     {@code aad = }{@link #sealAad}
 * <p>Provenance (optional fields of v2, present for records sealed since the vault keeps it): the vault keeps, with
 * each record's wrapped K2 (so erasure destroys both), the provenance of the submission it sealed and hands it out
 * with every release, so a reader verifies a record however long ago it was submitted, after record-submitted has
 * dropped the submission. The vault is not trusted for it: the author's signature covers SHA-256 of C1, so a reader
 * that verifies {@link #submission} against the author's key, after opening the sealed C1, rejects any provenance of
 * another record. Absent (a record sealed before): readers fall back to what they have (the topic, the gateway's
 * view). Either all of {@code ownerId}, {@code authorId}, {@code shares} and {@code authorSignature} are present or
 * none.
 *
 * @param share the share holder's key share: the requester's, or in an emergency its institution's
 * @param ownerId the owner named in the provenance (the author signed it); null for a record sealed before
 * @param authorId the author who signed the provenance; null for a record sealed before
 * @param shares every reader's share as submitted, in the signed order; null for a record sealed before
 * @param authorSignature the author's ECDSA P-256 {@code r || s} over the provenance bytes; null for a record sealed
 *     before
 * @param category the submission's category (not signed), or null
 */
public record RecordReleased(
        String requestId,
        String recordId,
        Domain domain,
        String requesterId,
        byte[] sealedInnerCiphertext,
        KeyShare share,
        Instant releasedAt,
        String ownerId,
        String authorId,
        List<KeyShare> shares,
        byte[] authorSignature,
        String category) {
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
        boolean anyProvenance = ownerId != null || authorId != null || shares != null || authorSignature != null;
        if (anyProvenance) {
            Require.text(ownerId, "ownerId");
            Require.text(authorId, "authorId");
            shares = List.copyOf(Require.nonEmpty(shares, "shares"));
            Require.bytes(authorSignature, "authorSignature");
        } else if (category != null) {
            throw new IllegalArgumentException("category without provenance");
        }
    }

    /** A release without provenance (a record sealed before the vault kept it). */
    public RecordReleased(
            String requestId,
            String recordId,
            Domain domain,
            String requesterId,
            byte[] sealedInnerCiphertext,
            KeyShare share,
            Instant releasedAt) {
        this(
                requestId,
                recordId,
                domain,
                requesterId,
                sealedInnerCiphertext,
                share,
                releasedAt,
                null,
                null,
                null,
                null,
                null);
    }

    /** Whether the vault sent the record's provenance with this release. */
    public boolean carriesProvenance() {
        return authorSignature != null;
    }

    /**
     * The record's submission as this release's provenance names it, with {@code innerCiphertext} (the C1 the
     * requester opened from {@link #sealedInnerCiphertext}) as its C1; empty for a release without provenance. Not
     * verified here: verify it against its author's key (the signature covers SHA-256 of C1, so provenance of another
     * record fails). Its {@code submittedAt} is this release's time: the release does not carry the submission's,
     * which is not signed either.
     */
    public Optional<RecordSubmitted> submission(byte[] innerCiphertext) {
        if (!carriesProvenance()) {
            return Optional.empty();
        }
        return Optional.of(new RecordSubmitted(
                recordId, domain, ownerId, authorId, innerCiphertext, shares, authorSignature, releasedAt, category));
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

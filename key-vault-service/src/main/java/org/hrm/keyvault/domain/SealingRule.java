package org.hrm.keyvault.domain;

import java.security.MessageDigest;
import java.util.Optional;

/**
 * When a record id is already sealed: the same submission is sealed again under the stored K2 (so a crash between
 * storing the key and publishing loses nothing), different content is refused.
 */
public final class SealingRule {
    private SealingRule() {}

    /** Empty when {@code submission} may be sealed again under {@code stored}; otherwise the reason it may not. */
    public static Optional<String> refusal(Submission submission, byte[] digest, WrappedRecordKey stored) {
        if (!MessageDigest.isEqual(digest, stored.submissionDigest())) {
            return Optional.of(differentContent(submission.recordId()));
        }
        return Optional.empty();
    }

    /** An envelope v1 key share (RFC 9180, DHKEM P-256): a 65-byte uncompressed point, then K1 sealed (32 + 16). */
    public static final int V1_KEY_SHARE_BYTES = 65 + 32 + 16;

    /** An envelope v2 key share: a 65-byte uncompressed point, then K1 || salt sealed (64 + 16 bytes). */
    public static final int V2_KEY_SHARE_BYTES = 65 + 64 + 16;

    private static final byte UNCOMPRESSED_POINT = 0x04;

    /**
     * Why a share cannot be an HPKE key share of the record's envelope version (C1's first byte), or empty: the vault
     * cannot open shares, but one of the wrong shape would go on the immutable chain and never open for its reader.
     */
    public static Optional<String> malformedShare(ReaderShare share, int envelopeVersion) {
        byte[] bytes = share.share();
        int expected = envelopeVersion == 1 ? V1_KEY_SHARE_BYTES : V2_KEY_SHARE_BYTES;
        if (bytes.length != expected || bytes[0] != UNCOMPRESSED_POINT) {
            return Optional.of("share of reader " + share.readerId() + " is not an envelope v" + envelopeVersion
                    + " HPKE key share (" + bytes.length + " bytes, expected " + expected
                    + " starting with an uncompressed P-256 point)");
        }
        return Optional.empty();
    }

    public static String differentContent(String recordId) {
        return "record " + recordId + " already sealed with different content";
    }

    /** An erased record stays erased: a replayed submission is never sealed again under fresh keys. */
    public static String erased(String recordId) {
        return "record " + recordId + " was erased";
    }

    public static String keysDestroyed(String recordId) {
        return "keys of record " + recordId + " were destroyed";
    }
}

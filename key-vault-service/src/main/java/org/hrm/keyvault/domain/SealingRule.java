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

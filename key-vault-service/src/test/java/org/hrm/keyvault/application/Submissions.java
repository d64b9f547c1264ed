package org.hrm.keyvault.application;

import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import org.hrm.keyvault.domain.ReaderShare;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.Submission;

/** Hand-made submissions with random C1, shares and signature. */
public final class Submissions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Submissions() {}

    static Submission of(RecordDomain domain, String ownerId) {
        return of(UUID.randomUUID().toString(), domain, ownerId);
    }

    static Submission of(String recordId, RecordDomain domain, String ownerId) {
        return new Submission(
                recordId,
                domain,
                ownerId,
                "author-1",
                random(200),
                List.of(new ReaderShare(ownerId, random(113)), new ReaderShare("author-1", random(113))),
                random(64));
    }

    static Submission withOtherC1(Submission submission) {
        return new Submission(
                submission.recordId(),
                submission.domain(),
                submission.ownerId(),
                submission.authorId(),
                random(200),
                submission.shares(),
                submission.authorSignature());
    }

    public static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}

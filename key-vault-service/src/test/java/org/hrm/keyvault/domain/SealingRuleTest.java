package org.hrm.keyvault.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SealingRuleTest {
    private final Submission original = submission("owner-1", new byte[] {1, 2, 3}, new byte[] {9});

    @Test
    void allowsSealingTheSameSubmissionAgain() {
        WrappedRecordKey stored = storedFor(original);

        Submission again = submission("owner-1", new byte[] {1, 2, 3}, new byte[] {9});

        assertThat(SealingRule.refusal(again, again.digest(), stored)).isEmpty();
    }

    @Test
    void refusesDifferentContentUnderASealedRecordId() {
        WrappedRecordKey stored = storedFor(original);

        Submission changedC1 = submission("owner-1", new byte[] {1, 2, 4}, new byte[] {9});
        Submission changedSignature = submission("owner-1", new byte[] {1, 2, 3}, new byte[] {8});
        Submission changedOwner = submission("owner-2", new byte[] {1, 2, 3}, new byte[] {9});

        for (Submission changed : List.of(changedC1, changedSignature, changedOwner)) {
            assertThat(SealingRule.refusal(changed, changed.digest(), stored))
                    .contains("record " + original.recordId() + " already sealed with different content");
        }
    }

    @Test
    void digestsShareBoundariesUnambiguously() {
        Submission split = new Submission(
                original.recordId(),
                RecordDomain.PATIENT,
                "owner-1",
                "author-1",
                new byte[] {1},
                List.of(new ReaderShare("ab", new byte[] {1}), new ReaderShare("c", new byte[] {2})),
                new byte[] {9});

        Submission merged = new Submission(
                original.recordId(),
                RecordDomain.PATIENT,
                "owner-1",
                "author-1",
                new byte[] {1},
                List.of(new ReaderShare("a", new byte[] {1}), new ReaderShare("bc", new byte[] {2})),
                new byte[] {9});

        assertThat(split.digest()).hasSize(32).isNotEqualTo(merged.digest());
    }

    private static Submission submission(String ownerId, byte[] c1, byte[] signature) {
        return new Submission(
                "7f2c1c4e-1d7a-4a0e-9a52-0b8e4f1c2d3e",
                RecordDomain.PATIENT,
                ownerId,
                "author-1",
                c1,
                List.of(new ReaderShare(ownerId, new byte[] {5})),
                signature);
    }

    private static WrappedRecordKey storedFor(Submission submission) {
        return new WrappedRecordKey(
                submission.recordId(), submission.ownerId(), "kek-1", new byte[60], submission.digest(), Instant.now());
    }
}

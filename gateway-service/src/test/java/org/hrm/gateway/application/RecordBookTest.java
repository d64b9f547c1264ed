package org.hrm.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.SealedShare;
import org.hrm.gateway.adapter.RecordMapping;
import org.hrm.gateway.domain.RecordStage;
import org.junit.jupiter.api.Test;

class RecordBookTest {
    private static final Instant AT = Instant.parse("2026-12-04T09:30:00Z");
    private final String recordId = UUID.randomUUID().toString();
    private final RecordSubmitted genuine = submission("patient-alice", "hospital-a", new byte[] {1, 1});
    /** Only the genuine submission's provenance verifies against its author's registered key. */
    private final RecordBook book =
            new RecordBook((authorId, signed, signature, sealedAt) -> Arrays.equals(signed, genuine.signedBytes()));

    @Test
    void aLaterReOwnedOrReAuthoredSubmissionDoesNotChangeASealedRecord() {
        book.submitted(RecordMapping.submission(genuine));
        book.sealed(RecordMapping.seal(sealedAs(genuine)));

        book.submitted(RecordMapping.submission(submission("patient-mallory", "hospital-a", new byte[] {1, 1})));
        book.submitted(RecordMapping.submission(submission("patient-alice", "hospital-evil", new byte[] {2, 2})));

        RecordView view = book.find(recordId).orElseThrow();
        assertThat(view.ownerId()).isEqualTo("patient-alice");
        assertThat(view.authorId()).isEqualTo("hospital-a");
        assertThat(view.stage()).isEqualTo(RecordStage.SEALED);
        assertThat(book.ownedBy("patient-mallory")).isEmpty();
    }

    @Test
    void aLaterSealOfTheSameRecordDoesNotMoveItsSealingTime() {
        // The sealing time decides whether a signature by a key its author reported lost still counts.
        RecordSealed first = sealedAs(genuine);
        book.submitted(RecordMapping.submission(genuine));
        book.sealed(RecordMapping.seal(first));

        RecordSealed earlier = new RecordSealed(
                first.recordId(),
                first.domain(),
                first.ownerPseudonym(),
                first.outerCiphertext(),
                first.shares(),
                first.authorSignature(),
                AT.minusSeconds(3_600));
        book.sealed(RecordMapping.seal(earlier));

        assertThat(book.find(recordId).orElseThrow().sealedAt()).isEqualTo(first.sealedAt());
    }

    @Test
    void aLaterSubmissionDoesNotReplaceTheFirstBeforeTheSeal() {
        book.submitted(RecordMapping.submission(genuine));

        book.submitted(RecordMapping.submission(submission("patient-mallory", "hospital-evil", new byte[] {2, 2})));

        assertThat(book.find(recordId).orElseThrow().ownerId()).isEqualTo("patient-alice");
    }

    @Test
    void theSealedSubmissionWinsOverAForgeryThatArrivedFirst() {
        RecordSubmitted forged = submission("patient-mallory", "hospital-evil", new byte[] {2, 2});
        book.submitted(RecordMapping.submission(forged));
        book.submitted(RecordMapping.submission(genuine));

        book.sealed(RecordMapping.seal(sealedAs(genuine)));

        RecordView view = book.find(recordId).orElseThrow();
        assertThat(view.ownerId()).isEqualTo("patient-alice");
        assertThat(view.authorId()).isEqualTo("hospital-a");
        assertThat(book.ownedBy("patient-mallory")).isEmpty();
    }

    @Test
    void ofRivalsWithTheSealedSignatureTheOneWhoseProvenanceVerifiesWins() {
        RecordSubmitted reOwned = submission("patient-mallory", "hospital-a", new byte[] {1, 1});
        book.submitted(RecordMapping.submission(reOwned));
        book.submitted(RecordMapping.submission(genuine));

        book.sealed(RecordMapping.seal(sealedAs(genuine)));

        assertThat(book.find(recordId).orElseThrow().ownerId()).isEqualTo("patient-alice");
    }

    @Test
    void aSealReadBeforeItsSubmissionWaitsForTheMatchingOne() {
        book.sealed(RecordMapping.seal(sealedAs(genuine)));

        book.submitted(RecordMapping.submission(submission("patient-mallory", "hospital-evil", new byte[] {2, 2})));
        assertThat(book.find(recordId).orElseThrow().submissionKnown()).isFalse();
        book.submitted(RecordMapping.submission(genuine));

        RecordView view = book.find(recordId).orElseThrow();
        assertThat(view.ownerId()).isEqualTo("patient-alice");
        assertThat(view.stage()).isEqualTo(RecordStage.SEALED);
    }

    @Test
    void aForgeryShownBeforeTheSealIsWithdrawnWhenTheSealNamesAnotherSubmission() {
        book.submitted(RecordMapping.submission(submission("patient-mallory", "hospital-evil", new byte[] {2, 2})));

        book.sealed(RecordMapping.seal(sealedAs(genuine)));

        assertThat(book.find(recordId).orElseThrow().submissionKnown()).isFalse();
        assertThat(book.ownedBy("patient-mallory")).isEmpty();
    }

    private RecordSubmitted submission(String ownerId, String authorId, byte[] signature) {
        byte[] c1 = {2, 7, 7, 7};
        return new RecordSubmitted(
                recordId,
                Domain.PATIENT,
                ownerId,
                authorId,
                c1,
                List.of(new KeyShare(ownerId, new byte[] {5, 6}), new KeyShare(authorId, new byte[] {7, 8})),
                Arrays.copyOf(signature, 64),
                AT,
                "Observation");
    }

    /** The vault's seal of exactly this submission (its signature and share bytes). */
    static RecordSealed sealedAs(RecordSubmitted record) {
        return new RecordSealed(
                record.recordId(),
                record.domain(),
                new byte[32],
                new byte[] {9},
                record.shares().stream()
                        .map(share -> new SealedShare(new byte[32], share.share()))
                        .toList(),
                record.authorSignature(),
                AT.plusSeconds(1));
    }
}

package org.hrm.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.ErasedRecord;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.RecordCommitted;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.gateway.adapter.RecordMapping;
import org.hrm.gateway.adapter.kafka.ErasureMapping;
import org.hrm.gateway.domain.RecordStage;
import org.junit.jupiter.api.Test;

/** Books built again on the same store, with no topic left to read, show what the first ones were told. */
class ViewsRestartTest {
    private static final Instant AT = Instant.parse("2026-12-04T09:30:00Z");
    private static final RecordBook.ProvenanceCheck ANY = (authorId, signed, signature, sealedAt) -> true;
    private final InMemoryViewStore store = new InMemoryViewStore();

    @Test
    void aRestartedBookShowsEveryRecordWithItsStageAndProvenance() {
        RecordBook before = new RecordBook(ANY, store);
        RecordSubmitted kept = submission("patient-alice", new byte[] {1});
        RecordSubmitted erased = submission("patient-alice", new byte[] {2});
        for (RecordSubmitted record : List.of(kept, erased)) {
            before.submitted(RecordMapping.submission(record));
            before.sealed(RecordMapping.seal(RecordBookTest.sealedAs(record)));
            before.committed(RecordMapping.commit(new RecordCommitted(
                    record.recordId(), Domain.PATIENT, "0xcontract", "0xabc", 7, 0, AT.plusSeconds(2))));
        }
        ErasureBook erasures = new ErasureBook(before, store);
        String requestId = UUID.randomUUID().toString();
        erasures.requested(ErasureMapping.request(new ErasureRequested(
                requestId, Domain.PATIENT, "patient-alice", erased.recordId(), AT.plusSeconds(5), null, null)));
        ErasureMapping.keysDestroyed(
                erasures,
                new KeysDestroyed(
                        requestId,
                        Domain.PATIENT,
                        "patient-alice",
                        false,
                        List.of(new ErasedRecord(erased.recordId(), new byte[32])),
                        List.of(),
                        AT.plusSeconds(6),
                        null));

        RecordBook after = new RecordBook(ANY, store);
        ErasureBook erasuresAfter = new ErasureBook(after, store);

        assertThat(after.ownedBy("patient-alice"))
                .extracting(RecordView::recordId, RecordView::stage)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(kept.recordId(), RecordStage.COMMITTED),
                        org.assertj.core.groups.Tuple.tuple(erased.recordId(), RecordStage.ERASED));
        RecordView view = after.find(kept.recordId()).orElseThrow();
        assertThat(view.authorSignature()).isEqualTo(kept.authorSignature());
        assertThat(view.committed().transactionHash()).isEqualTo("0xabc");
        assertThat(erasuresAfter.find(requestId).orElseThrow().stage()).isEqualTo(ErasureView.KEYS_DESTROYED);
    }

    @Test
    void aSubmissionReadAgainAfterARestartDoesNotReplaceTheSealedOne() {
        RecordSubmitted genuine = submission("patient-alice", new byte[] {1});
        RecordBook before = new RecordBook(ANY, store);
        before.submitted(RecordMapping.submission(genuine));
        before.sealed(RecordMapping.seal(RecordBookTest.sealedAs(genuine)));

        RecordBook after = new RecordBook(ANY, store);
        after.submitted(RecordMapping.submission(new RecordSubmitted(
                genuine.recordId(),
                Domain.PATIENT,
                "patient-mallory",
                "hospital-a",
                new byte[] {2, 7, 7, 7},
                genuine.shares(),
                genuine.authorSignature(),
                AT,
                "Observation")));
        after.sealed(RecordMapping.seal(RecordBookTest.sealedAs(genuine)));

        assertThat(after.find(genuine.recordId()).orElseThrow().ownerId()).isEqualTo("patient-alice");
        assertThat(after.ownedBy("patient-mallory")).isEmpty();
    }

    @Test
    void recordsSubmittedAtTheSameInstantAreListedInTheSameOrderAfterARestart() {
        RecordBook before = new RecordBook(ANY, store);
        for (int i = 0; i < 5; i++) {
            before.submitted(RecordMapping.submission(submission("patient-alice", new byte[] {(byte) i})));
        }
        List<String> listed = before.ownedBy("patient-alice").stream()
                .map(RecordView::recordId)
                .toList();

        RecordBook after = new RecordBook(ANY, store);

        assertThat(listed).isSorted();
        assertThat(after.ownedBy("patient-alice"))
                .extracting(RecordView::recordId)
                .isEqualTo(listed);
    }

    private static RecordSubmitted submission(String ownerId, byte[] signature) {
        return new RecordSubmitted(
                UUID.randomUUID().toString(),
                Domain.PATIENT,
                ownerId,
                "hospital-a",
                new byte[] {2, 7, 7, 7},
                List.of(new KeyShare(ownerId, new byte[] {5, 6}), new KeyShare("hospital-a", new byte[] {7, 8})),
                Arrays.copyOf(signature, 64),
                AT,
                "Observation");
    }
}

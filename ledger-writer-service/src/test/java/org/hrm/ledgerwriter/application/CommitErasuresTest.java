package org.hrm.ledgerwriter.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.ledgerwriter.domain.GasModel;
import org.hrm.ledgerwriter.domain.RecordTombstone;
import org.hrm.ledgerwriter.domain.TombstonePacker;
import org.hrm.ledgerwriter.domain.TombstoneTransaction;
import org.hrm.ledgerwriter.support.Records;
import org.junit.jupiter.api.Test;

class CommitErasuresTest {
    private static final Map<Domain, String> CONTRACTS =
            Map.of(Domain.PATIENT, "0xpatient", Domain.PRACTITIONER, "0xpractitioner");
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:02.123456789Z");
    private static final Instant DESTROYED_AT = Instant.parse("2026-11-26T09:00:01Z");

    private final FakeChain chain = new FakeChain();
    private final FakeIndex index = new FakeIndex();
    private final SigningLane lane = new SigningLane(chain);
    private final List<List<CommittedErasure>> published = new ArrayList<>();
    private final CommitErasures useCase = useCase(NOW);

    @Test
    void writesATombstonePerRecordManyPerTransactionAndPublishesEachErasureWithItsLogs() {
        ErasureRequest patient = request(Domain.PATIENT, 120);
        ErasureRequest practitioner = request(Domain.PRACTITIONER, 30);

        useCase.commit(List.of(patient, practitioner));

        assertThat(chain.broadcasts)
                .extracting(SignedTransaction::contract)
                .containsExactly("0xpatient", "0xpatient", "0xpatient", "0xpractitioner");
        List<CommittedErasure> erasures = published.get(0);
        assertThat(erasures).extracting(CommittedErasure::request).containsExactly(patient, practitioner);
        assertThat(erasures.get(0).contract()).isEqualTo("0xpatient");
        assertThat(erasures.get(0).tombstones())
                .extracting(Commit::entryId)
                .containsExactlyElementsOf(patient.recordIds());
        for (Commit tombstone : erasures.get(0).tombstones()) {
            ChainReceipt receipt = chain.mined.get(tombstone.transactionHash());
            assertThat(receipt.blockNumber()).isEqualTo(tombstone.blockNumber());
            assertThat(receipt.logs().get(tombstone.logIndex()).entryId()).isEqualTo(tombstone.entryId());
        }
        assertThat(erasures.get(1).tombstones())
                .hasSize(30)
                .allMatch(t -> t.contractAddress().equals("0xpractitioner"));
        assertThat(index.entries(Domain.PATIENT).values())
                .hasSize(120)
                .allMatch(IndexEntry.Committed.class::isInstance);
        assertThat(index.transactions(Domain.PATIENT)).isEmpty();
    }

    @Test
    void publishesAnOwnerWithNothingToEraseWithNoTombstonesAndWritesNothing() {
        ErasureRequest empty = request(Domain.PRACTITIONER, 0);

        useCase.commit(List.of(empty));

        assertThat(chain.broadcasts).isEmpty();
        assertThat(published.get(0)).singleElement().satisfies(erasure -> {
            assertThat(erasure.tombstones()).isEmpty();
            assertThat(erasure.contract()).isEqualTo("0xpractitioner");
            assertThat(erasure.committedAt()).isEqualTo(DESTROYED_AT);
        });
    }

    @Test
    void storesEverySignedTransactionAsPendingBeforeBroadcasting() {
        ErasureRequest request = request(Domain.PATIENT, 60);
        List<Boolean> storedFirst = new ArrayList<>();
        chain.beforeBroadcast = transactions -> transactions.forEach(transaction ->
                storedFirst.add(index.transactions(Domain.PATIENT).containsKey(transaction.hash())
                        && transaction.entryIds().stream()
                                .allMatch(id -> index.entries(Domain.PATIENT).get(id) instanceof IndexEntry.Pending)));

        useCase.commit(List.of(request));

        assertThat(storedFirst).containsExactly(true, true);
    }

    @Test
    void reEmitsTheSameErasureCommittedWithoutWritingAgainWhenRedeliveredLater() {
        ErasureRequest request = request(Domain.PATIENT, 20);
        useCase.commit(List.of(request));

        useCase(NOW.plus(Duration.ofHours(1))).commit(List.of(request));

        assertThat(chain.broadcasts).hasSize(1);
        assertThat(chain.writtenEntryIds()).hasSize(20);
        assertThat(published.get(1)).isEqualTo(published.get(0));
        assertThat(published.get(0).get(0).committedAt()).isEqualTo(Instant.parse("2026-11-26T09:00:02.123Z"));
    }

    @Test
    void reusesTheTombstoneOfARecordThatAnEarlierRequestErased() {
        List<RecordTombstone> records = tombstones(3);
        ErasureRequest first = request(Domain.PATIENT, records.subList(0, 2));
        ErasureRequest second = request(Domain.PATIENT, records.subList(1, 3));
        useCase.commit(List.of(first));

        useCase.commit(List.of(second));

        assertThat(chain.writtenEntryIds()).hasSize(3).doesNotHaveDuplicates();
        Commit reused = published.get(1).get(0).tombstones().get(0);
        assertThat(reused).isEqualTo(published.get(0).get(0).tombstones().get(1));
        assertThat(published.get(1).get(0).tombstones().get(1).transactionHash())
                .isNotEqualTo(reused.transactionHash());
    }

    @Test
    void writesARecordThatTwoRequestsOfOneBatchNameOnceAndAnswersARepeatedRequestOnce() {
        List<RecordTombstone> records = tombstones(2);
        ErasureRequest one = request(Domain.PATIENT, records);
        ErasureRequest other = request(Domain.PATIENT, List.of(records.get(1), records.get(1)));

        useCase.commit(List.of(one, other, one));

        assertThat(chain.writtenEntryIds()).hasSize(2).doesNotHaveDuplicates();
        assertThat(published.get(0)).extracting(CommittedErasure::request).containsExactly(one, other);
        assertThat(published.get(0).get(1).tombstones())
                .containsExactly(published.get(0).get(0).tombstones().get(1));
    }

    @Test
    void rebroadcastsTheSameSignedTransactionOfAPendingTombstoneAfterACrash() {
        ErasureRequest request = request(Domain.PATIENT, 5);
        SignedTransaction unsent = signPendingWithoutSending(request);

        useCase.commit(List.of(request));

        assertThat(chain.rebroadcasts).containsExactly(unsent);
        assertThat(chain.broadcasts).isEmpty();
        assertThat(published.get(0).get(0).tombstones())
                .extracting(Commit::transactionHash)
                .containsOnly(unsent.hash());
    }

    @Test
    void publishesATombstoneMinedBeforeTheCrashWithoutWritingItAgain() {
        ErasureRequest request = request(Domain.PATIENT, 5);
        chain.mine(signPendingWithoutSending(request));

        useCase.commit(List.of(request));

        assertThat(chain.rebroadcasts).isEmpty();
        assertThat(chain.writtenEntryIds()).hasSize(5);
        assertThat(published.get(0).get(0).tombstones()).hasSize(5);
        assertThat(index.entries(Domain.PATIENT).values()).allMatch(IndexEntry.Committed.class::isInstance);
    }

    @Test
    void failsTheBatchPublishingNothingAndResyncsTheNonceWhenATransactionReverts() {
        ErasureRequest request = request(Domain.PATIENT, 3);
        chain.reverting.add("0xtx0-0xpatient");

        assertThatThrownBy(() -> useCase.commit(List.of(request)))
                .isInstanceOf(LedgerWriteException.class)
                .hasMessageContaining("did not succeed");

        assertThat(published).isEmpty();
        assertThat(chain.nonceResyncs).isEqualTo(1);
        assertThat(index.entries(Domain.PATIENT).values()).allMatch(IndexEntry.Pending.class::isInstance);
    }

    @Test
    void signsOnTheSameNonceSequenceAsTheRecords() {
        CommitSealedRecords records = new CommitSealedRecords(
                lane,
                new FakeIndex(),
                index.asErasuresInFlight(),
                commits -> {},
                new org.hrm.ledgerwriter.domain.TransactionPacker(new GasModel(10), 50, 15_000_000),
                CONTRACTS,
                Clock.fixed(NOW, ZoneOffset.UTC));

        records.commit(List.of(new SealedRecord(Domain.PATIENT, Records.ledgerRecord(100))));
        useCase.commit(List.of(request(Domain.PATIENT, 2)));
        records.commit(List.of(new SealedRecord(Domain.PATIENT, Records.ledgerRecord(100))));

        assertThat(chain.broadcasts).extracting(SignedTransaction::nonce).containsExactly(0L, 1L, 2L);
    }

    private CommitErasures useCase(Instant now) {
        return new CommitErasures(
                lane,
                index,
                published::add,
                new TombstonePacker(new GasModel(10), 50, 15_000_000),
                CONTRACTS,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private SignedTransaction signPendingWithoutSending(ErasureRequest request) {
        SignedTransaction signed =
                chain.signTombstones("0xpatient", new TombstoneTransaction(request.tombstones(), 1_000_000));
        index.markPending(Domain.PATIENT, List.of(signed));
        return signed;
    }

    private static ErasureRequest request(Domain domain, int records) {
        return request(domain, tombstones(records));
    }

    private static ErasureRequest request(Domain domain, List<RecordTombstone> tombstones) {
        return new ErasureRequest(
                UUID.randomUUID().toString(), domain, "owner-" + UUID.randomUUID(), tombstones, DESTROYED_AT);
    }

    private static List<RecordTombstone> tombstones(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new RecordTombstone(UUID.randomUUID().toString(), Records.bytes(32)))
                .toList();
    }
}

package org.hrm.ledgerwriter.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.ledgerwriter.domain.GasModel;
import org.hrm.ledgerwriter.domain.LedgerRecord;
import org.hrm.ledgerwriter.domain.PackedTransaction;
import org.hrm.ledgerwriter.domain.RecordTombstone;
import org.hrm.ledgerwriter.domain.TombstonePacker;
import org.hrm.ledgerwriter.domain.TombstoneTransaction;
import org.hrm.ledgerwriter.domain.TransactionPacker;
import org.hrm.ledgerwriter.support.Records;
import org.junit.jupiter.api.Test;

class CommitSealedRecordsTest {
    private static final Map<Domain, String> CONTRACTS =
            Map.of(Domain.PATIENT, "0xpatient", Domain.PRACTITIONER, "0xpractitioner");

    private final FakeChain chain = new FakeChain();
    private final FakeIndex index = new FakeIndex();
    private final FakeIndex erasures = new FakeIndex();
    private final List<Map<Domain, List<Commit>>> published = new ArrayList<>();
    private final SigningLane lane = new SigningLane(chain);
    private final CommitSealedRecords useCase = new CommitSealedRecords(
            lane,
            index,
            erasures.asErasuresInFlight(),
            published::add,
            new TransactionPacker(new GasModel(10), 50, 15_000_000),
            CONTRACTS,
            Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void writesManyRecordsPerTransactionToEachDomainsContractAndPublishesEveryCommit() {
        List<SealedRecord> batch = sealed(Domain.PATIENT, 120);
        batch.addAll(sealed(Domain.PRACTITIONER, 30));

        List<Rejection> rejections = useCase.commit(batch);

        assertThat(rejections).isEmpty();
        assertThat(chain.broadcasts)
                .extracting(SignedTransaction::contract)
                .containsExactly("0xpatient", "0xpatient", "0xpatient", "0xpractitioner");
        assertThat(published).singleElement().satisfies(commits -> {
            assertThat(commits.get(Domain.PATIENT))
                    .hasSize(120)
                    .allMatch(c -> c.contractAddress().equals("0xpatient"));
            assertThat(commits.get(Domain.PRACTITIONER)).hasSize(30);
        });
        assertThat(index.entries(Domain.PATIENT).values())
                .hasSize(120)
                .allMatch(IndexEntry.Committed.class::isInstance);
        assertThat(index.transactions(Domain.PATIENT)).isEmpty();
    }

    @Test
    void storesEverySignedTransactionAsPendingBeforeBroadcasting() {
        List<SealedRecord> batch = sealed(Domain.PATIENT, 60);
        List<Boolean> storedFirst = new ArrayList<>();
        chain.beforeBroadcast = transactions -> transactions.forEach(transaction ->
                storedFirst.add(index.transactions(Domain.PATIENT).containsKey(transaction.hash())
                        && transaction.entryIds().stream()
                                .allMatch(id -> index.entries(Domain.PATIENT).get(id) instanceof IndexEntry.Pending)));

        useCase.commit(batch);

        assertThat(storedFirst).containsExactly(true, true);
    }

    @Test
    void writesDuplicatesWithinABatchOnce() {
        List<SealedRecord> batch = sealed(Domain.PATIENT, 10);
        batch.addAll(List.copyOf(batch));

        useCase.commit(batch);

        assertThat(chain.writtenEntryIds()).hasSize(10).doesNotHaveDuplicates();
        assertThat(published.get(0).get(Domain.PATIENT)).hasSize(10);
    }

    @Test
    void reEmitsCommittedRecordsWithoutWritingThemAgain() {
        List<SealedRecord> batch = sealed(Domain.PATIENT, 20);
        useCase.commit(batch);

        useCase.commit(batch);

        assertThat(chain.broadcasts).hasSize(1);
        assertThat(chain.writtenEntryIds()).hasSize(20);
        assertThat(published.get(1).get(Domain.PATIENT))
                .containsExactlyInAnyOrderElementsOf(published.get(0).get(Domain.PATIENT));
    }

    @Test
    void rebroadcastsTheSameSignedTransactionOfAPendingRecordAfterACrash() {
        List<SealedRecord> batch = sealed(Domain.PATIENT, 5);
        SignedTransaction unsent = signPendingWithoutSending(batch);

        useCase.commit(batch);

        assertThat(chain.rebroadcasts).containsExactly(unsent);
        assertThat(chain.broadcasts).isEmpty();
        assertThat(published.get(0).get(Domain.PATIENT))
                .extracting(Commit::transactionHash)
                .containsOnly(unsent.hash());
    }

    @Test
    void marksAPendingRecordCommittedWhenItsTransactionWasMinedMeanwhile() {
        List<SealedRecord> batch = sealed(Domain.PATIENT, 5);
        SignedTransaction sent = signPendingWithoutSending(batch);
        chain.mine(sent);

        useCase.commit(batch);

        assertThat(chain.rebroadcasts).isEmpty();
        assertThat(chain.writtenEntryIds()).hasSize(5);
        assertThat(index.entries(Domain.PATIENT).values()).allMatch(IndexEntry.Committed.class::isInstance);
    }

    @Test
    void writesAPendingRecordAgainOnlyWhenItsTransactionCanNeverLand() {
        List<SealedRecord> batch = sealed(Domain.PATIENT, 5);
        SignedTransaction lost = signPendingWithoutSending(batch);
        chain.consumedNonces.add(lost.nonce());

        useCase.commit(batch);

        assertThat(chain.broadcasts)
                .singleElement()
                .satisfies(tx -> assertThat(tx.nonce()).isNotEqualTo(lost.nonce()));
        assertThat(chain.writtenEntryIds()).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void failsTheBatchAndResyncsTheNonceWhenATransactionReverts() {
        List<SealedRecord> batch = sealed(Domain.PATIENT, 5);
        chain.reverting.add("0xtx0-0xpatient");

        assertThatThrownBy(() -> useCase.commit(batch))
                .isInstanceOf(LedgerWriteException.class)
                .hasMessageContaining("did not succeed");

        assertThat(published).isEmpty();
        assertThat(chain.nonceResyncs).isEqualTo(1);
    }

    @Test
    void writesARecordTooLargeForOneTransactionInChunksAndPublishesItOnceWithTheRest() {
        List<SealedRecord> batch = sealed(Domain.PRACTITIONER, 3);
        SealedRecord huge = new SealedRecord(Domain.PRACTITIONER, Records.ledgerRecord(1_000_000));
        batch.add(1, huge);
        String id = huge.record().recordId();

        List<Rejection> rejections = useCase.commit(batch);

        assertThat(rejections).isEmpty();
        assertThat(chain.broadcasts).hasSize(4);
        assertThat(chain.writtenEntryIds())
                .contains(id + "#0", id + "#1", id + "#2")
                .doesNotContain(id);
        assertThat(published.get(0).get(Domain.PRACTITIONER))
                .hasSize(4)
                .extracting(Commit::entryId)
                .containsOnlyOnce(id);
    }

    @Test
    void publishesAChunkedRecordOnlyOnceEveryChunkIsInAndRewritesOnlyTheFailedChunk() {
        SealedRecord huge = new SealedRecord(Domain.PATIENT, Records.ledgerRecord(1_000_000));
        String id = huge.record().recordId();
        chain.reverting.add("0xtx1-0xpatient");

        assertThatThrownBy(() -> useCase.commit(List.of(huge))).isInstanceOf(LedgerWriteException.class);
        chain.broadcasts.clear();
        useCase.commit(List.of(huge));

        assertThat(published)
                .singleElement()
                .satisfies(commits -> assertThat(commits.get(Domain.PATIENT))
                        .singleElement()
                        .satisfies(commit -> assertThat(commit.entryId()).isEqualTo(id)));
        assertThat(chain.broadcasts)
                .singleElement()
                .satisfies(transaction -> assertThat(transaction.entryIds()).containsExactly(id + "#1"));
        assertThat(chain.writtenEntryIds()).containsExactlyInAnyOrder(id + "#0", id + "#1", id + "#2");
    }

    @Test
    void rejectsEveryChunkOfARecordWhenAChunkExceedsTheGasBudget() {
        CommitSealedRecords tight = new CommitSealedRecords(
                lane,
                index,
                erasures.asErasuresInFlight(),
                published::add,
                new TransactionPacker(new GasModel(10), 50, 5_000_000),
                CONTRACTS,
                Clock.systemUTC());
        List<SealedRecord> batch = sealed(Domain.PRACTITIONER, 3);
        SealedRecord huge = new SealedRecord(Domain.PRACTITIONER, Records.ledgerRecord(1_000_000));
        batch.add(1, huge);

        List<Rejection> rejections = tight.commit(batch);

        assertThat(rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.entryId()).isEqualTo(huge.record().recordId());
            assertThat(rejection.reason()).contains("chunk of a record too large");
        });
        assertThat(chain.writtenEntryIds())
                .noneMatch(entry -> entry.startsWith(huge.record().recordId()));
        assertThat(published.get(0).get(Domain.PRACTITIONER)).hasSize(3);
    }

    @Test
    void dropsARecordWhoseKeysWereDestroyedBeforeItsRecordSealedIsConsumed() {
        List<SealedRecord> batch = sealed(Domain.PATIENT, 3);
        LedgerRecord erased = batch.get(1).record();
        eraseOnTheSameLane(erased);

        useCase.commit(batch);

        assertThat(chain.recordLogs())
                .containsExactly(
                        "erased " + erased.recordId(),
                        "stored " + batch.get(0).record().recordId(),
                        "stored " + batch.get(2).record().recordId());
        assertThat(published.get(0).get(Domain.PATIENT))
                .extracting(Commit::entryId)
                .doesNotContain(erased.recordId())
                .hasSize(2);
        assertThat(index.entries(Domain.PATIENT)).doesNotContainKey(erased.recordId());
    }

    @Test
    void dropsARecordWhoseTombstoneIsStillInFlightWhenItsBatchIsSigned() {
        List<SealedRecord> batch = sealed(Domain.PATIENT, 2);
        LedgerRecord erased = batch.get(0).record();
        SignedTransaction tombstone = chain.signTombstones("0xpatient", tombstoneOf(erased));
        erasures.markPending(Domain.PATIENT, List.of(tombstone));
        chain.broadcast(List.of(tombstone));

        useCase.commit(batch);

        assertThat(chain.recordLogs())
                .containsExactly(
                        "erased " + erased.recordId(),
                        "stored " + batch.get(1).record().recordId());
    }

    @Test
    void writesTheTombstoneAgainAfterARecordInFlightThatLandedAfterIt() {
        List<SealedRecord> batch = sealed(Domain.PATIENT, 2);
        LedgerRecord erased = batch.get(0).record();
        signPendingWithoutSending(batch);
        Commit otherLanesTombstone = new Commit(erased.recordId(), "0xpatient", "0xother-lane", 50, 0, Instant.EPOCH);
        erasures.markCommitted(Domain.PATIENT, List.of(otherLanesTombstone));

        useCase.commit(batch);

        assertThat(chain.recordLogs())
                .containsExactly(
                        "stored " + erased.recordId(),
                        "stored " + batch.get(1).record().recordId(),
                        "erased " + erased.recordId());
        IndexEntry tombstone = erasures.entries(Domain.PATIENT).get(erased.recordId());
        assertThat(tombstone)
                .isInstanceOfSatisfying(
                        IndexEntry.Committed.class,
                        committed -> assertThat(committed.commit().blockNumber())
                                .isGreaterThan(published
                                        .get(0)
                                        .get(Domain.PATIENT)
                                        .get(0)
                                        .blockNumber()));
    }

    @Test
    void writesNoSecondTombstoneWhenARedeliveredRecordAlreadyHasOneAfterIt() {
        List<SealedRecord> batch = sealed(Domain.PATIENT, 2);
        useCase.commit(batch);
        eraseOnTheSameLane(batch.get(0).record());
        int logs = chain.recordLogs().size();

        useCase.commit(batch);

        assertThat(chain.recordLogs()).hasSize(logs);
    }

    private void eraseOnTheSameLane(LedgerRecord record) {
        new CommitErasures(
                        lane,
                        erasures,
                        committed -> {},
                        new TombstonePacker(new GasModel(10), 50, 15_000_000),
                        CONTRACTS,
                        Clock.systemUTC())
                .commit(List.of(new ErasureRequest(
                        "00000000-0000-4000-8000-000000000001",
                        Domain.PATIENT,
                        "patient-1",
                        List.of(tombstoneOf(record).tombstones().get(0)),
                        Instant.EPOCH)));
    }

    private static TombstoneTransaction tombstoneOf(LedgerRecord record) {
        return new TombstoneTransaction(
                List.of(new RecordTombstone(record.recordId(), record.ownerPseudonym())), 100_000);
    }

    private SignedTransaction signPendingWithoutSending(List<SealedRecord> batch) {
        List<LedgerRecord> records = batch.stream().map(SealedRecord::record).toList();
        SignedTransaction signed = chain.sign("0xpatient", new PackedTransaction(records, 1_000_000));
        index.markPending(Domain.PATIENT, List.of(signed));
        return signed;
    }

    @Test
    void onChainAloneWritesThroughTheSamePackerOnItsOwnLaneAndContractsWithoutTouchingTheIndexes() {
        FakeChain other = new FakeChain();
        List<Map<Domain, List<Commit>>> otherPublished = new ArrayList<>();
        CommitSealedRecords alone = useCase.onChainAlone(
                new SigningLane(other),
                Map.of(Domain.PATIENT, "0xlimit", Domain.PRACTITIONER, "0xlimit2"),
                otherPublished::add);

        alone.commit(sealed(Domain.PATIENT, 120));

        assertThat(other.broadcasts)
                .extracting(SignedTransaction::contract)
                .containsExactly("0xlimit", "0xlimit", "0xlimit");
        assertThat(other.broadcasts).extracting(t -> t.entryIds().size()).containsExactly(50, 50, 20);
        assertThat(otherPublished.get(0).get(Domain.PATIENT)).hasSize(120);
        assertThat(chain.broadcasts).isEmpty();
        assertThat(published).isEmpty();
        assertThat(index.entries(Domain.PATIENT)).isEmpty();
        assertThat(erasures.entries(Domain.PATIENT)).isEmpty();
    }

    private static List<SealedRecord> sealed(Domain domain, int count) {
        return new ArrayList<>(IntStream.range(0, count)
                .mapToObj(i -> new SealedRecord(domain, Records.ledgerRecord(200)))
                .toList());
    }
}

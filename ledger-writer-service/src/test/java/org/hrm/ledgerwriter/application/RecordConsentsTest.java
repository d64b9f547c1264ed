package org.hrm.ledgerwriter.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.ConsentEntry;
import org.hrm.ledgerwriter.domain.ConsentPacker;
import org.hrm.ledgerwriter.domain.ConsentTransaction;
import org.hrm.ledgerwriter.domain.GasModel;
import org.hrm.ledgerwriter.domain.Revocation;
import org.hrm.ledgerwriter.domain.ShareGrant;
import org.hrm.ledgerwriter.domain.TransactionPacker;
import org.hrm.ledgerwriter.support.Records;
import org.junit.jupiter.api.Test;

class RecordConsentsTest {
    private static final Map<Domain, String> CONTRACTS =
            Map.of(Domain.PATIENT, "0xpatient", Domain.PRACTITIONER, "0xpractitioner");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private final FakeChain chain = new FakeChain();
    private final FakeIndex index = new FakeIndex();
    private final SigningLane lane = new SigningLane(chain);
    private final RecordConsents useCase =
            new RecordConsents(lane, index, new ConsentPacker(new GasModel(10), 50, 15_000_000), CONTRACTS, CLOCK);

    @Test
    void writesSharesAndRevocationsToEachDomainsContractManyPerTransaction() {
        List<ConsentWrite> batch = shares(Domain.PATIENT, 120);
        batch.addAll(revocations(Domain.PRACTITIONER, 30));

        List<Rejection> rejections = useCase.record(batch);

        assertThat(rejections).isEmpty();
        assertThat(chain.broadcasts)
                .extracting(SignedTransaction::contract)
                .containsExactly("0xpatient", "0xpatient", "0xpatient", "0xpractitioner");
        assertThat(chain.writtenEntryIds()).containsExactlyInAnyOrderElementsOf(entryIds(batch));
        assertThat(index.entries(Domain.PATIENT).values())
                .hasSize(120)
                .allMatch(IndexEntry.Committed.class::isInstance);
        assertThat(index.entries(Domain.PRACTITIONER)).hasSize(30).containsOnlyKeys(entryIds(batch.subList(120, 150)));
        assertThat(index.transactions(Domain.PATIENT)).isEmpty();
    }

    @Test
    void storesEverySignedTransactionAsPendingBeforeBroadcasting() {
        List<ConsentWrite> batch = shares(Domain.PATIENT, 60);
        batch.addAll(revocations(Domain.PATIENT, 5));
        List<Boolean> storedFirst = new ArrayList<>();
        chain.beforeBroadcast = transactions -> transactions.forEach(transaction ->
                storedFirst.add(index.transactions(Domain.PATIENT).containsKey(transaction.hash())
                        && transaction.entryIds().stream()
                                .allMatch(id -> index.entries(Domain.PATIENT).get(id) instanceof IndexEntry.Pending)));

        useCase.record(batch);

        assertThat(storedFirst).containsExactly(true, true, true);
    }

    @Test
    void writesDuplicatesWithinABatchOnce() {
        List<ConsentWrite> batch = shares(Domain.PATIENT, 10);
        batch.addAll(revocations(Domain.PATIENT, 2));
        batch.addAll(List.copyOf(batch));

        useCase.record(batch);

        assertThat(chain.writtenEntryIds()).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void writesNothingAgainWhenTheSameEventsArriveAgain() {
        List<ConsentWrite> batch = shares(Domain.PRACTITIONER, 20);
        batch.addAll(revocations(Domain.PRACTITIONER, 3));
        useCase.record(batch);

        List<Rejection> again = useCase.record(batch);

        assertThat(again).isEmpty();
        assertThat(chain.broadcasts).hasSize(2);
        assertThat(chain.writtenEntryIds()).hasSize(23).doesNotHaveDuplicates();
    }

    @Test
    void rebroadcastsTheSameSignedTransactionOfAPendingEntryAfterACrash() {
        List<ConsentWrite> batch = shares(Domain.PATIENT, 5);
        SignedTransaction unsent = signPendingWithoutSending(batch);

        useCase.record(batch);

        assertThat(chain.rebroadcasts).containsExactly(unsent);
        assertThat(chain.broadcasts).isEmpty();
        assertThat(index.entries(Domain.PATIENT).values())
                .hasSize(5)
                .allSatisfy(entry -> assertThat(
                                ((IndexEntry.Committed) entry).commit().transactionHash())
                        .isEqualTo(unsent.hash()));
    }

    @Test
    void marksAPendingEntryCommittedWhenItsTransactionWasMinedMeanwhile() {
        List<ConsentWrite> batch = revocations(Domain.PATIENT, 4);
        SignedTransaction sent = signPendingWithoutSending(batch);
        chain.mine(sent);

        useCase.record(batch);

        assertThat(chain.rebroadcasts).isEmpty();
        assertThat(chain.writtenEntryIds()).hasSize(4);
        assertThat(index.entries(Domain.PATIENT).values()).allMatch(IndexEntry.Committed.class::isInstance);
    }

    @Test
    void writesAPendingEntryAgainOnlyWhenItsTransactionCanNeverLand() {
        List<ConsentWrite> batch = shares(Domain.PATIENT, 5);
        SignedTransaction lost = signPendingWithoutSending(batch);
        chain.consumedNonces.add(lost.nonce());

        useCase.record(batch);

        assertThat(chain.broadcasts)
                .singleElement()
                .satisfies(tx -> assertThat(tx.nonce()).isNotEqualTo(lost.nonce()));
        assertThat(chain.writtenEntryIds()).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void failsTheBatchAndResyncsTheNonceWhenATransactionReverts() {
        List<ConsentWrite> batch = revocations(Domain.PATIENT, 3);
        chain.reverting.add("0xtx0-0xpatient");

        assertThatThrownBy(() -> useCase.record(batch))
                .isInstanceOf(LedgerWriteException.class)
                .hasMessageContaining("did not succeed");

        assertThat(chain.nonceResyncs).isEqualTo(1);
        assertThat(index.entries(Domain.PATIENT).values()).allMatch(IndexEntry.Pending.class::isInstance);
    }

    @Test
    void rejectsAShareTooLargeForOneTransactionAndWritesTheRest() {
        RecordConsents smallBudget =
                new RecordConsents(lane, index, new ConsentPacker(new GasModel(10), 50, 1_000_000), CONTRACTS, CLOCK);
        List<ConsentWrite> batch = shares(Domain.PRACTITIONER, 3);
        ConsentWrite huge = new ConsentWrite(Domain.PRACTITIONER, share(60_000));
        batch.add(1, huge);

        List<Rejection> rejections = smallBudget.record(batch);

        assertThat(rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.entryId()).isEqualTo(huge.entry().entryId());
            assertThat(rejection.domain()).isEqualTo(Domain.PRACTITIONER);
        });
        assertThat(chain.writtenEntryIds())
                .hasSize(3)
                .doesNotContain(huge.entry().entryId());
    }

    @Test
    void signsWithTheSameNonceSequenceAsTheRecords() {
        CommitSealedRecords records = new CommitSealedRecords(
                lane,
                new FakeIndex(),
                new FakeIndex().asErasuresInFlight(),
                commits -> {},
                new TransactionPacker(new GasModel(10), 50, 15_000_000),
                CONTRACTS,
                CLOCK);

        records.commit(List.of(new SealedRecord(Domain.PATIENT, Records.ledgerRecord(100))));
        useCase.record(shares(Domain.PATIENT, 2));
        records.commit(List.of(new SealedRecord(Domain.PATIENT, Records.ledgerRecord(100))));

        assertThat(chain.broadcasts).extracting(SignedTransaction::nonce).containsExactly(0L, 1L, 2L);
    }

    private SignedTransaction signPendingWithoutSending(List<ConsentWrite> batch) {
        List<ConsentEntry> entries = batch.stream().map(ConsentWrite::entry).toList();
        ConsentTransaction transaction = entries.get(0) instanceof ShareGrant
                ? new ConsentTransaction.Grants(
                        entries.stream().map(ShareGrant.class::cast).toList(), 1_000_000)
                : new ConsentTransaction.Revocations(
                        entries.stream().map(Revocation.class::cast).toList(), 1_000_000);
        SignedTransaction signed = chain.signConsents("0xpatient", transaction);
        index.markPending(Domain.PATIENT, List.of(signed));
        return signed;
    }

    private static List<ConsentWrite> shares(Domain domain, int count) {
        return new ArrayList<>(IntStream.range(0, count)
                .mapToObj(i -> new ConsentWrite(domain, share(113)))
                .toList());
    }

    private static ShareGrant share(int bytes) {
        return new ShareGrant(UUID.randomUUID().toString(), UUID.randomUUID().toString(), Records.bytes(bytes));
    }

    private static List<ConsentWrite> revocations(Domain domain, int count) {
        return new ArrayList<>(IntStream.range(0, count)
                .mapToObj(i -> new ConsentWrite(
                        domain, new Revocation(UUID.randomUUID().toString())))
                .toList());
    }

    private static List<String> entryIds(List<ConsentWrite> writes) {
        return writes.stream().map(write -> write.entry().entryId()).toList();
    }
}

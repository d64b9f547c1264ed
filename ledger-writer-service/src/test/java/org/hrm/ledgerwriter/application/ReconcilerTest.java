package org.hrm.ledgerwriter.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.GasModel;
import org.hrm.ledgerwriter.domain.TransactionPacker;
import org.hrm.ledgerwriter.support.Records;
import org.junit.jupiter.api.Test;

/**
 * A writer restarted with a transaction pending in its index: the chain has its receipt, lost it from the pool,
 * or gave its nonce to another transaction. Each record still lands exactly once.
 */
class ReconcilerTest {
    private static final Map<Domain, String> CONTRACTS =
            Map.of(Domain.PATIENT, "0xpatient", Domain.PRACTITIONER, "0xpractitioner");

    private final FakeChain chain = new FakeChain();
    private final FakeIndex index = new FakeIndex();
    private final Reconciler reconciler = new Reconciler(chain, List.of(index));
    private final CommitSealedRecords useCase = new CommitSealedRecords(
            new SigningLane(chain),
            index,
            new FakeIndex().asErasuresInFlight(),
            commits -> {},
            new TransactionPacker(new GasModel(10), 50, 15_000_000),
            CONTRACTS,
            Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void leavesATransactionWhoseReceiptExistsAlone() {
        SignedTransaction landed = pendingBeforeACrash(records(5));
        chain.mine(landed);
        chain.pool.clear();

        Reconciler.Outcome outcome = reconciler.reconcile();

        assertThat(outcome).isEqualTo(new Reconciler.Outcome(1, 0, 0));
        assertThat(chain.rebroadcasts).isEmpty();
    }

    @Test
    void rebroadcastsTheStoredBytesOfATransactionTheChainLostSoItsRecordsLandOnce() {
        List<SealedRecord> batch = records(5);
        SignedTransaction lost = pendingBeforeACrash(batch);
        chain.pool.clear();

        Reconciler.Outcome outcome = reconciler.reconcile();

        assertThat(outcome).isEqualTo(new Reconciler.Outcome(0, 1, 0));
        assertThat(chain.rebroadcasts).containsExactly(lost);
        assertThat(chain.pool).containsKey(lost.hash());
        useCase.commit(batch);
        assertThat(chain.broadcasts).as("nothing signed anew").isEmpty();
        assertThat(chain.writtenEntryIds()).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void reportsATransactionWhoseNonceWasTakenAndTheRedeliveryWritesItsRecordsOnce() {
        List<SealedRecord> batch = records(5);
        SignedTransaction superseded = pendingBeforeACrash(batch);
        chain.pool.clear();
        chain.consumedNonces.add(superseded.nonce());

        Reconciler.Outcome outcome = reconciler.reconcile();
        useCase.commit(batch);

        assertThat(outcome).isEqualTo(new Reconciler.Outcome(0, 0, 1));
        assertThat(chain.mined).doesNotContainKey(superseded.hash());
        assertThat(chain.writtenEntryIds()).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void rebroadcastsLowestNonceFirstAcrossDomains() {
        SignedTransaction first = pendingBeforeACrash(records(Domain.PRACTITIONER, 2));
        SignedTransaction second = pendingBeforeACrash(records(Domain.PATIENT, 2));
        chain.pool.clear();

        reconciler.reconcile();

        assertThat(chain.rebroadcasts).containsExactly(first, second);
    }

    /** What a writer killed between broadcasting and confirming leaves: its transaction pending in the index. */
    private SignedTransaction pendingBeforeACrash(List<SealedRecord> batch) {
        Domain domain = batch.get(0).domain();
        SignedTransaction signed = chain.sign(
                CONTRACTS.get(domain),
                new TransactionPacker(new GasModel(10), 50, 15_000_000)
                        .pack(batch.stream().map(SealedRecord::record).toList())
                        .transactions()
                        .get(0));
        index.markPending(domain, List.of(signed));
        chain.broadcast(List.of(signed));
        chain.broadcasts.clear();
        return signed;
    }

    private static List<SealedRecord> records(int count) {
        return records(Domain.PATIENT, count);
    }

    private static List<SealedRecord> records(Domain domain, int count) {
        return new ArrayList<>(IntStream.range(0, count)
                .mapToObj(i -> new SealedRecord(domain, Records.ledgerRecord(256)))
                .toList());
    }
}

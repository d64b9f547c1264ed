package org.hrm.ledgerwriter.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.ledgerwriter.domain.PackedTransaction;
import org.hrm.ledgerwriter.domain.Packing;
import org.hrm.ledgerwriter.domain.TransactionPacker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case "commit sealed records": writes a batch of records to their domains' ledger contracts,
 * many records per transaction, and publishes RecordCommitted once they are confirmed.
 *
 * <p>Returns only after every commit is published; any failure throws so the batch is redelivered,
 * and the ledger index makes the redelivery write nothing twice. Signs on the shared {@link SigningLane}.
 */
public final class CommitSealedRecords {
    private static final Logger log = LoggerFactory.getLogger(CommitSealedRecords.class);

    private final SigningLane lane;
    private final LedgerChain chain;
    private final LedgerIndex index;
    private final CommitPublisher publisher;
    private final TransactionPacker packer;
    private final Map<Domain, String> contracts;
    private final Clock clock;
    private final PendingReconciler reconciler;
    private final ErasuresInFlight erasures;

    public CommitSealedRecords(
            SigningLane lane,
            LedgerIndex index,
            ErasuresInFlight erasures,
            CommitPublisher publisher,
            TransactionPacker packer,
            Map<Domain, String> contracts,
            Clock clock) {
        this.lane = lane;
        this.chain = lane.chain();
        this.index = index;
        this.erasures = erasures;
        this.publisher = publisher;
        this.packer = packer;
        this.contracts = Map.copyOf(contracts);
        this.clock = clock;
        this.reconciler = new PendingReconciler(chain, index);
    }

    /**
     * This use case, with its packer (so the same records-per-transaction and gas limits), on another signing lane
     * and other contracts, without the ledger and erasure indexes: the writer's own transaction path (pack, sign,
     * broadcast, await receipts, publish) on the chain alone. The bench measures the chain's limit with it. Nothing
     * it writes is kept for reconciliation, so a batch that fails is not written exactly once: never use it for
     * records that matter.
     */
    public CommitSealedRecords onChainAlone(
            SigningLane otherLane, Map<Domain, String> otherContracts, CommitPublisher otherPublisher) {
        NoIndex none = new NoIndex();
        return new CommitSealedRecords(
                otherLane, none, erasures.withIndex(none), otherPublisher, packer, otherContracts, clock);
    }

    /** Commits the records; returns those that can never go on chain, for the dead-letter topic. */
    public List<Rejection> commit(List<SealedRecord> sealed) {
        if (sealed.isEmpty()) {
            return List.of();
        }
        Collection<DomainBatch> batches = DomainBatch.group(sealed, contracts).values();
        BatchTimings timings = new BatchTimings();
        List<Rejection> rejections = lane.turn(() -> {
            List<Rejection> rejected = prepare(batches, timings);
            send(batches, timings);
            return rejected;
        });
        try {
            Map<String, ChainReceipt> receipts = chain.awaitConfirmed(EntryBatch.allAwaitedHashes(batches));
            timings.lap("confirm");
            Map<Domain, List<Commit>> commits = confirm(batches, receipts, timings);
            followTombstones(batches);
            publisher.publish(commits);
            timings.lap("publish");
            log(batches, timings);
            return rejections;
        } catch (RuntimeException e) {
            // A transaction dropped from the pool would leave the local nonce ahead of the chain.
            lane.resync();
            throw e;
        }
    }

    private List<Rejection> prepare(Collection<DomainBatch> batches, BatchTimings timings) {
        List<Rejection> rejections = new ArrayList<>();
        for (DomainBatch batch : batches) {
            reconciler.reconcile(batch);
            erasures.dropErased(batch);
            timings.lap("reconcile");
            rejections.addAll(sign(batch));
            timings.lap("sign");
        }
        return rejections;
    }

    /** Writes a tombstone again after each record that landed after its tombstone (from another lane). */
    private void followTombstones(Collection<DomainBatch> batches) {
        List<SignedTransaction> tombstones = lane.turn(() -> {
            List<SignedTransaction> signed = erasures.tombstonesToFollow(batches, chain);
            chain.broadcast(signed);
            return signed;
        });
        if (tombstones.isEmpty()) {
            return;
        }
        Map<String, ChainReceipt> receipts = chain.awaitConfirmed(
                tombstones.stream().map(SignedTransaction::hash).toList());
        Instant now = clock.instant();
        for (DomainBatch batch : batches) {
            for (SignedTransaction tombstone : tombstones) {
                if (tombstone.contract().equals(batch.contract())) {
                    erasures.confirm(
                            batch.domain(), receipts.get(tombstone.hash()).commits(batch.contract(), now));
                }
            }
        }
    }

    private List<Rejection> sign(DomainBatch batch) {
        Packing packing = packer.pack(batch.unwritten());
        for (PackedTransaction transaction : packing.transactions()) {
            batch.signed(chain.sign(batch.contract(), transaction));
        }
        return packing.rejected().stream()
                .map(rejected -> new Rejection(batch.domain(), rejected.entryId(), rejected.reason()))
                .toList();
    }

    private void send(Collection<DomainBatch> batches, BatchTimings timings) {
        List<SignedTransaction> all = new ArrayList<>();
        for (DomainBatch batch : batches) {
            if (!batch.signed().isEmpty()) {
                // Stored before broadcasting: after a crash the same signed bytes are sent again.
                index.markPending(batch.domain(), batch.signed());
                all.addAll(batch.signed());
            }
        }
        timings.lap("index pending");
        chain.broadcast(all);
        timings.lap("broadcast");
    }

    private Map<Domain, List<Commit>> confirm(
            Collection<DomainBatch> batches, Map<String, ChainReceipt> receipts, BatchTimings timings) {
        Instant now = clock.instant();
        Map<Domain, List<Commit>> published = new EnumMap<>(Domain.class);
        for (DomainBatch batch : batches) {
            List<Commit> confirmed = batch.confirm(receipts, now);
            if (!confirmed.isEmpty()) {
                index.markCommitted(batch.domain(), confirmed);
            }
            published.put(batch.domain(), batch.toPublish());
        }
        timings.lap("index committed");
        return published;
    }

    private static void log(Collection<DomainBatch> batches, BatchTimings timings) {
        StringJoiner counts = new StringJoiner(", ");
        for (DomainBatch batch : batches) {
            counts.add(batch.domain().id() + " " + batch.toPublish().size() + " records in "
                    + batch.signed().size() + " new transactions");
        }
        log.info("committed {}; {}", counts, timings);
    }
}

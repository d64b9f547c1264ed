package org.hrm.ledgerwriter.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.ledgerwriter.domain.TombstonePacker;
import org.hrm.ledgerwriter.domain.TombstoneTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case "commit erasures": writes a tombstone (eraseBatch, one RecordErased log each) for every
 * record of a batch of erasures whose keys are destroyed, many per transaction, on the
 * {@link SigningLane} the records use, and publishes ErasureCommitted per erasure once all are confirmed.
 *
 * <p>A record is erased once: a record already tombstoned, by this request or another, keeps its
 * tombstone. Any failure throws so the batch is redelivered; the erasure index makes the redelivery
 * write nothing twice and publish the same events again.
 */
public final class CommitErasures {
    private static final Logger log = LoggerFactory.getLogger(CommitErasures.class);

    private final SigningLane lane;
    private final LedgerChain chain;
    private final ErasureIndex index;
    private final ErasurePublisher publisher;
    private final TombstonePacker packer;
    private final Map<Domain, String> contracts;
    private final Clock clock;
    private final PendingReconciler reconciler;

    public CommitErasures(
            SigningLane lane,
            ErasureIndex index,
            ErasurePublisher publisher,
            TombstonePacker packer,
            Map<Domain, String> contracts,
            Clock clock) {
        this.lane = lane;
        this.chain = lane.chain();
        this.index = index;
        this.publisher = publisher;
        this.packer = packer;
        this.contracts = Map.copyOf(contracts);
        this.clock = clock;
        this.reconciler = new PendingReconciler(chain, index);
    }

    /** Writes the missing tombstones, then publishes every erasure; returns once each is acknowledged. */
    public void commit(List<ErasureRequest> requests) {
        if (requests.isEmpty()) {
            return;
        }
        List<ErasureRequest> erasures = onceEach(requests);
        Map<Domain, TombstoneBatch> batches = TombstoneBatch.group(erasures, contracts);
        int sent = lane.turn(() -> signAndSend(batches.values()));
        try {
            Map<String, ChainReceipt> receipts = chain.awaitConfirmed(EntryBatch.allAwaitedHashes(batches.values()));
            confirm(batches.values(), receipts);
            publisher.publish(committed(erasures, batches));
            log(erasures.size(), batches.values(), sent);
        } catch (RuntimeException e) {
            // A transaction dropped from the pool would leave the local nonce ahead of the chain.
            lane.resync();
            throw e;
        }
    }

    private int signAndSend(Collection<TombstoneBatch> batches) {
        List<SignedTransaction> all = new ArrayList<>();
        for (TombstoneBatch batch : batches) {
            reconciler.reconcile(batch);
            for (TombstoneTransaction transaction : packer.pack(batch.unwritten())) {
                batch.signed(chain.signTombstones(batch.contract(), transaction));
            }
        }
        for (TombstoneBatch batch : batches) {
            if (!batch.signed().isEmpty()) {
                // Stored before broadcasting: after a crash the same signed bytes are sent again.
                index.markPending(batch.domain(), batch.signed());
                all.addAll(batch.signed());
            }
        }
        chain.broadcast(all);
        return all.size();
    }

    private void confirm(Collection<TombstoneBatch> batches, Map<String, ChainReceipt> receipts) {
        // Milliseconds, as the index stores them: a re-emitted ErasureCommitted carries the same instant.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (TombstoneBatch batch : batches) {
            List<Commit> confirmed = batch.confirm(receipts, now);
            if (!confirmed.isEmpty()) {
                index.markCommitted(batch.domain(), confirmed);
            }
        }
    }

    private static List<CommittedErasure> committed(
            List<ErasureRequest> erasures, Map<Domain, TombstoneBatch> batches) {
        Map<Domain, Map<String, Commit>> tombstones = new EnumMap<>(Domain.class);
        batches.forEach((domain, batch) -> tombstones.put(domain, batch.tombstones()));
        return erasures.stream()
                .map(erasure -> batches.get(erasure.domain()).committed(erasure, tombstones.get(erasure.domain())))
                .toList();
    }

    /** A request delivered twice in one batch is answered once. */
    private static List<ErasureRequest> onceEach(List<ErasureRequest> requests) {
        Map<String, ErasureRequest> once = new LinkedHashMap<>();
        requests.forEach(request -> once.putIfAbsent(request.domain().id() + "/" + request.requestId(), request));
        return List.copyOf(once.values());
    }

    private static void log(int erasures, Collection<TombstoneBatch> batches, int sent) {
        StringJoiner counts = new StringJoiner(", ");
        for (TombstoneBatch batch : batches) {
            counts.add(batch.domain().id() + " " + batch.entryIds().size() + " tombstones ("
                    + batch.alreadyCommitted().size() + " already on chain)");
        }
        log.info("committed {} erasures: {} in {} new transactions", erasures, counts, sent);
    }
}

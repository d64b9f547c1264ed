package org.hrm.ledgerwriter.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.ledgerwriter.domain.ConsentPacker;
import org.hrm.ledgerwriter.domain.ConsentPacking;
import org.hrm.ledgerwriter.domain.ConsentTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case "record consents on chain": writes grants' key shares (grantBatch, one ShareGranted log
 * each) and revocations (revokeBatch, one GrantRevoked log each) to their domains' ledger contracts,
 * many per transaction, on the {@link SigningLane} the records use.
 *
 * <p>Returns only once every entry is confirmed; any failure throws so the batch is redelivered, and the
 * consent index makes the redelivery write nothing twice. Nothing is published: the log is the output.
 */
public final class RecordConsents {
    private static final Logger log = LoggerFactory.getLogger(RecordConsents.class);

    private final SigningLane lane;
    private final LedgerChain chain;
    private final ConsentIndex index;
    private final ConsentPacker packer;
    private final Map<Domain, String> contracts;
    private final Clock clock;
    private final PendingReconciler reconciler;

    public RecordConsents(
            SigningLane lane, ConsentIndex index, ConsentPacker packer, Map<Domain, String> contracts, Clock clock) {
        this.lane = lane;
        this.chain = lane.chain();
        this.index = index;
        this.packer = packer;
        this.contracts = Map.copyOf(contracts);
        this.clock = clock;
        this.reconciler = new PendingReconciler(chain, index);
    }

    /** Writes the entries; returns those that can never go on chain, for the dead-letter topic. */
    public List<Rejection> record(List<ConsentWrite> writes) {
        if (writes.isEmpty()) {
            return List.of();
        }
        Collection<ConsentBatch> batches = ConsentBatch.group(writes, contracts).values();
        List<Rejection> rejections = lane.turn(() -> signAndSend(batches));
        try {
            Map<String, ChainReceipt> receipts = chain.awaitConfirmed(EntryBatch.allAwaitedHashes(batches));
            confirm(batches, receipts);
            log(batches);
            return rejections;
        } catch (RuntimeException e) {
            // A transaction dropped from the pool would leave the local nonce ahead of the chain.
            lane.resync();
            throw e;
        }
    }

    private List<Rejection> signAndSend(Collection<ConsentBatch> batches) {
        List<Rejection> rejections = new ArrayList<>();
        List<SignedTransaction> all = new ArrayList<>();
        for (ConsentBatch batch : batches) {
            reconciler.reconcile(batch);
            ConsentPacking packing = packer.pack(batch.unwritten());
            for (ConsentTransaction transaction : packing.transactions()) {
                batch.signed(chain.signConsents(batch.contract(), transaction));
            }
            packing.rejected()
                    .forEach(rejected ->
                            rejections.add(new Rejection(batch.domain(), rejected.entryId(), rejected.reason())));
        }
        for (ConsentBatch batch : batches) {
            if (!batch.signed().isEmpty()) {
                // Stored before broadcasting: after a crash the same signed bytes are sent again.
                index.markPending(batch.domain(), batch.signed());
                all.addAll(batch.signed());
            }
        }
        chain.broadcast(all);
        return rejections;
    }

    private void confirm(Collection<ConsentBatch> batches, Map<String, ChainReceipt> receipts) {
        Instant now = clock.instant();
        for (ConsentBatch batch : batches) {
            List<Commit> confirmed = batch.confirm(receipts, now);
            if (!confirmed.isEmpty()) {
                index.markCommitted(batch.domain(), confirmed);
            }
        }
    }

    private static void log(Collection<ConsentBatch> batches) {
        StringJoiner counts = new StringJoiner(", ");
        for (ConsentBatch batch : batches) {
            counts.add(batch.domain().id() + " " + batch.entryIds().size() + " consent entries ("
                    + batch.alreadyCommitted().size() + " already on chain) in "
                    + batch.signed().size()
                    + " new transactions");
        }
        log.info("recorded {}", counts);
    }
}

package org.hrm.ledgerwriter.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.ledgerwriter.domain.LedgerRecord;
import org.hrm.ledgerwriter.domain.RecordTombstone;
import org.hrm.ledgerwriter.domain.StoredLog;
import org.hrm.ledgerwriter.domain.TombstonePacker;
import org.hrm.ledgerwriter.domain.TombstoneTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a record erased while in flight from standing on chain after its tombstone ("erase before commit").
 *
 * <p>Decision: a record whose tombstone is already indexed (pending or committed) when its batch is signed is
 * dropped, never written: its keys are gone, so its payload could only ever be meaningless bytes, and writing it
 * would make the chain say "stored" after "erased". This check runs inside the signing lane's turn, and
 * CommitErasures indexes a tombstone as pending inside its own turn before broadcasting, so on one lane either
 * the tombstone is seen (record dropped) or the record's transaction took the lower nonce (it lands first, or
 * never). Across lanes (one signing key per replica, nonces not ordered between them) a record signed before the
 * tombstone was indexed can still be mined after it: once the record is confirmed, a tombstone found before it on
 * chain is followed by a new one, and the erasure index moves to that one, so a redelivery writes none again.
 */
public final class ErasuresInFlight {
    private static final Logger log = LoggerFactory.getLogger(ErasuresInFlight.class);

    private final ErasureIndex erasures;
    private final TombstonePacker packer;

    public ErasuresInFlight(ErasureIndex erasures, TombstonePacker packer) {
        this.erasures = erasures;
        this.packer = packer;
    }

    /** The same rules over another erasure index. */
    ErasuresInFlight withIndex(ErasureIndex other) {
        return new ErasuresInFlight(other, packer);
    }

    /** Drops the batch's unwritten records that have a tombstone; call inside the lane's turn, before signing. */
    void dropErased(DomainBatch batch) {
        List<String> unwritten =
                batch.unwritten().stream().map(LedgerRecord::recordId).toList();
        Set<String> erased = erasures.find(batch.domain(), unwritten).keySet();
        if (!erased.isEmpty()) {
            batch.dropRecords(erased);
            log.info(
                    "dropped {} {} records erased before they were written on chain",
                    erased.size(),
                    batch.domain().id());
        }
    }

    /**
     * The tombstones that a just stored record of the batches landed after (another lane's), re-signed so that a
     * tombstone follows each such record; call inside the lane's turn. Their records' erasure entries go pending.
     */
    List<SignedTransaction> tombstonesToFollow(Collection<DomainBatch> batches, LedgerChain chain) {
        List<SignedTransaction> signed = new ArrayList<>();
        for (DomainBatch batch : batches) {
            List<RecordTombstone> late = storedAfterTombstone(batch, chain);
            if (late.isEmpty()) {
                continue;
            }
            List<SignedTransaction> transactions = new ArrayList<>();
            for (TombstoneTransaction transaction : packer.pack(late)) {
                transactions.add(chain.signTombstones(batch.contract(), transaction));
            }
            // Stored before broadcasting, as every tombstone: a crash rebroadcasts the same bytes.
            erasures.markPending(batch.domain(), transactions);
            signed.addAll(transactions);
            log.warn(
                    "{} {} records landed after their tombstone: writing their tombstones again",
                    late.size(),
                    batch.domain().id());
        }
        return signed;
    }

    /** Marks the re-written tombstones committed, once confirmed. */
    void confirm(Domain domain, List<Commit> tombstones) {
        if (!tombstones.isEmpty()) {
            erasures.markCommitted(domain, tombstones);
        }
    }

    private List<RecordTombstone> storedAfterTombstone(DomainBatch batch, LedgerChain chain) {
        Map<String, Commit> stored =
                batch.toPublish().stream().collect(Collectors.toMap(Commit::entryId, commit -> commit, (a, b) -> a));
        Map<String, IndexEntry> tombstones = erasures.find(batch.domain(), stored.keySet());
        List<RecordTombstone> late = new ArrayList<>();
        for (IndexEntry tombstone : tombstones.values()) {
            Commit record = stored.get(tombstone.entryId());
            if (landedBefore(tombstone, record, chain)) {
                late.add(new RecordTombstone(record.entryId(), batch.pseudonymOf(record.entryId())));
            }
        }
        return late;
    }

    /** Whether the tombstone is on chain before the record; one still pending and unmined can only land after it. */
    private static boolean landedBefore(IndexEntry tombstone, Commit record, LedgerChain chain) {
        Optional<Commit> landed = tombstone instanceof IndexEntry.Committed committed
                ? Optional.of(committed.commit())
                : chain.receipt(((IndexEntry.Pending) tombstone).transactionHash())
                        .filter(ChainReceipt::succeeded)
                        .map(receipt -> position(receipt, tombstone.entryId()));
        return landed.map(commit -> commit.blockNumber() < record.blockNumber()
                        || (commit.blockNumber() == record.blockNumber() && commit.logIndex() < record.logIndex()))
                .orElse(false);
    }

    private static Commit position(ChainReceipt receipt, String recordId) {
        int logIndex = receipt.logs().stream()
                .filter(stored -> stored.entryId().equals(recordId))
                .mapToInt(StoredLog::logIndex)
                .findFirst()
                .orElse(Integer.MAX_VALUE);
        return new Commit(recordId, "", receipt.transactionHash(), receipt.blockNumber(), logIndex, null);
    }
}

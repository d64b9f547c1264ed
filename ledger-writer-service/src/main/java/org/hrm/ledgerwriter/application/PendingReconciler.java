package org.hrm.ledgerwriter.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles redelivered entries (records, key shares, revocations) against their index and the chain, so
 * none is written twice.
 *
 * <p>A pending entry's transaction is waited for when it is mined or can still be mined: it is
 * rebroadcast byte for byte, with its nonce, so it lands at most once. Only a transaction that can
 * never land (reverted, or its nonce used by another one) lets its entries be written again.
 */
final class PendingReconciler {
    private static final Logger log = LoggerFactory.getLogger(PendingReconciler.class);

    private final LedgerChain chain;
    private final EntryIndex index;

    PendingReconciler(LedgerChain chain, EntryIndex index) {
        this.chain = chain;
        this.index = index;
    }

    void reconcile(EntryBatch<?> batch) {
        Map<String, List<String>> pendingByTransaction = new LinkedHashMap<>();
        for (IndexEntry entry : index.find(batch.domain(), batch.entryIds()).values()) {
            if (entry instanceof IndexEntry.Committed committed) {
                batch.alreadyCommitted(committed.commit());
            } else if (entry instanceof IndexEntry.Pending pending) {
                pendingByTransaction
                        .computeIfAbsent(pending.transactionHash(), hash -> new ArrayList<>())
                        .add(pending.entryId());
            }
        }
        pendingByTransaction.forEach((hash, entryIds) -> {
            if (canStillLand(batch.domain(), hash)) {
                batch.await(hash, entryIds);
            } else {
                log.warn("transaction {} can never land: writing its {} entries again", hash, entryIds.size());
            }
        });
    }

    private boolean canStillLand(Domain domain, String hash) {
        Optional<ChainReceipt> receipt = chain.receipt(hash);
        if (receipt.isPresent()) {
            return receipt.get().succeeded();
        }
        Optional<SignedTransaction> transaction = index.pendingTransaction(domain, hash);
        if (transaction.isEmpty()) {
            // Signed transactions are stored before their entries are marked pending: it was never sent.
            return false;
        }
        if (chain.rebroadcast(transaction.get()) == LedgerChain.Rebroadcast.ACCEPTED) {
            return true;
        }
        // Its nonce is used: it landed (mined since the first look) or another transaction took the nonce.
        return chain.receipt(hash).map(ChainReceipt::succeeded).orElse(false);
    }
}

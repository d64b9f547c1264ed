package org.hrm.ledgerwriter.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.contracts.Domain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the writer's unconfirmed transactions back where they can land, at start and every few seconds: a node
 * that restarted (or dropped its pool) has lost them, and the batches waiting for their receipts would wait in
 * vain while every later nonce stalls behind the gap.
 *
 * <p>It never signs: each stored transaction is rebroadcast byte for byte, with its own nonce, so it lands at
 * most once. One whose receipt exists has landed; one whose nonce another transaction took can never land, and
 * the batch waiting for it fails and, on redelivery, {@link PendingReconciler} finds it dead and writes its
 * entries anew (after checking for their receipt, never while it may still land).
 */
public final class Reconciler {
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final LedgerChain chain;
    private final List<? extends EntryIndex> indexes;
    private final Set<String> reportedDead = ConcurrentHashMap.newKeySet();

    /** @param indexes every index whose transactions the one signing key signed (records, consents, erasures) */
    public Reconciler(LedgerChain chain, List<? extends EntryIndex> indexes) {
        this.chain = chain;
        this.indexes = List.copyOf(indexes);
    }

    /** What one pass found among the stored transactions. */
    public record Outcome(int landed, int rebroadcast, int superseded) {}

    public Outcome reconcile() {
        int landed = 0;
        int rebroadcast = 0;
        int superseded = 0;
        for (SignedTransaction transaction : pendingByNonce()) {
            if (chain.receipt(transaction.hash()).isPresent()) {
                landed++;
            } else if (chain.rebroadcast(transaction) == LedgerChain.Rebroadcast.ACCEPTED) {
                rebroadcast++;
            } else if (chain.receipt(transaction.hash()).isPresent()) {
                landed++;
            } else {
                superseded++;
                if (reportedDead.add(transaction.hash())) {
                    log.warn("{} can never land: its nonce was used by another transaction", transaction);
                }
            }
        }
        return new Outcome(landed, rebroadcast, superseded);
    }

    /** Lowest nonce first, across the indexes: a higher nonce cannot land before the ones below it. */
    private List<SignedTransaction> pendingByNonce() {
        List<SignedTransaction> pending = new ArrayList<>();
        for (EntryIndex index : indexes) {
            for (Domain domain : Domain.values()) {
                pending.addAll(index.pendingTransactions(domain));
            }
        }
        pending.sort(Comparator.comparingLong(SignedTransaction::nonce));
        return pending;
    }
}

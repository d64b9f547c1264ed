package org.hrm.ledgerwriter.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.Commit;

/**
 * The entries of one domain within a batch (duplicates once) and where each one stands: committed
 * before, travelling in a transaction that may still land, or still to write.
 */
abstract class EntryBatch<E> {
    private final Domain domain;
    private final String contract;
    private final Map<String, E> entries = new LinkedHashMap<>();
    private final List<Commit> alreadyCommitted = new ArrayList<>();
    private final Map<String, List<String>> awaited = new LinkedHashMap<>();
    private final List<SignedTransaction> signed = new ArrayList<>();
    private final List<Commit> confirmed = new ArrayList<>();
    private final Set<String> dropped = new HashSet<>();

    EntryBatch(Domain domain, String contract) {
        this.domain = domain;
        this.contract = contract;
    }

    void add(String entryId, E entry) {
        entries.putIfAbsent(entryId, entry);
    }

    Domain domain() {
        return domain;
    }

    String contract() {
        return contract;
    }

    Set<String> entryIds() {
        return entries.keySet();
    }

    E entry(String entryId) {
        return entries.get(entryId);
    }

    /** These entries must not be written at all (they are never committed by this batch). */
    void drop(Set<String> entryIds) {
        dropped.addAll(entryIds);
    }

    void alreadyCommitted(Commit commit) {
        alreadyCommitted.add(commit);
    }

    List<Commit> alreadyCommitted() {
        return alreadyCommitted;
    }

    /** These entries travel in {@code transactionHash}, which may still land: wait for it. */
    void await(String transactionHash, List<String> entryIds) {
        awaited.computeIfAbsent(transactionHash, hash -> new ArrayList<>()).addAll(entryIds);
    }

    void signed(SignedTransaction transaction) {
        signed.add(transaction);
        await(transaction.hash(), transaction.entryIds());
    }

    /** Entries neither committed, travelling in a transaction that may still land, nor dropped, in order. */
    List<E> unwritten() {
        Set<String> settled = new HashSet<>(dropped);
        alreadyCommitted.forEach(commit -> settled.add(commit.entryId()));
        awaited.values().forEach(settled::addAll);
        List<E> unwritten = new ArrayList<>();
        entries.forEach((id, entry) -> {
            if (!settled.contains(id)) {
                unwritten.add(entry);
            }
        });
        return unwritten;
    }

    List<SignedTransaction> signed() {
        return signed;
    }

    Set<String> awaitedHashes() {
        return awaited.keySet();
    }

    /** Commits from the awaited receipts (every entry they carry, in or out of this batch). */
    List<Commit> confirm(Map<String, ChainReceipt> receipts, Instant now) {
        awaited.forEach((hash, entryIds) -> confirm(receipts.get(hash), entryIds, now));
        return confirmed;
    }

    /** The confirmed commits of this batch's own entries. */
    List<Commit> confirmedOfThisBatch() {
        return confirmed.stream()
                .filter(commit -> entries.containsKey(commit.entryId()))
                .toList();
    }

    static List<String> allAwaitedHashes(Collection<? extends EntryBatch<?>> batches) {
        return batches.stream().flatMap(batch -> batch.awaitedHashes().stream()).toList();
    }

    private void confirm(ChainReceipt receipt, List<String> entryIds, Instant now) {
        if (receipt == null || !receipt.succeeded()) {
            throw new LedgerWriteException("transaction " + (receipt == null ? "unknown" : receipt.transactionHash())
                    + " to the " + domain.id() + " ledger did not succeed");
        }
        List<Commit> commits = receipt.commits(contract, now);
        Set<String> logged = new HashSet<>();
        commits.forEach(commit -> logged.add(commit.entryId()));
        if (!logged.containsAll(entryIds)) {
            throw new LedgerWriteException("transaction " + receipt.transactionHash() + " lacks the logs of "
                    + entryIds.stream().filter(id -> !logged.contains(id)).count() + " of its entries");
        }
        confirmed.addAll(commits);
    }
}

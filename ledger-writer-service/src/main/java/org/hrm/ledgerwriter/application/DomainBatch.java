package org.hrm.ledgerwriter.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.ledgerwriter.domain.LedgerRecord;

/** The records of one domain within a batch (duplicates once) and where each one stands. */
final class DomainBatch {
    private final Domain domain;
    private final String contract;
    private final Map<String, LedgerRecord> records = new LinkedHashMap<>();
    private final List<Commit> alreadyCommitted = new ArrayList<>();
    private final Map<String, List<String>> awaited = new LinkedHashMap<>();
    private final List<SignedTransaction> signed = new ArrayList<>();
    private final List<Commit> confirmed = new ArrayList<>();

    private DomainBatch(Domain domain, String contract) {
        this.domain = domain;
        this.contract = contract;
    }

    static Map<Domain, DomainBatch> group(List<SealedRecord> sealed, Map<Domain, String> contracts) {
        Map<Domain, DomainBatch> batches = new EnumMap<>(Domain.class);
        for (SealedRecord each : sealed) {
            batches.computeIfAbsent(each.domain(), domain -> new DomainBatch(domain, contracts.get(domain)))
                    .records
                    .putIfAbsent(each.record().recordId(), each.record());
        }
        return batches;
    }

    Domain domain() {
        return domain;
    }

    String contract() {
        return contract;
    }

    Set<String> recordIds() {
        return records.keySet();
    }

    void alreadyCommitted(Commit commit) {
        alreadyCommitted.add(commit);
    }

    /** These records travel in {@code transactionHash}, which may still land: wait for it. */
    void await(String transactionHash, List<String> recordIds) {
        awaited.computeIfAbsent(transactionHash, hash -> new ArrayList<>()).addAll(recordIds);
    }

    void signed(SignedTransaction transaction) {
        signed.add(transaction);
        await(transaction.hash(), transaction.recordIds());
    }

    /** Records neither committed nor travelling in a transaction that may still land, in order. */
    List<LedgerRecord> unwritten() {
        Set<String> settled = new HashSet<>();
        alreadyCommitted.forEach(commit -> settled.add(commit.recordId()));
        awaited.values().forEach(settled::addAll);
        return records.values().stream()
                .filter(record -> !settled.contains(record.recordId()))
                .toList();
    }

    List<SignedTransaction> signed() {
        return signed;
    }

    Set<String> awaitedHashes() {
        return awaited.keySet();
    }

    /** Commits from the awaited receipts (every record they carry, in or out of this batch). */
    List<Commit> confirm(Map<String, ChainReceipt> receipts, Instant now) {
        awaited.forEach((hash, recordIds) -> confirm(receipts.get(hash), recordIds, now));
        return confirmed;
    }

    private void confirm(ChainReceipt receipt, List<String> recordIds, Instant now) {
        if (receipt == null || !receipt.succeeded()) {
            throw new LedgerWriteException("transaction " + (receipt == null ? "unknown" : receipt.transactionHash())
                    + " to the " + domain.id() + " ledger did not succeed");
        }
        List<Commit> commits = receipt.commits(contract, now);
        Set<String> logged = new HashSet<>();
        commits.forEach(commit -> logged.add(commit.recordId()));
        if (!logged.containsAll(recordIds)) {
            throw new LedgerWriteException("transaction " + receipt.transactionHash() + " lacks RecordStored logs");
        }
        confirmed.addAll(commits);
    }

    /** One commit per record of this batch: the ones found committed and the ones just confirmed. */
    List<Commit> toPublish() {
        List<Commit> publish = new ArrayList<>(alreadyCommitted);
        confirmed.stream()
                .filter(commit -> records.containsKey(commit.recordId()))
                .forEach(publish::add);
        return publish;
    }
}

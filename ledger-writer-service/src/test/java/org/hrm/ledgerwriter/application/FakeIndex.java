package org.hrm.ledgerwriter.application;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.ledgerwriter.domain.GasModel;
import org.hrm.ledgerwriter.domain.TombstonePacker;

/** A ledger, consent or erasure index in memory. */
public class FakeIndex implements LedgerIndex, ConsentIndex, ErasureIndex {
    final Map<Domain, Map<String, IndexEntry>> entries = new EnumMap<>(Domain.class);
    final Map<Domain, Map<String, SignedTransaction>> transactions = new EnumMap<>(Domain.class);

    @Override
    public Map<String, IndexEntry> find(Domain domain, Collection<String> entryIds) {
        Map<String, IndexEntry> found = new HashMap<>();
        entryIds.forEach(id -> Optional.ofNullable(entries(domain).get(id)).ifPresent(e -> found.put(id, e)));
        return found;
    }

    @Override
    public Optional<SignedTransaction> pendingTransaction(Domain domain, String transactionHash) {
        return Optional.ofNullable(transactions(domain).get(transactionHash));
    }

    @Override
    public List<SignedTransaction> pendingTransactions(Domain domain) {
        return transactions(domain).values().stream()
                .sorted(java.util.Comparator.comparingLong(SignedTransaction::nonce))
                .toList();
    }

    @Override
    public void markPending(Domain domain, List<SignedTransaction> signed) {
        for (SignedTransaction transaction : signed) {
            transactions(domain).put(transaction.hash(), transaction);
            transaction
                    .entryIds()
                    .forEach(id -> entries(domain).put(id, new IndexEntry.Pending(id, transaction.hash())));
        }
    }

    @Override
    public void markCommitted(Domain domain, List<Commit> commits) {
        commits.forEach(commit -> entries(domain).put(commit.entryId(), new IndexEntry.Committed(commit)));
        commits.forEach(commit -> transactions(domain).remove(commit.transactionHash()));
    }

    /** This index as the erasure index a record use case consults for records erased in flight. */
    ErasuresInFlight asErasuresInFlight() {
        return new ErasuresInFlight(this, new TombstonePacker(new GasModel(10), 50, 15_000_000));
    }

    Map<String, IndexEntry> entries(Domain domain) {
        return entries.computeIfAbsent(domain, d -> new HashMap<>());
    }

    Map<String, SignedTransaction> transactions(Domain domain) {
        return transactions.computeIfAbsent(domain, d -> new HashMap<>());
    }
}

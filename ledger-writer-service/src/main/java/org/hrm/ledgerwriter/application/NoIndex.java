package org.hrm.ledgerwriter.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.Commit;

/**
 * An index that keeps nothing: every record is unwritten and no record has a tombstone. Only for
 * {@link CommitSealedRecords#onChainAlone}, whose records are written once and never redelivered.
 */
final class NoIndex implements LedgerIndex, ErasureIndex {

    @Override
    public Map<String, IndexEntry> find(Domain domain, Collection<String> entryIds) {
        return Map.of();
    }

    @Override
    public Optional<SignedTransaction> pendingTransaction(Domain domain, String transactionHash) {
        return Optional.empty();
    }

    @Override
    public List<SignedTransaction> pendingTransactions(Domain domain) {
        return List.of();
    }

    @Override
    public void markPending(Domain domain, List<SignedTransaction> transactions) {}

    @Override
    public void markCommitted(Domain domain, List<Commit> commits) {}
}

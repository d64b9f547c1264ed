package org.hrm.ledgerwriter.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.Commit;

/** The ledger index: per domain, each record's state (pending in a transaction, or committed). */
public interface LedgerIndex {

    /** The entries of those records that have one, by record id. */
    Map<String, IndexEntry> find(Domain domain, Collection<String> recordIds);

    /** The signed transaction kept for a pending record. */
    Optional<SignedTransaction> pendingTransaction(Domain domain, String transactionHash);

    /** Keeps the signed transactions and marks their records pending; must return before any broadcast. */
    void markPending(Domain domain, List<SignedTransaction> transactions);

    /** Marks records committed; their signed transactions are no longer needed. */
    void markCommitted(Domain domain, List<Commit> commits);
}

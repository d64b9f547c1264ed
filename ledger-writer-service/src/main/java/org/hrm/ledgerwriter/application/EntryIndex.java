package org.hrm.ledgerwriter.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.Commit;

/**
 * An index of ledger entries per domain, the base of exactly-once: each entry is pending in a signed
 * transaction (stored before it is broadcast) or committed.
 */
public interface EntryIndex {

    /** The entries of those ids that have one, by entry id. */
    Map<String, IndexEntry> find(Domain domain, Collection<String> entryIds);

    /** The signed transaction kept for a pending entry. */
    Optional<SignedTransaction> pendingTransaction(Domain domain, String transactionHash);

    /** Every signed transaction of the domain stored before broadcast and not confirmed yet, lowest nonce first. */
    List<SignedTransaction> pendingTransactions(Domain domain);

    /** Keeps the signed transactions and marks their entries pending; must return before any broadcast. */
    void markPending(Domain domain, List<SignedTransaction> transactions);

    /** Marks entries committed; their signed transactions are no longer needed. */
    void markCommitted(Domain domain, List<Commit> commits);
}

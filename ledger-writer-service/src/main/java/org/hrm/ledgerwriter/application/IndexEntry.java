package org.hrm.ledgerwriter.application;

import org.hrm.ledgerwriter.domain.Commit;

/** What the ledger index knows about a record: sent in a transaction, or committed. */
public sealed interface IndexEntry {
    String recordId();

    /** Signed and possibly broadcast in {@code transactionHash}; not yet confirmed. */
    record Pending(String recordId, String transactionHash) implements IndexEntry {}

    /** Confirmed on chain. */
    record Committed(Commit commit) implements IndexEntry {
        @Override
        public String recordId() {
            return commit.recordId();
        }
    }
}

package org.hrm.ledgerwriter.application;

import org.hrm.ledgerwriter.domain.Commit;

/** What an index knows about an entry (a record, a key share, a revocation): sent in a transaction, or committed. */
public sealed interface IndexEntry {
    String entryId();

    /** Signed and possibly broadcast in {@code transactionHash}; not yet confirmed. */
    record Pending(String entryId, String transactionHash) implements IndexEntry {}

    /** Confirmed on chain. */
    record Committed(Commit commit) implements IndexEntry {
        @Override
        public String entryId() {
            return commit.entryId();
        }
    }
}

package org.hrm.ledgerwriter.domain;

import java.util.List;

/**
 * The records of one ledger transaction, in order, and its gas limit from the {@link GasModel}: whole records (a
 * storeBatch), or exactly one chunk of a record too large for one transaction (a storeChunk).
 */
public record PackedTransaction(List<LedgerRecord> records, long gasLimit) {
    public PackedTransaction {
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a transaction carries at least one record");
        }
        if (records.size() > 1 && records.stream().anyMatch(LedgerRecord::isChunk)) {
            throw new IllegalArgumentException("a chunk goes on chain alone in its transaction");
        }
    }

    /** Whether this is the storeChunk of one chunk. */
    public boolean isChunk() {
        return records.get(0).isChunk();
    }

    /** The ledger index entries it writes: record ids, or the one chunk's {@code recordId#index}. */
    public List<String> entryIds() {
        return records.stream().map(LedgerRecord::entryId).toList();
    }

    public List<String> recordIds() {
        return records.stream().map(LedgerRecord::recordId).toList();
    }
}

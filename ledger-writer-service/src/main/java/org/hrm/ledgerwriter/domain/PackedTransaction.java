package org.hrm.ledgerwriter.domain;

import java.util.List;

/** The records of one ledger transaction, in order, and its gas limit from the {@link GasModel}. */
public record PackedTransaction(List<LedgerRecord> records, long gasLimit) {
    public PackedTransaction {
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a transaction carries at least one record");
        }
    }

    public List<String> recordIds() {
        return records.stream().map(LedgerRecord::recordId).toList();
    }
}

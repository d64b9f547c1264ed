package org.hrm.ledgerwriter.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs records, in order, into as few transactions as the record count and the per-transaction gas
 * budget allow. A record that alone exceeds the budget is rejected, never split.
 */
public final class TransactionPacker {
    private final GasModel gas;
    private final int maxRecords;
    private final long maxGas;

    public TransactionPacker(GasModel gas, int maxRecords, long maxGas) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("at least one record per transaction");
        }
        if (maxGas < gas.gasLimit(List.of(0))) {
            throw new IllegalArgumentException("gas budget " + maxGas + " fits not even an empty record");
        }
        this.gas = gas;
        this.maxRecords = maxRecords;
        this.maxGas = maxGas;
    }

    public Packing pack(List<LedgerRecord> records) {
        List<PackedTransaction> transactions = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        List<LedgerRecord> current = new ArrayList<>();
        long currentGas = 0;
        int currentLargest = 0;
        for (LedgerRecord record : records) {
            long single = gas.gasLimit(List.of(record.payloadSize()));
            if (single > maxGas) {
                rejected.add(new Rejected(record.recordId(), tooLarge(record, single)));
                continue;
            }
            long recordGas = gas.recordGas(record.payloadSize());
            int largest = Math.max(currentLargest, record.payloadSize());
            if (current.size() == maxRecords || gas.gasLimit(currentGas + recordGas, largest) > maxGas) {
                transactions.add(new PackedTransaction(current, gas.gasLimit(currentGas, currentLargest)));
                current = new ArrayList<>();
                currentGas = 0;
                largest = record.payloadSize();
            }
            current.add(record);
            currentGas += recordGas;
            currentLargest = largest;
        }
        if (!current.isEmpty()) {
            transactions.add(new PackedTransaction(current, gas.gasLimit(currentGas, currentLargest)));
        }
        return new Packing(transactions, rejected);
    }

    private String tooLarge(LedgerRecord record, long single) {
        return "record too large for one ledger transaction: " + record.payloadSize() + " payload bytes need " + single
                + " gas, budget " + maxGas;
    }
}

package org.hrm.ledgerwriter.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs records, in order, into as few storeBatch transactions as the record count and the
 * per-transaction gas budget allow. A record that alone exceeds the budget is rejected, never split.
 */
public final class TransactionPacker {
    private final BudgetPacker<LedgerRecord> packer;
    private final long maxGas;

    public TransactionPacker(GasModel gas, int maxRecords, long maxGas) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("at least one record per transaction");
        }
        if (maxGas < gas.gasLimit(List.of(0))) {
            throw new IllegalArgumentException("gas budget " + maxGas + " fits not even an empty record");
        }
        BudgetPacker.CallGas<LedgerRecord> storeBatch = new BudgetPacker.CallGas<>(
                record -> gas.recordGas(record.payloadSize()), LedgerRecord::payloadSize, gas::gasLimit);
        this.packer = new BudgetPacker<>(storeBatch, maxRecords, maxGas);
        this.maxGas = maxGas;
    }

    public Packing pack(List<LedgerRecord> records) {
        List<Rejected> rejected = new ArrayList<>();
        List<PackedTransaction> transactions = packer
                .pack(
                        records,
                        (record, single) -> rejected.add(new Rejected(record.recordId(), tooLarge(record, single))))
                .stream()
                .map(batch -> new PackedTransaction(batch.entries(), batch.gasLimit()))
                .toList();
        return new Packing(transactions, rejected);
    }

    private String tooLarge(LedgerRecord record, long single) {
        return "record too large for one ledger transaction: " + record.payloadSize() + " payload bytes need " + single
                + " gas, budget " + maxGas;
    }
}

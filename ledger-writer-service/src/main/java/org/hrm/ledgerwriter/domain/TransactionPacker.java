package org.hrm.ledgerwriter.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Packs records, in order, into as few storeBatch transactions as the record count and the
 * per-transaction gas budget allow, and each chunk of a record too large for one transaction into a storeChunk of
 * its own. A whole record that alone exceeds the budget is rejected (the caller cuts records larger than a chunk
 * before they get here, see {@code LedgerChunks}); so is every chunk of a record one of whose chunks does not fit.
 */
public final class TransactionPacker {
    private final BudgetPacker<LedgerRecord> packer;
    private final GasModel gas;
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
        this.gas = gas;
        this.maxGas = maxGas;
    }

    public Packing pack(List<LedgerRecord> records) {
        List<Rejected> rejected = new ArrayList<>();
        List<LedgerRecord> whole = new ArrayList<>(records.size());
        List<LedgerRecord> chunks = new ArrayList<>();
        for (LedgerRecord record : records) {
            (record.isChunk() ? chunks : whole).add(record);
        }
        List<PackedTransaction> transactions = new ArrayList<>();
        packer.pack(whole, (record, single) -> rejected.add(new Rejected(record.recordId(), tooLarge(record, single))))
                .forEach(batch -> transactions.add(new PackedTransaction(batch.entries(), batch.gasLimit())));
        if (!chunks.isEmpty()) {
            packChunks(chunks, transactions, rejected);
        }
        return new Packing(transactions, rejected);
    }

    private void packChunks(List<LedgerRecord> chunks, List<PackedTransaction> transactions, List<Rejected> rejected) {
        Set<String> refused = new LinkedHashSet<>();
        for (LedgerRecord chunk : chunks) {
            long single = gas.chunkGasLimit(chunk.payloadSize());
            if (single > maxGas && refused.add(chunk.recordId())) {
                rejected.add(new Rejected(chunk.recordId(), tooLarge(chunk, single)));
            }
        }
        for (LedgerRecord chunk : chunks) {
            if (!refused.contains(chunk.recordId())) {
                transactions.add(new PackedTransaction(List.of(chunk), gas.chunkGasLimit(chunk.payloadSize())));
            }
        }
    }

    private String tooLarge(LedgerRecord record, long single) {
        String what = record.isChunk() ? "chunk of a record" : "record";
        return what + " too large for one ledger transaction: " + record.payloadSize() + " payload bytes need " + single
                + " gas, budget " + maxGas;
    }
}

package org.hrm.ledgerwriter.domain;

import java.util.List;

/**
 * Packs tombstones, in order, into as few eraseBatch transactions as the entry count and the
 * per-transaction gas budget allow. Every tombstone costs the same, so none is ever rejected: the
 * constructor refuses a budget that fits not even one.
 */
public final class TombstonePacker {
    private final BudgetPacker<RecordTombstone> packer;

    public TombstonePacker(GasModel gas, int maxEntries, long maxGas) {
        if (maxGas < gas.eraseGasLimit(gas.tombstoneGas())) {
            throw new IllegalArgumentException("gas budget " + maxGas + " fits not even one tombstone");
        }
        BudgetPacker.CallGas<RecordTombstone> eraseBatch = new BudgetPacker.CallGas<>(
                tombstone -> gas.tombstoneGas(), tombstone -> 0, (sum, largest) -> gas.eraseGasLimit(sum));
        this.packer = new BudgetPacker<>(eraseBatch, maxEntries, maxGas);
    }

    public List<TombstoneTransaction> pack(List<RecordTombstone> tombstones) {
        return packer.pack(tombstones, TombstonePacker::neverTooLarge).stream()
                .map(batch -> new TombstoneTransaction(batch.entries(), batch.gasLimit()))
                .toList();
    }

    private static void neverTooLarge(RecordTombstone tombstone, long single) {
        throw new IllegalStateException("tombstone of " + tombstone.recordId() + " needs " + single + " gas");
    }
}

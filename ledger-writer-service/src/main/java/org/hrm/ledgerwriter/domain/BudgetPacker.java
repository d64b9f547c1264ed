package org.hrm.ledgerwriter.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Splits entries, in order, into as few transactions as the entry count and the per-transaction gas
 * budget allow. An entry that alone exceeds the budget is set aside, never split.
 */
final class BudgetPacker<T> {
    private final CallGas<T> gas;
    private final int maxEntries;
    private final long maxGas;

    BudgetPacker(CallGas<T> gas, int maxEntries, long maxGas) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("at least one entry per transaction");
        }
        this.gas = gas;
        this.maxEntries = maxEntries;
        this.maxGas = maxGas;
    }

    /** The transactions; each entry too large for one goes to {@code tooLarge} with the gas it alone needs. */
    List<Batch<T>> pack(List<T> entries, BiConsumer<T, Long> tooLarge) {
        List<Batch<T>> batches = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long currentGas = 0;
        int currentLargest = 0;
        for (T entry : entries) {
            long entryGas = gas.entryGas().applyAsLong(entry);
            int data = gas.dataBytes().applyAsInt(entry);
            long single = gas.limit().of(entryGas, data);
            if (single > maxGas) {
                tooLarge.accept(entry, single);
                continue;
            }
            int largest = Math.max(currentLargest, data);
            if (current.size() == maxEntries || gas.limit().of(currentGas + entryGas, largest) > maxGas) {
                batches.add(new Batch<>(current, gas.limit().of(currentGas, currentLargest)));
                current = new ArrayList<>();
                currentGas = 0;
                largest = data;
            }
            current.add(entry);
            currentGas += entryGas;
            currentLargest = largest;
        }
        if (!current.isEmpty()) {
            batches.add(new Batch<>(current, gas.limit().of(currentGas, currentLargest)));
        }
        return batches;
    }

    /**
     * How one kind of batch call spends gas: each entry's part, the log data bytes of an entry (memory
     * is paid once, for the largest) and the limit of a call around entries of that summed gas.
     */
    record CallGas<T>(ToLongFunction<T> entryGas, ToIntFunction<T> dataBytes, GasLimit limit) {}

    /** The gas limit, margin included, of a call whose entries add up to {@code entryGasSum}. */
    @FunctionalInterface
    interface GasLimit {
        long of(long entryGasSum, int largestDataBytes);
    }

    /** The entries of one transaction, in order, and its gas limit. */
    record Batch<T>(List<T> entries, long gasLimit) {}
}

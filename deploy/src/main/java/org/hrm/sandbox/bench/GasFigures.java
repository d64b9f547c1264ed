package org.hrm.sandbox.bench;

import java.util.List;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Gas of the writer's transactions of one phase: per record on average, and the largest transaction. */
record GasFigures(int transactions, long totalGas, long maxGasPerTransaction, int records) {
    static GasFigures of(List<TransactionReceipt> receipts, int records) {
        long total = 0;
        long max = 0;
        for (TransactionReceipt receipt : receipts) {
            long gas = receipt.getGasUsed().longValueExact();
            total += gas;
            max = Math.max(max, gas);
        }
        return new GasFigures(receipts.size(), total, max, records);
    }

    long gasPerRecord() {
        return records == 0 ? 0 : totalGas / records;
    }

    double recordsPerTransaction() {
        return transactions == 0 ? 0 : Math.round(10.0 * records / transactions) / 10.0;
    }
}

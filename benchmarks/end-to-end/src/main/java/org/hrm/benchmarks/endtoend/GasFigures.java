package org.hrm.benchmarks.endtoend;

import java.util.List;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Gas of the writer's transactions of one phase: per record on average, per payload byte, and the largest
 * transaction.
 */
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

    /** Gas per record over the payload bytes each record carries: what block gas buys, byte for byte. */
    double gasPerPayloadByte(int payloadBytes) {
        return payloadBytes == 0 ? 0 : (double) gasPerRecord() / payloadBytes;
    }

    /**
     * The calldata floor of these bytes under Cancun's pricing (EIP-2028): 16 gas per non-zero byte, 4 per zero
     * byte. No layout can carry the payload on chain for less; the ledger also logs it and pays the call around it.
     */
    static long calldataFloor(byte[] payload) {
        long gas = 0;
        for (byte b : payload) {
            gas += b == 0 ? 4 : 16;
        }
        return gas;
    }

    double recordsPerTransaction() {
        return transactions == 0 ? 0 : Math.round(10.0 * records / transactions) / 10.0;
    }
}

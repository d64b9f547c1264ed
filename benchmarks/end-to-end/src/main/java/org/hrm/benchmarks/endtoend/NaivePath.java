package org.hrm.benchmarks.endtoend;

import java.io.PrintStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.embedded.AnvilNode;
import org.hrm.sandbox.chaos.Latencies;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * What a straightforward web3j integration does: the generated {@link RecordLedger} wrapper, one record per
 * {@code storeBatch} transaction, each receipt waited for before the next. It signs with its own Anvil dev account
 * and writes to its own ledger deployment, so its nonces and logs never mix with the writer's. Its only concession
 * to speed is polling receipts every 10 ms instead of web3j's default 15 s.
 */
final class NaivePath {
    /** Anvil's well-known dev account 2: funded, and used by nothing else. Sandbox only. */
    static final String NAIVE_KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";

    /** Room for one record of up to a chunk's size (the larger ones have no naive path). */
    private static final BigInteger GAS_LIMIT = BigInteger.valueOf(15_000_000);

    /** Records written, the seconds it took, the gas of each one-record transaction, and when each was mined. */
    record Result(int records, double seconds, long gasPerRecord, Latencies latencies, long[] commitNanos) {
        double recordsPerSecond() {
            return records / seconds;
        }

        PhaseTrace trace() {
            return new PhaseTrace("naive", commitNanos, latencies);
        }
    }

    private final String rpcUrl;
    private final PrintStream progress;

    NaivePath(String rpcUrl, PrintStream progress) {
        this.rpcUrl = rpcUrl;
        this.progress = progress;
    }

    Result run(int records, ScratchPayloads payloads) throws Exception {
        Web3j web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            Credentials naive = Credentials.create(NAIVE_KEY);
            RawTransactionManager transactions = new RawTransactionManager(
                    web3j, naive, AnvilNode.CHAIN_ID, new PollingTransactionReceiptProcessor(web3j, 10, 6_000));
            StaticGasProvider gas = new StaticGasProvider(BigInteger.ZERO, GAS_LIMIT);
            RecordLedger ledger = RecordLedger.deploy(web3j, transactions, gas, naive.getAddress())
                    .send();
            SecureRandom random = new SecureRandom();
            long gasUsed = 0;
            List<Double> latencies = new ArrayList<>(records);
            long[] mined = new long[records];
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                long sent = System.nanoTime();
                TransactionReceipt receipt = ledger.storeBatch(
                                List.of(bytes(random, 16)), List.of(bytes(random, 32)), List.of(payloads.next()))
                        .send();
                if (!receipt.isStatusOK()) {
                    throw new IllegalStateException("naive transaction " + receipt.getTransactionHash() + " failed");
                }
                gasUsed += receipt.getGasUsed().longValueExact();
                long now = System.nanoTime();
                latencies.add((now - sent) / 1e6);
                mined[i] = now - start;
                if ((i + 1) % 100 == 0) {
                    progress.printf(
                            "[bench] naive: %d/%d records, %.0f records/s%n",
                            i + 1, records, (i + 1) / ((System.nanoTime() - start) / 1e9));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(records, seconds, gasUsed / Math.max(records, 1), Latencies.of(latencies), mined);
        } finally {
            web3j.shutdown();
        }
    }

    private static byte[] bytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}

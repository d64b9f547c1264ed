package org.hrm.benchmarks.jmh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hrm.contracts.LedgerCalldata;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes16;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.utils.Numeric;

/**
 * The ledger writer's record batch call input, {@code storeBatchInCalldata(recordIds, ownerPseudonyms, payloads)} as
 * hex: before, through web3j's {@code Function}, {@code DynamicArray} and {@code FunctionEncoder} (what the writer did
 * until issue 17's "calldata encoded straight into bytes"); after, {@link LedgerCalldata#encode} into one array, then
 * hex (what the writer does now). One operation is one batch of {@code records} payloads of 1,511 bytes, the ledger
 * payload of a 1 KiB record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CalldataEncodingBenchmark {
    static final int PAYLOAD_BYTES = 1_511;

    @Param({"200"})
    int records;

    List<byte[]> ids;
    List<byte[]> pseudonyms;
    List<byte[]> payloads;

    @Setup(Level.Trial)
    public void setup() {
        Random random = new Random(17);
        ids = new ArrayList<>();
        pseudonyms = new ArrayList<>();
        payloads = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            ids.add(bytes(random, 16));
            pseudonyms.add(bytes(random, 32));
            payloads.add(bytes(random, PAYLOAD_BYTES));
        }
        checkRoundTrip();
    }

    /** Both encodings give the same input, and it reads back to every payload. */
    void checkRoundTrip() {
        String hex = straightIntoBytes();
        if (!web3jFunction().equals(hex)) {
            throw new IllegalStateException("the two encodings differ");
        }
        byte[] input = Numeric.hexStringToByteArray(hex);
        for (int i = 0; i < records; i++) {
            LedgerCalldata.payload(input, i, LedgerCalldata.keccak256(payloads.get(i)));
        }
    }

    @Benchmark
    public String web3jFunction() {
        Function call = new Function(
                "storeBatchInCalldata",
                Arrays.<Type>asList(
                        new DynamicArray<>(
                                Bytes16.class, ids.stream().map(Bytes16::new).toList()),
                        new DynamicArray<>(
                                Bytes32.class,
                                pseudonyms.stream().map(Bytes32::new).toList()),
                        new DynamicArray<>(
                                DynamicBytes.class,
                                payloads.stream().map(DynamicBytes::new).toList())),
                List.of());
        return FunctionEncoder.encode(call);
    }

    @Benchmark
    public String straightIntoBytes() {
        return Numeric.toHexString(
                LedgerCalldata.encode(LedgerCalldata.STORE_BATCH_IN_CALLDATA, ids, pseudonyms, payloads));
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}

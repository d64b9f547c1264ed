package org.hrm.benchmarks.endtoend;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hrm.sandbox.chaos.Latencies;

/**
 * One record size's throughput phase, for the report's {@code sizes} array: records/s, commit latency and gas per
 * payload byte against the calldata floor of that size's payload.
 *
 * @param payload one record's ledger payload as found on chain (C2, key shares, signature)
 */
record SizeResult(int recordBytes, byte[] payload, StorePhase.Result phase, GasFigures gas) {

    double gasPerPayloadByte() {
        return gas.gasPerPayloadByte(payload.length);
    }

    double calldataFloorGasPerPayloadByte() {
        return payload.length == 0 ? 0 : (double) GasFigures.calldataFloor(payload) / payload.length;
    }

    Map<String, Object> toJson() {
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("recordBytes", recordBytes);
        size.put("payloadBytes", payload.length);
        size.put("records", phase.records());
        size.put("recordsPerSecond", Math.round(phase.recordsPerSecond()));
        size.put("p50CommitMs", Latencies.round(phase.latencies().percentile(50)));
        size.put("p99CommitMs", Latencies.round(phase.latencies().percentile(99)));
        size.put("gasPerRecord", gas.gasPerRecord());
        size.put("gasPerPayloadByte", BenchReport.hundredths(gasPerPayloadByte()));
        size.put("calldataFloorGasPerPayloadByte", BenchReport.hundredths(calldataFloorGasPerPayloadByte()));
        size.put("recordsPerTransaction", gas.recordsPerTransaction());
        size.put("maxGasPerTransaction", gas.maxGasPerTransaction());
        return size;
    }
}

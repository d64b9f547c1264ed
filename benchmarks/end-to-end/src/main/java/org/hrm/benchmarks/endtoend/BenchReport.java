package org.hrm.benchmarks.endtoend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrm.sandbox.chaos.Latencies;

/** The bench's one-line JSON report, keys in a fixed order. */
final class BenchReport {
    private BenchReport() {}

    /**
     * Everything one run measured; null for a phase that was skipped.
     *
     * @param sizes the throughput phase of each {@code --size}, the main one first
     * @param stages the stages whose threads' CPU is reported, in order
     */
    record Measured(
            StorePhase.Result throughput,
            StorePhase.Result latency,
            List<SizeResult> sizes,
            NaivePath.Result naive,
            LimitPhase.Result limit,
            GasFigures limitGas,
            FetchPhase.Result fetch,
            Iterable<String> stages,
            ExactlyOnce verdict,
            int deadLetters) {
        SizeResult main() {
            return sizes.get(0);
        }
    }

    static Map<String, Object> of(BenchOptions options, Measured measured) {
        Map<String, Object> report = new LinkedHashMap<>();
        StorePhase.Result throughput = measured.throughput();
        SizeResult main = measured.main();
        report.put("records", throughput.records());
        report.put("recordBytes", options.recordBytes());
        report.put("payloadBytes", main.payload().length);
        report.put("offeredRate", options.rate());
        report.put("seconds", round(throughput.seconds()));
        report.put("recordsPerSecond", Math.round(throughput.recordsPerSecond()));
        report.put("p50CommitMs", Latencies.round(throughput.latencies().percentile(50)));
        report.put("p99CommitMs", Latencies.round(throughput.latencies().percentile(99)));
        report.put("jvmCpuMsPerRecord", hundredths(throughput.jvmCpuMsPerRecord()));
        report.put("anvilCpuMsPerRecord", hundredths(throughput.chainCpuMsPerRecord()));
        report.put("cpuMsPerRecordByStage", stageCpu(throughput, measured.stages()));
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("separateJvms", options.separateJvms());
        latency(report, options, measured.latency());
        naive(report, throughput, measured.naive());
        limit(report, throughput, measured.limit(), measured.limitGas());
        report.put("layout", options.layout());
        gas(report, main);
        fetch(report, options, measured.fetch());
        report.put("sizes", measured.sizes().stream().map(SizeResult::toJson).toList());
        report.put("recordConsumers", options.recordConsumers());
        report.put("vaultConsumers", options.vaultConsumers());
        report.put("blockTimeSeconds", options.blockTimeSeconds());
        report.put("blockGasLimit", options.blockGasLimit());
        report.put("deadLetters", measured.deadLetters());
        report.put("exactlyOnceOnChain", measured.verdict().holds());
        report.put("recordsVerifiedOnChain", measured.verdict().expected());
        return report;
    }

    /**
     * CPU ms per record of each stage's threads, then {@code anvil} (the chain's process) and {@code other}: the
     * JVM's CPU that no stage's threads account for (the bench's own client, GC and JIT threads, threads that ended
     * within the phase).
     */
    static Map<String, Double> stageCpu(StorePhase.Result throughput, Iterable<String> stages) {
        Map<String, Double> byStage = new LinkedHashMap<>();
        double attributed = 0;
        for (Map.Entry<String, Double> stage :
                throughput.stageCpuMsPerRecord(stages).entrySet()) {
            byStage.put(stage.getKey(), hundredths(stage.getValue()));
            attributed += stage.getValue();
        }
        byStage.put("anvil", hundredths(throughput.chainCpuMsPerRecord()));
        byStage.put("other", hundredths(Math.max(0, throughput.jvmCpuMsPerRecord() - attributed)));
        return byStage;
    }

    private static void latency(Map<String, Object> report, BenchOptions options, StorePhase.Result latency) {
        if (latency != null) {
            report.put("latencyOfferedRate", options.latencyRate());
            report.put("latencyRecords", latency.records());
            report.put("latencyP50CommitMs", Latencies.round(latency.latencies().percentile(50)));
            report.put("latencyP99CommitMs", Latencies.round(latency.latencies().percentile(99)));
        }
    }

    private static void naive(Map<String, Object> report, StorePhase.Result throughput, NaivePath.Result naive) {
        report.put("naiveRecords", naive == null ? 0 : naive.records());
        report.put("naiveRecordsPerSecond", naive == null ? -1 : round(naive.recordsPerSecond()));
        report.put(
                "ratioToNaive", naive == null ? -1 : round(throughput.recordsPerSecond() / naive.recordsPerSecond()));
        report.put("naiveGasPerRecord", naive == null ? -1 : naive.gasPerRecord());
    }

    /** The chain-only limit and the share of it the pipeline reached, both from this run. */
    private static void limit(
            Map<String, Object> report, StorePhase.Result throughput, LimitPhase.Result limit, GasFigures gas) {
        report.put("limitRecords", limit == null ? 0 : limit.records());
        report.put("limitRecordsPerSecond", limit == null ? -1 : Math.round(limit.recordsPerSecond()));
        report.put(
                "limitP99CommitMs",
                limit == null ? -1 : Latencies.round(limit.latencies().percentile(99)));
        report.put("limitGasPerRecord", gas == null ? -1 : gas.gasPerRecord());
        report.put(
                "pipelineEfficiency",
                limit == null ? -1 : hundredths(throughput.recordsPerSecond() / limit.recordsPerSecond()));
    }

    private static void gas(Map<String, Object> report, SizeResult main) {
        report.put("gasPerRecord", main.gas().gasPerRecord());
        report.put("gasPerPayloadByte", hundredths(main.gasPerPayloadByte()));
        report.put("calldataFloorGasPerPayloadByte", hundredths(main.calldataFloorGasPerPayloadByte()));
        report.put(
                "gasToCalldataFloor",
                main.calldataFloorGasPerPayloadByte() == 0
                        ? -1
                        : hundredths(main.gasPerPayloadByte() / main.calldataFloorGasPerPayloadByte()));
        report.put("transactions", main.gas().transactions());
        report.put("recordsPerTransaction", main.gas().recordsPerTransaction());
        report.put("maxGasPerTransaction", main.gas().maxGasPerTransaction());
    }

    private static void fetch(Map<String, Object> report, BenchOptions options, FetchPhase.Result fetch) {
        report.put("fetches", fetch == null ? 0 : fetch.fetches());
        report.put("fetchRate", options.fetchRate());
        report.put(
                "fetchP50Ms",
                fetch == null ? -1 : Latencies.round(fetch.latencies().percentile(50)));
        report.put(
                "fetchP99Ms",
                fetch == null ? -1 : Latencies.round(fetch.latencies().percentile(99)));
        if (fetch != null) {
            report.put("fetchSpansP50Ms", spans(fetch.spans(), 50));
            report.put("fetchSpansP99Ms", spans(fetch.spans(), 99));
        }
        report.put("fetchDenied", fetch == null ? 0 : fetch.denied());
        report.put("fetchUndecryptable", fetch == null ? 0 : fetch.undecryptable());
    }

    /** Each hop of the fetch path at percentile {@code p}: decision, release and delivery (FetchPhase.Spans). */
    static Map<String, Object> spans(FetchPhase.Spans spans, double p) {
        Map<String, Object> hops = new LinkedHashMap<>();
        hops.put("decision", Latencies.round(spans.decision().percentile(p)));
        hops.put("release", Latencies.round(spans.release().percentile(p)));
        hops.put("delivery", Latencies.round(spans.delivery().percentile(p)));
        return hops;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static double hundredths(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

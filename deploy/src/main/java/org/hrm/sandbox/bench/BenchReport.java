package org.hrm.sandbox.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The bench's one-line JSON report, keys in a fixed order. */
final class BenchReport {
    private BenchReport() {}

    static Map<String, Object> of(
            BenchOptions options,
            StorePhase.Result throughput,
            StorePhase.Result latency,
            GasFigures gas,
            int payloadBytes,
            NaivePath.Result naive,
            FetchPhase.Result fetch,
            ExactlyOnce verdict,
            int deadLetters) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("records", throughput.records());
        report.put("recordBytes", options.recordBytes());
        report.put("payloadBytes", payloadBytes);
        report.put("offeredRate", options.rate());
        report.put("seconds", round(throughput.seconds()));
        report.put("recordsPerSecond", Math.round(throughput.recordsPerSecond()));
        report.put("p50CommitMs", Latencies.round(throughput.latencies().percentile(50)));
        report.put("p99CommitMs", Latencies.round(throughput.latencies().percentile(99)));
        report.put("jvmCpuMsPerRecord", round(throughput.jvmCpuMsPerRecord() * 100) / 100);
        report.put("anvilCpuMsPerRecord", round(throughput.chainCpuMsPerRecord() * 100) / 100);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        if (latency != null) {
            report.put("latencyOfferedRate", options.latencyRate());
            report.put("latencyRecords", latency.records());
            report.put("latencyP50CommitMs", Latencies.round(latency.latencies().percentile(50)));
            report.put("latencyP99CommitMs", Latencies.round(latency.latencies().percentile(99)));
        }
        report.put("naiveRecords", naive == null ? 0 : naive.records());
        report.put("naiveRecordsPerSecond", naive == null ? -1 : round(naive.recordsPerSecond()));
        report.put(
                "ratioToNaive", naive == null ? -1 : round(throughput.recordsPerSecond() / naive.recordsPerSecond()));
        report.put("gasPerRecord", gas.gasPerRecord());
        report.put("naiveGasPerRecord", naive == null ? -1 : naive.gasPerRecord());
        report.put("transactions", gas.transactions());
        report.put("recordsPerTransaction", gas.recordsPerTransaction());
        report.put("maxGasPerTransaction", gas.maxGasPerTransaction());
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
        report.put("recordConsumers", options.recordConsumers());
        report.put("vaultConsumers", options.vaultConsumers());
        report.put("blockTimeSeconds", options.blockTimeSeconds());
        report.put("blockGasLimit", options.blockGasLimit());
        report.put("deadLetters", deadLetters);
        report.put("exactlyOnceOnChain", verdict.holds());
        report.put("recordsVerifiedOnChain", verdict.expected());
        return report;
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
}

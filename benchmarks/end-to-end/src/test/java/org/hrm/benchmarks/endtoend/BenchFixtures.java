package org.hrm.benchmarks.endtoend;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.hrm.sandbox.chaos.Latencies;

/** Phase results with known figures, for the report's and the page's tests. */
final class BenchFixtures {
    private BenchFixtures() {}

    /** {@code count} latencies 1..count ms, finished evenly over {@code seconds}. */
    static Latencies latencies(int count) {
        return Latencies.of(
                IntStream.rangeClosed(1, count).mapToObj(i -> (double) i).toList());
    }

    static long[] finishedEvenly(int count, double seconds) {
        return IntStream.rangeClosed(1, count)
                .mapToLong(i -> (long) (i * seconds * 1e9 / count))
                .toArray();
    }

    /** 2,000 records in 2 s; the vault's thread used 1 s of CPU, the writer's 2 s, the JVM 4 s, Anvil 0.2 s. */
    static StorePhase.Result throughput() {
        CpuClock.Reading start = new CpuClock.Reading(
                1_000_000_000L,
                0,
                Map.of(1L, new CpuClock.ThreadTime("vault", 500_000_000L), 2L, new CpuClock.ThreadTime("writer", 0)));
        CpuClock.Reading end = new CpuClock.Reading(
                5_000_000_000L,
                200_000_000L,
                Map.of(
                        1L, new CpuClock.ThreadTime("vault", 1_500_000_000L),
                        2L, new CpuClock.ThreadTime("writer", 2_000_000_000L)));
        return new StorePhase.Result(
                2000, 2.0, latencies(2000), Set.of("0xa"), end.minus(start), finishedEvenly(2000, 2.0));
    }

    /** One transaction of 2,000 records at 40,000 gas each. */
    static GasFigures gas() {
        return new GasFigures(1, 2000L * 40_000, 2000L * 40_000, 2000);
    }

    /** 1,000 payload bytes, none zero: a calldata floor of 16 gas per byte. */
    static byte[] payload() {
        byte[] payload = new byte[1000];
        Arrays.fill(payload, (byte) 0x5a);
        return payload;
    }

    static BenchReport.Measured measured(LimitPhase.Result limit, List<SizeResult> furtherSizes) {
        StorePhase.Result throughput = throughput();
        List<SizeResult> sizes = new java.util.ArrayList<>();
        sizes.add(new SizeResult(1024, payload(), throughput, gas()));
        sizes.addAll(furtherSizes);
        return new BenchReport.Measured(
                throughput,
                null,
                sizes,
                new NaivePath.Result(100, 1.0, 65_000, latencies(100), finishedEvenly(100, 1.0)),
                limit,
                limit == null ? null : new GasFigures(20, 4000L * 39_000, 8_000_000, 4000),
                new FetchPhase.Result(
                        50,
                        latencies(50),
                        0,
                        0,
                        finishedEvenly(50, 0.5),
                        new FetchPhase.Spans(latencies(50), latencies(50), latencies(50))),
                List.of("broker", "database", "consent", "vault", "writer"),
                ExactlyOnce.check(List.of("a"), List.of("a")),
                0);
    }

    /** 4,000 records through the writer's transaction path in 0.5 s: 8,000 records/s. */
    static LimitPhase.Result limit() {
        return new LimitPhase.Result(4000, 0.5, latencies(4000), Set.of("0xb"), finishedEvenly(4000, 0.5));
    }
}

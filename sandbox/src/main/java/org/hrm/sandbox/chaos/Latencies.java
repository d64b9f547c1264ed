package org.hrm.sandbox.chaos;

import java.util.Arrays;
import java.util.Collection;

/**
 * Latency samples in milliseconds and their percentiles (nearest-rank: the smallest sample covering p%); the bench's
 * and the chaos run's.
 */
public final class Latencies {
    private final double[] sorted;

    private Latencies(double[] sorted) {
        this.sorted = sorted;
    }

    public static Latencies of(Collection<Double> millis) {
        double[] values = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(values);
        return new Latencies(values);
    }

    public int count() {
        return sorted.length;
    }

    /** The nearest-rank percentile, {@code p} in (0, 100]; NaN when there are no samples. */
    public double percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** The samples, smallest first (a copy). */
    public double[] sorted() {
        return sorted.clone();
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** Rounded to 0.1 ms for the report. */
    public static double round(double millis) {
        return Double.isNaN(millis) ? -1 : Math.round(millis * 10) / 10.0;
    }
}

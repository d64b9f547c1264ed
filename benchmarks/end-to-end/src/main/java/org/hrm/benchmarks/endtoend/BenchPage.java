package org.hrm.benchmarks.endtoend;

import java.util.List;
import java.util.Locale;

/**
 * {@code ./hrm bench --report FILE.html}: one self-contained page, written next to the JSON line, with each phase's
 * throughput over time (records or fetches finished per interval) and its latency distribution (a cumulative
 * distribution: the share of records that took at most so long), drawn as inline SVG by this class. No script,
 * stylesheet, font or image comes from anywhere else, and no script runs at all: the page opens offline and from a
 * mail attachment alike.
 */
final class BenchPage {
    private static final int WIDTH = 520;
    private static final int HEIGHT = 220;
    private static final int MARGIN = 48;
    private static final int MAX_BINS = 60;
    private static final int MAX_POINTS = 240;

    private BenchPage() {}

    /** The page for one run: the JSON report, then two charts per phase, phases in the order given. */
    static String render(String jsonReport, List<PhaseTrace> traces) {
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>hrm bench</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:1100px}")
                .append("pre{white-space:pre-wrap;word-break:break-all;background:#f4f4f4;padding:1em}")
                .append("svg{border:1px solid #ccc;margin:0 1em 1em 0}text{font-size:11px}")
                .append(".phase{display:flex;flex-wrap:wrap}</style></head><body>\n")
                .append("<h1>./hrm bench</h1>\n<h2>Report</h2>\n<pre id=\"report\">")
                .append(escapeText(jsonReport))
                .append("</pre>\n");
        for (PhaseTrace trace : traces) {
            page.append("<section data-phase=\"")
                    .append(escape(trace.phase()))
                    .append("\"><h2>")
                    .append(escape(trace.phase()))
                    .append(" phase</h2>\n<div class=\"phase\">")
                    .append(throughput(trace))
                    .append(distribution(trace))
                    .append("</div></section>\n");
        }
        return page.append("</body></html>\n").toString();
    }

    /** Finished per second in equal intervals from the phase's start to its last finish. */
    static String throughput(PhaseTrace trace) {
        long[] finished = trace.finishedNanos();
        long end = 1;
        for (long nanos : finished) {
            end = Math.max(end, nanos);
        }
        int bins = (int) Math.max(1, Math.min(MAX_BINS, finished.length));
        double binNanos = (double) end / bins;
        int[] counts = new int[bins];
        for (long nanos : finished) {
            // Interval i holds the finishes in (i, i + 1] widths: the last finish falls in the last interval.
            counts[(int) Math.min(bins - 1, Math.max(0, Math.ceil(nanos / binNanos) - 1))]++;
        }
        double[] seconds = new double[bins];
        double[] rates = new double[bins];
        for (int i = 0; i < bins; i++) {
            seconds[i] = (i + 1) * binNanos / 1e9;
            rates[i] = counts[i] / (binNanos / 1e9);
        }
        return chart(trace.phase() + ": throughput over time", "seconds since start", "per second", seconds, rates);
    }

    /** The share of samples at or under each latency. */
    static String distribution(PhaseTrace trace) {
        double[] sorted = trace.latencies().sorted();
        int points = Math.min(MAX_POINTS, sorted.length);
        double[] millis = new double[points];
        double[] shares = new double[points];
        for (int i = 0; i < points; i++) {
            int index = (int) ((long) (i + 1) * sorted.length / points) - 1;
            millis[i] = sorted[index];
            shares[i] = (index + 1.0) / sorted.length;
        }
        String title = String.format(
                Locale.ROOT,
                "%s: latency distribution (p50 %.1f ms, p99 %.1f ms)",
                trace.phase(),
                trace.latencies().percentile(50),
                trace.latencies().percentile(99));
        return chart(title, "milliseconds", "share of samples", millis, shares);
    }

    private static String chart(String title, String xLabel, String yLabel, double[] xs, double[] ys) {
        double xMax = max(xs);
        double yMax = max(ys);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(xs[i], xMax), y(ys[i], yMax)));
        }
        int right = WIDTH - MARGIN / 2;
        int bottom = HEIGHT - MARGIN;
        return String.format(
                Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">"
                        + "<title>%s</title><text x=\"%d\" y=\"16\">%s</text>"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>"
                        + "<text x=\"%d\" y=\"%d\">0</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                        + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                        + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>"
                        + "<text x=\"4\" y=\"%d\">%s</text>"
                        + "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"%s\"/></svg>\n",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT,
                escape(title),
                MARGIN,
                escape(title),
                MARGIN,
                bottom,
                right,
                bottom,
                MARGIN,
                MARGIN / 2,
                MARGIN,
                bottom,
                MARGIN,
                bottom + 14,
                right,
                bottom + 14,
                number(xMax),
                MARGIN - 4,
                MARGIN / 2 + 8,
                number(yMax),
                (MARGIN + right) / 2,
                bottom + 30,
                escape(xLabel),
                MARGIN / 2 - 6,
                escape(yLabel),
                points.toString().trim());
    }

    private static double x(double value, double max) {
        return MARGIN + value / max * (WIDTH - 1.5 * MARGIN);
    }

    private static double y(double value, double max) {
        return HEIGHT - MARGIN - value / max * (HEIGHT - 1.5 * MARGIN);
    }

    private static double max(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max == 0 ? 1 : max;
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** For element content: quotes stay as they are. */
    static String escapeText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** For attribute values and titles. */
    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

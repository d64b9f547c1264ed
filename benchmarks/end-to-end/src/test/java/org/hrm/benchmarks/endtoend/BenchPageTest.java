package org.hrm.benchmarks.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchPageTest {
    private final List<PhaseTrace> traces = List.of(
            BenchFixtures.throughput().trace("throughput"),
            BenchFixtures.limit().trace(),
            new PhaseTrace("fetch", BenchFixtures.finishedEvenly(50, 0.5), BenchFixtures.latencies(50)));

    @Test
    void referencesNothingOutsideThePage() {
        String page = BenchPage.render("{\"recordsPerSecond\":1000}", traces);

        assertThat(page.toLowerCase(java.util.Locale.ROOT))
                .startsWith("<!doctype html>")
                .doesNotContain("<script", "src=", "href=", "<link", "url(", "@import", "http:", "https:", "//");
    }

    @Test
    void drawsEachPhasesThroughputAndLatencyDistributionFromItsData() {
        String page = BenchPage.render("{}", traces);

        for (String phase : List.of("throughput", "limit", "fetch")) {
            Matcher section = Pattern.compile("<section data-phase=\"" + phase + "\">(.*?)</section>", Pattern.DOTALL)
                    .matcher(page);
            assertThat(section.find()).as(phase).isTrue();
            List<String> lines = Pattern.compile("points=\"([^\"]+)\"")
                    .matcher(section.group(1))
                    .results()
                    .map(match -> match.group(1))
                    .toList();
            assertThat(lines)
                    .as(phase)
                    .hasSize(2)
                    .allSatisfy(points -> assertThat(points.split(" ").length).isGreaterThan(10));
            assertThat(section.group(1)).contains(phase + ": throughput over time", phase + ": latency distribution");
        }
    }

    @Test
    void scalesTheThroughputChartToTheRateTheRecordsFinishedAt() {
        long[] tenPerSecond = java.util.stream.LongStream.rangeClosed(1, 60)
                .map(i -> i * 100_000_000L)
                .toArray();

        String chart = BenchPage.throughput(new PhaseTrace("naive", tenPerSecond, BenchFixtures.latencies(60)));

        assertThat(chart).contains(">10.00<").contains(">6.00<");
    }

    @Test
    void labelsTheDistributionWithItsPercentilesAndEndsAtTheSlowestSample() {
        String chart = BenchPage.distribution(new PhaseTrace("fetch", new long[] {1, 2}, BenchFixtures.latencies(200)));

        assertThat(chart).contains("p50 100.0 ms, p99 198.0 ms").contains(">200<");
    }

    @Test
    void escapesTheReportSoItCannotBreakThePage() {
        String page = BenchPage.render("{\"x\":\"</pre><script>\"}", List.of());

        assertThat(page).doesNotContain("<script>").contains("&lt;/pre&gt;&lt;script&gt;");
    }
}

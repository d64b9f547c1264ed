package org.hrm.benchmarks.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FetchSpansTest {
    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");

    @Test
    void eachAnsweredRequestIsCutIntoDecisionReleaseAndDelivery() {
        Map<String, Instant> requested = Map.of("a", T0, "b", T0.plusMillis(100));
        Map<String, Instant> decided = Map.of("a", T0.plusMillis(4), "b", T0.plusMillis(110));
        Map<String, Instant[]> answered = Map.of(
                "a", new Instant[] {T0.plusMillis(24), T0.plusMillis(26)},
                "b", new Instant[] {T0.plusMillis(140), T0.plusMillis(141)});

        FetchPhase.Spans spans = FetchPhase.spans(requested, decided, answered);

        assertThat(spans.decision().percentile(100)).isEqualTo(10.0);
        assertThat(spans.decision().percentile(50)).isEqualTo(4.0);
        assertThat(spans.release().percentile(100)).isEqualTo(30.0);
        assertThat(spans.delivery().percentile(50)).isEqualTo(1.0);
        assertThat(BenchReport.spans(spans, 100))
                .containsExactly(Map.entry("decision", 10.0), Map.entry("release", 30.0), Map.entry("delivery", 2.0));
    }

    @Test
    void anAnswerWhoseDecisionWasNotSeenIsLeftOutRatherThanGuessed() {
        FetchPhase.Spans spans = FetchPhase.spans(
                Map.of("a", T0), Map.of(), Map.of("a", new Instant[] {T0.plusMillis(5), T0.plusMillis(6)}));

        assertThat(spans.decision().count()).isZero();
        assertThat(BenchReport.spans(spans, 50)).containsEntry("release", -1.0);
    }
}

package org.hrm.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatenciesTest {
    @Test
    void takesTheNearestRankOfOneToAHundredWhateverTheOrderTheSamplesCameIn() {
        List<Double> samples = new ArrayList<>(
                IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList());
        Collections.shuffle(samples, new Random(7));

        Latencies latencies = Latencies.of(samples);

        assertThat(latencies.percentile(50)).isEqualTo(50.0);
        assertThat(latencies.percentile(99)).isEqualTo(99.0);
        assertThat(latencies.percentile(100)).isEqualTo(100.0);
        assertThat(latencies.max()).isEqualTo(100.0);
    }

    @Test
    void letsOneSlowSampleInTenSetTheP99AndNotTheMedian() {
        List<Double> samples = List.of(5.0, 5.0, 5.0, 5.0, 5.0, 6.0, 6.0, 6.0, 6.0, 900.0);

        Latencies latencies = Latencies.of(samples);

        assertThat(latencies.percentile(50)).isEqualTo(5.0);
        assertThat(latencies.percentile(99)).isEqualTo(900.0);
    }

    @Test
    void answersTheOnlySampleForEveryPercentile() {
        Latencies latencies = Latencies.of(List.of(42.0));

        assertThat(latencies.percentile(1)).isEqualTo(42.0);
        assertThat(latencies.percentile(99)).isEqualTo(42.0);
    }

    @Test
    void reportsNoSamplesAsMinusOneRatherThanAFigure() {
        Latencies latencies = Latencies.of(List.of());

        assertThat(Latencies.round(latencies.percentile(99))).isEqualTo(-1.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, 100.5})
    void refusesAPercentileOutsideZeroToAHundred(double p) {
        Latencies latencies = Latencies.of(List.of(1.0, 2.0));

        assertThatThrownBy(() -> latencies.percentile(p)).isInstanceOf(IllegalArgumentException.class);
    }
}

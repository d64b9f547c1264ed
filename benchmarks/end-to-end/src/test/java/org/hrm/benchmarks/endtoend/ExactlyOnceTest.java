package org.hrm.benchmarks.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExactlyOnceTest {
    private static final List<String> SUBMITTED = List.of("a", "b", "c");

    @Test
    void holdsWhenEverySubmittedRecordIsOnChainOnceInAnyOrder() {
        ExactlyOnce verdict = ExactlyOnce.check(SUBMITTED, List.of("c", "a", "b"));

        assertThat(verdict.holds()).isTrue();
        assertThat(verdict.expected()).isEqualTo(3);
    }

    @Test
    void failsOnARecordMissingFromTheChain() {
        ExactlyOnce verdict = ExactlyOnce.check(SUBMITTED, List.of("a", "c"));

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.missing()).containsExactly("b");
        assertThat(verdict.describe()).contains("1 missing [b]");
    }

    @Test
    void failsOnARecordStoredTwiceEvenWhenTheCountMatches() {
        ExactlyOnce verdict = ExactlyOnce.check(SUBMITTED, List.of("a", "b", "b"));

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.duplicated()).containsExactly("b");
        assertThat(verdict.missing()).containsExactly("c");
    }

    @Test
    void failsOnARecordTheBenchNeverSubmitted() {
        ExactlyOnce verdict = ExactlyOnce.check(SUBMITTED, List.of("a", "b", "c", "z"));

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.unexpected()).containsExactly("z");
    }

    @Test
    void countsARecordSubmittedTwiceByTheBenchAsOneExpectedRecord() {
        ExactlyOnce verdict = ExactlyOnce.check(List.of("a", "a"), List.of("a"));

        assertThat(verdict.holds()).isTrue();
        assertThat(verdict.expected()).isEqualTo(1);
    }
}

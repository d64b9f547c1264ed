package org.hrm.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceParentTest {

    @Test
    void parsesTheW3cExampleAndWritesItBack() {
        String header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        TraceParent parsed = TraceParent.parse(header).orElseThrow();

        assertThat(parsed.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(parsed.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(parsed.sampled()).isTrue();
        assertThat(parsed.header()).isEqualTo(header);
    }

    @Test
    void aChildKeepsTheTraceAndGetsANewSpan() {
        TraceParent parent = TraceParent.newTrace();

        TraceParent child = parent.child();

        assertThat(child.traceId()).isEqualTo(parent.traceId());
        assertThat(child.spanId()).isNotEqualTo(parent.spanId());
        assertThat(TraceParent.parse(child.header())).contains(child);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "garbage",
                "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"
            })
    void refusesWhatIsNotAVersion00TraceParent(String header) {
        assertThat(TraceParent.parse(header)).isEmpty();
    }
}

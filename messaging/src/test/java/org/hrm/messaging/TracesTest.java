package org.hrm.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.TraceParent;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TracesTest {

    @Test
    void anEventPublishedWhileHandlingAnotherContinuesItsTraceWithANewSpan() {
        TraceParent consumed = TraceParent.newTrace();
        ConsumerRecord<String, byte[]> source = consumedWith(consumed);
        RecordHeaders out = new RecordHeaders();

        try (var scope = Traces.open(source)) {
            assertThat(MDC.get(Traces.MDC_KEY)).isEqualTo(consumed.traceId());
            Traces.stamp(out);
        }

        TraceParent published = Traces.of(out).orElseThrow();
        assertThat(published.traceId()).isEqualTo(consumed.traceId());
        assertThat(published.spanId()).isNotEqualTo(consumed.spanId());
        assertThat(MDC.get(Traces.MDC_KEY)).isNull();
    }

    @Test
    void anEventWithoutACauseStartsANewTraceAndReplacesACopiedHeader() {
        TraceParent copied = TraceParent.newTrace();
        RecordHeaders out = new RecordHeaders();
        out.add(EventHeaders.TRACE_PARENT, copied.header().getBytes(UTF_8));

        Traces.stamp(out);

        assertThat(out.headers(EventHeaders.TRACE_PARENT)).hasSize(1);
        assertThat(Traces.of(out).orElseThrow().traceId()).isNotEqualTo(copied.traceId());
    }

    @Test
    void anEventWithAnUnreadableTraceIsHandledWithoutOne() {
        ConsumerRecord<String, byte[]> source = new ConsumerRecord<>("topic", 0, 0, "key", new byte[0]);
        source.headers().add(EventHeaders.TRACE_PARENT, "garbage".getBytes(UTF_8));

        try (var scope = Traces.open(source)) {
            assertThat(MDC.get(Traces.MDC_KEY)).isNull();
        }
    }

    private static ConsumerRecord<String, byte[]> consumedWith(TraceParent trace) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("topic", 0, 0, "key", new byte[0]);
        record.headers().add(EventHeaders.TRACE_PARENT, trace.header().getBytes(UTF_8));
        return record;
    }
}

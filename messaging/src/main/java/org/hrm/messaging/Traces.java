package org.hrm.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.TraceParent;
import org.slf4j.MDC;

/**
 * The trace context of the event being handled, per event rather than per poll: a listener opens a {@link Scope}
 * for each consumed event while it handles it and publishes what it causes, and every event published in the
 * scope carries the same trace id with a new span id. The trace id is in the log MDC as {@value #MDC_KEY}.
 */
public final class Traces {
    public static final String MDC_KEY = "traceId";
    private static final ThreadLocal<TraceParent> CURRENT = new ThreadLocal<>();

    private Traces() {}

    /** The trace context a consumed event carries, if any. */
    public static Optional<TraceParent> of(ConsumerRecord<?, ?> record) {
        return of(record.headers());
    }

    public static Optional<TraceParent> of(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(EventHeaders.TRACE_PARENT);
        return header == null || header.value() == null
                ? Optional.empty()
                : TraceParent.parse(new String(header.value(), UTF_8));
    }

    /** Handles {@code record} until the scope closes: its trace is current and in the MDC. */
    public static Scope open(ConsumerRecord<?, ?> record) {
        return open(of(record).orElse(null));
    }

    /** Makes {@code trace} current (none: events get a new trace) until the scope closes. */
    public static Scope open(TraceParent trace) {
        TraceParent previous = CURRENT.get();
        String previousMdc = MDC.get(MDC_KEY);
        set(trace);
        return () -> {
            set(previous);
            if (previousMdc != null) {
                MDC.put(MDC_KEY, previousMdc);
            }
        };
    }

    /** The context for an event published now: the next hop of the current trace, or a new trace. */
    public static TraceParent next() {
        TraceParent current = CURRENT.get();
        return current == null ? TraceParent.newTrace() : current.child();
    }

    /** Sets the traceparent header of an outgoing event (replacing one copied from its source). */
    public static void stamp(Headers headers) {
        stamp(headers, next());
    }

    public static void stamp(Headers headers, TraceParent trace) {
        headers.remove(EventHeaders.TRACE_PARENT);
        headers.add(EventHeaders.TRACE_PARENT, trace.header().getBytes(UTF_8));
    }

    private static void set(TraceParent trace) {
        if (trace == null) {
            CURRENT.remove();
            MDC.remove(MDC_KEY);
        } else {
            CURRENT.set(trace);
            MDC.put(MDC_KEY, trace.traceId());
        }
    }

    /** Ends the handling of one event; closing never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}

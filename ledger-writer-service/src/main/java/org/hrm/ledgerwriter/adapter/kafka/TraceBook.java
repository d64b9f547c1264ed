package org.hrm.ledgerwriter.adapter.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.TraceParent;
import org.hrm.messaging.Traces;
import org.springframework.stereotype.Component;

/**
 * The trace of each consumed event by its key (record id, owner id) until the event it causes is published: the
 * use cases batch and sign many inputs at once, so the publisher finds each output's trace here, not on its thread.
 * Bounded: an input that never gets an output (dead-lettered) is forgotten after {@value #CAPACITY} newer ones.
 */
@Component
class TraceBook {
    private static final int CAPACITY = 100_000;

    private final Map<String, TraceParent> byKey = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TraceParent> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void remember(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() != null) {
                Traces.of(record).ifPresent(trace -> byKey.put(record.key(), trace));
            }
        }
    }

    /** The next hop of the trace of the input keyed {@code key}, or a new trace if it came without one. */
    synchronized TraceParent next(String key) {
        TraceParent trace = byKey.remove(key);
        return trace == null ? TraceParent.newTrace() : trace.child();
    }
}

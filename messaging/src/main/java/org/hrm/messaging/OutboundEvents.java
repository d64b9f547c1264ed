package org.hrm.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.TraceParent;

/**
 * Builds an outgoing event: its JSON value and the headers every event carries, the event id (the consumers'
 * idempotency key), the logical type name, the schema version and the trace context.
 */
public final class OutboundEvents {
    private OutboundEvents() {}

    /** {@code event} to {@code topic} under {@code key}, in the next hop of the current trace ({@link Traces#next}). */
    public static ProducerRecord<String, byte[]> record(
            EventCodec codec, String topic, String key, Object event, String eventId) {
        return record(codec, topic, key, event, eventId, Traces.next());
    }

    /** As {@link #record(EventCodec, String, String, Object, String)}, in {@code trace}. */
    public static ProducerRecord<String, byte[]> record(
            EventCodec codec, String topic, String key, Object event, String eventId, TraceParent trace) {
        return encoded(topic, key, codec.encode(event), event.getClass(), eventId, trace);
    }

    /**
     * An event of {@code type} already encoded ({@code value}, e.g. as its producer signed and wrote it), sent as it is
     * with the same headers, in the next hop of the current trace.
     */
    public static ProducerRecord<String, byte[]> encoded(
            String topic, String key, byte[] value, Class<?> type, String eventId) {
        return encoded(topic, key, value, type, eventId, Traces.next());
    }

    private static ProducerRecord<String, byte[]> encoded(
            String topic, String key, byte[] value, Class<?> type, String eventId, TraceParent trace) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(topic, key, value);
        out.headers()
                .add(EventHeaders.EVENT_ID, utf8(eventId))
                .add(EventHeaders.EVENT_TYPE, utf8(EventCodec.typeName(type)))
                .add(EventHeaders.SCHEMA_VERSION, utf8(Integer.toString(EventCodec.SCHEMA_VERSION)));
        Traces.stamp(out.headers(), trace);
        return out;
    }

    /** A new random event id. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * An event id derived from what the event answers ({@code name}, e.g. {@code hrm/record-released/<request>}): an
     * event published again after a crash carries the same id, so its consumers drop the repeat.
     */
    public static String derivedId(String name) {
        return UUID.nameUUIDFromBytes(utf8(name)).toString();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

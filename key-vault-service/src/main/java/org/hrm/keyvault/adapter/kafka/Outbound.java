package org.hrm.keyvault.adapter.kafka;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.messaging.Traces;

/** Builds the vault's outgoing events: JSON value plus the event id, type and schema version headers. */
final class Outbound {
    private Outbound() {}

    static ProducerRecord<String, byte[]> event(
            EventCodec codec, String topic, String key, Object event, UUID eventId) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(topic, key, codec.encode(event));
        out.headers()
                .add(EventHeaders.EVENT_ID, utf8(eventId.toString()))
                .add(EventHeaders.EVENT_TYPE, utf8(EventCodec.typeName(event.getClass())))
                .add(EventHeaders.SCHEMA_VERSION, utf8(Integer.toString(EventCodec.SCHEMA_VERSION)));
        // The next hop of the event being handled (Traces scope of the listener), or a new trace.
        Traces.stamp(out.headers());
        return out;
    }

    /** An event id derived from what the event answers: a repeat after a crash carries the same id. */
    static UUID stableId(String name) {
        return UUID.nameUUIDFromBytes(utf8(name));
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

package org.hrm.ledgerwriter.adapter.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;

/**
 * Reads one consumed event: its type header must name the topic's type, its schema version be one this service reads,
 * its domain the topic's.
 */
final class EventReader {
    private final EventCodec codec;

    EventReader(EventCodec codec) {
        this.codec = codec;
    }

    /** The event, or {@link InvalidEventException} with the reason for the dead-letter topic. */
    <T> T read(ConsumerRecord<String, byte[]> record, Topic topic, Class<T> type, Function<T, Domain> domainOf) {
        String expected = EventCodec.typeName(type);
        String actual = header(record, EventHeaders.EVENT_TYPE);
        if (!expected.equals(actual)) {
            throw new InvalidEventException("unknown event type " + (actual == null ? "(no header)" : actual));
        }
        EventCodec.schemaVersionRefusal(header(record, EventHeaders.SCHEMA_VERSION))
                .ifPresent(reason -> {
                    throw new InvalidEventException(reason);
                });
        T event = codec.decode(record.value(), type);
        Domain domain = domainOf.apply(event);
        Optional<Domain> topicDomain = topic.domainOf(record.topic());
        if (topicDomain.isEmpty() || topicDomain.get() != domain) {
            throw new InvalidEventException(
                    "domain mismatch: a " + domain.id() + " " + expected + " on topic " + record.topic());
        }
        return event;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

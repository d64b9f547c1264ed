package org.hrm.consent.adapter.kafka;

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
 * Checks one consumed record (type header, size, JSON, fields and, on a per-domain topic, that the payload's
 * domain is the topic's) and decodes it.
 *
 * <p>Never throws for bad input: a record that cannot be used gets a reason, so one poison message never blocks or
 * fails the batch around it.
 */
final class EventParser {
    private static final int MAX_QUOTED = 80;

    private final EventCodec codec;

    EventParser(EventCodec codec) {
        this.codec = codec;
    }

    /** @param domainOf the payload's domain, for events of per-domain topics; null otherwise */
    <T> ConsumedEvent<T> parse(
            ConsumerRecord<String, byte[]> record, Topic topic, Class<T> type, Function<T, Domain> domainOf) {
        String expected = EventCodec.typeName(type);
        String actual = header(record, EventHeaders.EVENT_TYPE);
        if (!expected.equals(actual)) {
            return ConsumedEvent.refused(record, "unknown event type " + quote(actual));
        }
        Optional<String> wrongVersion = EventCodec.schemaVersionRefusal(header(record, EventHeaders.SCHEMA_VERSION));
        if (wrongVersion.isPresent()) {
            return ConsumedEvent.refused(record, wrongVersion.get());
        }
        Optional<Domain> topicDomain = topic.domainOf(record.topic());
        if (topic.perDomain() && topicDomain.isEmpty()) {
            return ConsumedEvent.refused(record, "topic " + record.topic() + " is not a " + topic + " topic");
        }
        T event;
        try {
            event = decode(record.value(), type);
        } catch (InvalidEventException e) {
            return ConsumedEvent.refused(record, e.getMessage());
        }
        return inTopicDomain(record, event, topicDomain, domainOf);
    }

    /** A per-domain topic carries only its domain's events: anything else would reach the other's storage. */
    private static <T> ConsumedEvent<T> inTopicDomain(
            ConsumerRecord<String, byte[]> record,
            T event,
            Optional<Domain> topicDomain,
            Function<T, Domain> domainOf) {
        if (topicDomain.isEmpty() || domainOf.apply(event) == topicDomain.get()) {
            return ConsumedEvent.accepted(record, event);
        }
        return ConsumedEvent.refused(
                record,
                "domain mismatch: topic " + record.topic() + " carries " + topicDomain.get()
                        + " events, the event says " + domainOf.apply(event));
    }

    /** Every decoding failure becomes a reason: an unexpected exception here must not block the partition. */
    private <T> T decode(byte[] value, Class<T> type) {
        try {
            return codec.decode(value, type);
        } catch (InvalidEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidEventException("invalid " + EventCodec.typeName(type) + ": " + e, e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String quote(String type) {
        if (type == null) {
            return "(no " + EventHeaders.EVENT_TYPE + " header)";
        }
        return "'" + (type.length() <= MAX_QUOTED ? type : type.substring(0, MAX_QUOTED) + "...") + "'";
    }
}

package org.hrm.ledgerwriter.adapter.kafka;

import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.messaging.InboundEvents;

/**
 * Reads one consumed event: its type header must name the topic's type, its schema version be one this service reads,
 * its domain the topic's. Its reasons are the ledger writer's own wording (the type unquoted), which its dead letters
 * and tests have always carried; the other services say it as {@link InboundEvents#typeRefusal} does.
 */
final class EventReader {
    private final EventCodec codec;

    EventReader(EventCodec codec) {
        this.codec = codec;
    }

    /** The event, or {@link InvalidEventException} with the reason for the dead-letter topic. */
    <T> T read(ConsumerRecord<String, byte[]> record, Topic topic, Class<T> type, Function<T, Domain> domainOf) {
        String expected = EventCodec.typeName(type);
        String actual = InboundEvents.header(record, EventHeaders.EVENT_TYPE);
        if (!expected.equals(actual)) {
            throw new InvalidEventException("unknown event type " + (actual == null ? "(no header)" : actual));
        }
        EventCodec.schemaVersionRefusal(InboundEvents.header(record, EventHeaders.SCHEMA_VERSION))
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
}

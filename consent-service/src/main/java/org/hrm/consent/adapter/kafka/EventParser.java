package org.hrm.consent.adapter.kafka;

import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.messaging.InboundEvents;

/**
 * Checks one consumed record (type header, size, JSON, fields and, on a per-domain topic, that the payload's
 * domain is the topic's) and decodes it.
 *
 * <p>Never throws for bad input: a record that cannot be used gets a reason, so one poison message never blocks or
 * fails the batch around it.
 */
final class EventParser {
    private final EventCodec codec;

    EventParser(EventCodec codec) {
        this.codec = codec;
    }

    /** @param domainOf the payload's domain, for events of per-domain topics; null otherwise */
    <T> ConsumedEvent<T> parse(
            ConsumerRecord<String, byte[]> record, Topic topic, Class<T> type, Function<T, Domain> domainOf) {
        Optional<String> wrongType = InboundEvents.typeRefusal(record, type);
        if (wrongType.isPresent()) {
            return ConsumedEvent.refused(record, wrongType.get());
        }
        Optional<Domain> topicDomain = topic.domainOf(record.topic());
        if (topic.perDomain() && topicDomain.isEmpty()) {
            return ConsumedEvent.refused(record, "topic " + record.topic() + " is not a " + topic + " topic");
        }
        T event;
        try {
            event = InboundEvents.decode(codec, record.value(), type);
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
}

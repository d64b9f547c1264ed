package org.hrm.consent.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** One consumed record after checking: the decoded event, or the reason it goes to the dead-letter topic. */
record ConsumedEvent<T>(ConsumerRecord<String, byte[]> source, T event, String refusal) {
    static <T> ConsumedEvent<T> accepted(ConsumerRecord<String, byte[]> source, T event) {
        return new ConsumedEvent<>(source, event, null);
    }

    static <T> ConsumedEvent<T> refused(ConsumerRecord<String, byte[]> source, String refusal) {
        return new ConsumedEvent<>(source, null, refusal);
    }

    boolean accepted() {
        return refusal == null;
    }
}

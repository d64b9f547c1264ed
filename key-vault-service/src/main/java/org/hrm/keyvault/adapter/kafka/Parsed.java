package org.hrm.keyvault.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** One consumed record after checking: a value to act on, or the reason it goes to the dead-letter topic. */
record Parsed<T>(ConsumerRecord<String, byte[]> source, T value, String refusal) {
    static <T> Parsed<T> accepted(ConsumerRecord<String, byte[]> source, T value) {
        return new Parsed<>(source, value, null);
    }

    static <T> Parsed<T> refused(ConsumerRecord<String, byte[]> source, String refusal) {
        return new Parsed<>(source, null, refusal);
    }

    boolean accepted() {
        return value != null;
    }
}

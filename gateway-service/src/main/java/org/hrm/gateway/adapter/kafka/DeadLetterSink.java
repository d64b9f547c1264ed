package org.hrm.gateway.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where the topic reader puts an event its views cannot read, with the reason; returns once the broker has it. */
@FunctionalInterface
public interface DeadLetterSink {
    void deadLetter(ConsumerRecord<String, byte[]> source, String reason);
}

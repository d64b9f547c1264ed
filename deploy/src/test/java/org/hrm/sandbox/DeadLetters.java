package org.hrm.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.hrm.client.kafka.TopicReader;
import org.hrm.contracts.EventHeaders;

/** The reason a service gave for dead-lettering the event with the given key. */
final class DeadLetters {
    private DeadLetters() {}

    static String awaitReason(String bootstrapServers, String topic, String key, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String[] reason = {null};
            TopicReader.readAll(bootstrapServers, List.of(topic), message -> {
                var header = message.headers().lastHeader(EventHeaders.DLT_REASON);
                if (key.equals(message.key()) && header != null) {
                    reason[0] = new String(header.value(), StandardCharsets.UTF_8);
                }
            });
            if (reason[0] != null) {
                return reason[0];
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no dead letter keyed " + key + " on " + topic + " within " + timeout);
    }
}

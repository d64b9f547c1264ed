package org.hrm.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.kafka.TopicReader;
import org.hrm.contracts.EventHeaders;

/** The reason a service gave for dead-lettering the event with the given key (read as the sandbox's observer). */
final class DeadLetters {
    private DeadLetters() {}

    static String awaitReason(KafkaLogin observer, String topic, String key, Duration timeout)
            throws InterruptedException {
        return TopicReader.await(
                        observer.bootstrapServers(),
                        observer.settings(),
                        List.of(topic),
                        message -> {
                            var header = message.headers().lastHeader(EventHeaders.DLT_REASON);
                            return key.equals(message.key()) && header != null
                                    ? new String(header.value(), StandardCharsets.UTF_8)
                                    : null;
                        },
                        timeout)
                .orElseThrow(() ->
                        new AssertionError("no dead letter keyed " + key + " on " + topic + " within " + timeout));
    }
}

package org.hrm.sandbox.chaos;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.kafka.TopicReader;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordReleaseDenied;
import org.hrm.embedded.process.Loopback;

/** Finds how the platform answered each probe: the dead letter's reason or the denial's, read from the topics. */
final class Rejections {
    private final KafkaLogin observer;
    private final EventCodec codec = new EventCodec();

    Rejections(KafkaLogin observer) {
        this.observer = observer;
    }

    /**
     * Rereads the dead-letter and denial topics until every dead-letter or denial probe is answered or the
     * timeout passes; returns the reason of each answered probe (written-once probes are judged on chain).
     */
    Map<BadInputs.Probe, String> await(List<BadInputs.Probe> probes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<BadInputs.Probe, String> answered = new LinkedHashMap<>();
        long awaited = probes.stream()
                .filter(p -> p.expected() != BadInputs.Expected.WRITTEN_ONCE)
                .count();
        while (answered.size() < awaited && System.nanoTime() < deadline) {
            Map<String, String> deadLetters = deadLetters();
            Map<String, String> denials = denials();
            for (BadInputs.Probe probe : probes) {
                String reason = switch (probe.expected()) {
                    case DEAD_LETTER ->
                        probe.deadLetterTopics().stream()
                                .map(topic -> deadLetters.get(topic + "/" + probe.match()))
                                .filter(java.util.Objects::nonNull)
                                .findFirst()
                                .orElse(null);
                    case DENIED -> denials.get(probe.match());
                    case WRITTEN_ONCE -> null;
                };
                if (reason != null) {
                    answered.put(probe, reason);
                }
            }
            Loopback.sleep(Duration.ofMillis(500));
        }
        return answered;
    }

    private Map<String, String> deadLetters() {
        Map<String, String> reasons = new HashMap<>();
        List<String> topics = List.of(
                Topic.KEY_VAULT_DEAD_LETTER.topicName(),
                Topic.CONSENT_DEAD_LETTER.topicName(),
                Topic.LEDGER_WRITER_DEAD_LETTER.topicName());
        TopicReader.readAll(observer.bootstrapServers(), observer.settings(), topics, message -> {
            var reason = message.headers().lastHeader(EventHeaders.DLT_REASON);
            reasons.put(
                    message.topic() + "/" + message.key(),
                    reason == null ? "(no reason)" : new String(reason.value(), UTF_8));
        });
        return reasons;
    }

    private Map<String, String> denials() {
        Map<String, String> reasons = new HashMap<>();
        TopicReader.readAll(
                observer.bootstrapServers(), observer.settings(), Topic.RECORD_RELEASE_DENIED.allNames(), message -> {
                    try {
                        RecordReleaseDenied denied = codec.decode(message.value(), RecordReleaseDenied.class);
                        reasons.put(denied.requestId(), denied.reason());
                    } catch (InvalidEventException e) {
                        // not the vault's
                    }
                });
        return reasons;
    }
}

package org.hrm.sandbox.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.kafka.TopicReader;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.KeysDestroyed;

/** Reads the outcome topics from the beginning: the KeysDestroyed of each erasure, the decisions of each request. */
final class TopicAudit {
    private final KafkaLogin observer;
    private final EventCodec codec = new EventCodec();

    TopicAudit(KafkaLogin observer) {
        this.observer = observer;
    }

    Map<String, List<KeysDestroyed>> keysDestroyed() {
        return byRequest(Topic.KEYS_DESTROYED, KeysDestroyed.class, KeysDestroyed::requestId);
    }

    Map<String, List<AccessDecided>> decisions() {
        return byRequest(Topic.ACCESS_DECIDED, AccessDecided.class, AccessDecided::requestId);
    }

    /** Whether every decision published for one request is the same signed decision (a republished one is). */
    static boolean decidedOnce(List<AccessDecided> decisions) {
        return !decisions.isEmpty()
                && decisions.stream()
                        .allMatch(decision -> java.util.Arrays.equals(
                                decision.signature(), decisions.get(0).signature()));
    }

    private <T> Map<String, List<T>> byRequest(Topic topic, Class<T> type, Function<T, String> requestId) {
        Map<String, List<T>> found = new HashMap<>();
        TopicReader.readAll(observer.bootstrapServers(), observer.settings(), topic.allNames(), message -> {
            try {
                T event = codec.decode(message.value(), type);
                found.computeIfAbsent(requestId.apply(event), id -> new ArrayList<>())
                        .add(event);
            } catch (InvalidEventException e) {
                // Forged or broken events injected by the bad-input phase are not the platform's decisions.
            }
        });
        return found;
    }
}

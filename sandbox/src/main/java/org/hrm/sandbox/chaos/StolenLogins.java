package org.hrm.sandbox.chaos;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.cli.KafkaLogin;
import org.hrm.contracts.KafkaRole;
import org.hrm.contracts.Topic;
import org.hrm.contracts.TopicAccess;
import org.hrm.sandbox.SandboxPrincipals;

/**
 * An attacker inside the walls who has stolen every login: each message goes out with the login of the principal the
 * ACLs let write its topic (the sandbox's hospital for the client topics, else the producing service's), so the broker
 * accepts it and only the consumer's own checks (a signature, a schema, an id) can refuse it. One producer per
 * principal, made on first use; close it.
 */
final class StolenLogins implements AutoCloseable {
    private final Function<String, KafkaLogin> logins;
    private final Map<String, Object> producerSettings;
    private final Map<String, KafkaProducer<String, byte[]>> producers = new LinkedHashMap<>();

    /**
     * @param logins how to connect as a principal
     * @param producerSettings settings of every producer beyond its login (acks, request size)
     */
    StolenLogins(Function<String, KafkaLogin> logins, Map<String, Object> producerSettings) {
        this.logins = logins;
        this.producerSettings = Map.copyOf(producerSettings);
    }

    /** The principal entitled to write the topic named {@code topicName}. */
    static String rightfulWriter(String topicName) {
        Topic topic = Arrays.stream(Topic.values())
                .filter(candidate -> candidate.allNames().contains(topicName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a catalogue topic: " + topicName));
        Set<KafkaRole> writers = TopicAccess.writers(topic);
        if (writers.contains(KafkaRole.HOSPITAL)) {
            return SandboxPrincipals.HOSPITAL;
        }
        // The vault also writes erasure tombstones on the topics that carry C1; the events are their producer's.
        return writers.stream()
                .filter(role -> writers.size() == 1 || role != KafkaRole.KEY_VAULT)
                .findFirst()
                .orElseThrow()
                .principal();
    }

    /** Sends {@code message} as its topic's rightful writer. */
    Future<RecordMetadata> send(ProducerRecord<String, byte[]> message) {
        return producers
                .computeIfAbsent(rightfulWriter(message.topic()), this::producer)
                .send(message);
    }

    void flush() {
        producers.values().forEach(KafkaProducer::flush);
    }

    /** Null if the broker took the sent message; else why it refused it. Call after {@link #flush()}. */
    static String brokerRefusal(Future<RecordMetadata> sent) {
        try {
            sent.get();
            return null;
        } catch (ExecutionException e) {
            return "refused by the broker: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for the broker";
        }
    }

    private KafkaProducer<String, byte[]> producer(String principal) {
        Map<String, Object> config = new HashMap<>(logins.apply(principal).settings());
        config.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, logins.apply(principal).bootstrapServers());
        config.putAll(producerSettings);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void close() {
        producers.values().forEach(KafkaProducer::close);
    }
}

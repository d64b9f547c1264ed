package org.hrm.embedded.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.contracts.Domain;
import org.hrm.contracts.KafkaRole;
import org.hrm.contracts.Topic;

/** What the walls let through and what they stop, asserted against a running cluster of any size. */
final class WallsAssertions {
    static final String HOSPITAL = "st-mary";
    static final String DECIDED = Topic.ACCESS_DECIDED.name(Domain.PATIENT);

    private WallsAssertions() {}

    /** Walls generated for {@link #HOSPITAL}, with {@link #DECIDED} created on {@code broker}. */
    static void assertWalls(KafkaCluster broker) throws Exception {
        try (KafkaProducer<String, String> consent =
                producer(broker, broker.clientProperties(KafkaRole.CONSENT.principal()))) {
            assertThat(consent.send(new ProducerRecord<>(DECIDED, "k", "decision"))
                            .get(60, TimeUnit.SECONDS)
                            .topic())
                    .as("consent-service writes its decisions")
                    .isEqualTo(DECIDED);
        }
        try (KafkaProducer<String, String> hospital =
                producer(broker, broker.clientProperties(KafkaRole.hospitalPrincipal(HOSPITAL)))) {
            assertThatThrownBy(() -> hospital.send(new ProducerRecord<>(DECIDED, "k", "forged"))
                            .get(60, TimeUnit.SECONDS))
                    .as("a hospital may not write a decision")
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        Map<String, String> wrongPassword = new HashMap<>(broker.clientProperties(KafkaRole.CONSENT.principal()));
        wrongPassword.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + KafkaRole.CONSENT.principal() + "\" password=\"guessed\";");
        try (KafkaProducer<String, String> impostor = producer(broker, wrongPassword)) {
            assertThatThrownBy(() -> impostor.send(new ProducerRecord<>(DECIDED, "k", "forged"))
                            .get(60, TimeUnit.SECONDS))
                    .as("a wrong password does not log in")
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
        Map<String, String> unlisted = new HashMap<>(wrongPassword);
        unlisted.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"intruder\""
                        + " password=\"guessed\";");
        try (KafkaProducer<String, String> intruder = producer(broker, unlisted)) {
            assertThatThrownBy(() -> intruder.send(new ProducerRecord<>(DECIDED, "k", "forged"))
                            .get(60, TimeUnit.SECONDS))
                    .as("a principal the walls do not list does not log in")
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
        // Without a login the client never gets metadata and gives up after max.block.ms: 3 s rather than the 15 s
        // of the others, because it always waits the full time (a logged-in client has metadata in milliseconds).
        try (KafkaProducer<String, String> anonymous = producer(broker, Map.of(), Duration.ofSeconds(3))) {
            assertThatThrownBy(() -> anonymous
                            .send(new ProducerRecord<>(DECIDED, "k", "forged"))
                            .get(20, TimeUnit.SECONDS))
                    .as("no one reaches the broker without a login")
                    .isNotNull();
        }
    }

    private static KafkaProducer<String, String> producer(KafkaCluster broker, Map<String, String> security) {
        return producer(broker, security, Duration.ofSeconds(15));
    }

    private static KafkaProducer<String, String> producer(
            KafkaCluster broker, Map<String, String> security, Duration maxBlock) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int)
                Duration.ofSeconds(20).toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                Duration.ofSeconds(10).toMillis());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}

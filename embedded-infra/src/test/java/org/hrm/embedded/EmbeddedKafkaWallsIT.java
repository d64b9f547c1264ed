package org.hrm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.contracts.Domain;
import org.hrm.contracts.KafkaRole;
import org.hrm.contracts.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The broker inside the walls refuses what the catalogue does not grant, and lets through what it does. */
class EmbeddedKafkaWallsIT {
    private static final String HOSPITAL = "st-mary";
    private static final String DECIDED = Topic.ACCESS_DECIDED.name(Domain.PATIENT);
    private static final String GRANTS = Topic.STANDING_GRANTS.name(Domain.PATIENT);
    private static final String DIRECTORY = Topic.PARTY_DIRECTORY.topicName();

    private static KafkaWalls walls;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void start() {
        walls = KafkaWalls.generate(Set.of(HOSPITAL));
        kafka = EmbeddedKafka.startSecured(
                1,
                walls,
                List.of(
                        new NewTopic(DECIDED, 1, (short) 1),
                        new NewTopic(GRANTS, 1, (short) 1),
                        new NewTopic(DIRECTORY, 1, (short) 1)));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aHospitalMayNotWriteADecisionNorReadStandingGrants() {
        String hospital = KafkaRole.hospitalPrincipal(HOSPITAL);

        try (KafkaProducer<String, String> producer = producer(hospital)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(DECIDED, "k", "forged"))
                            .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> consumer = consumer(hospital, hospital + "-grants")) {
            consumer.subscribe(List.of(GRANTS));
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 20; i++) {
                            consumer.poll(Duration.ofMillis(500));
                        }
                    })
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theServiceThatDecidesWritesItsDecisionsAndAHospitalReadsTheDirectory() throws Exception {
        try (KafkaProducer<String, String> producer = producer(KafkaRole.CONSENT.principal())) {
            assertThat(producer.send(new ProducerRecord<>(DECIDED, "k", "decided"))
                            .get(30, TimeUnit.SECONDS)
                            .offset())
                    .isGreaterThanOrEqualTo(0);
        }
        String hospital = KafkaRole.hospitalPrincipal(HOSPITAL);
        try (KafkaConsumer<String, String> consumer = consumer(hospital, hospital + "-directory")) {
            consumer.subscribe(List.of(DIRECTORY));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500));
            }
            assertThat(consumer.assignment()).isNotEmpty();
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> config = new HashMap<>(walls.clientProperties(KafkaRole.CONSENT.principal()));
        config.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"hrm-consent\" password=\"guessed\";");
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(DECIDED, "k", "v"))
                            .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void nothingPrintsAPassword() {
        assertThat(walls.toString()).doesNotContain(password(KafkaRole.CONSENT.principal()));
    }

    private static String password(String principal) {
        String jaas = walls.clientProperties(principal).get("sasl.jaas.config");
        return jaas.substring(jaas.indexOf("password=\"") + 10, jaas.lastIndexOf('"'));
    }

    private static KafkaProducer<String, String> producer(String principal) {
        Map<String, Object> config = new HashMap<>(walls.clientProperties(principal));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String principal, String group) {
        Map<String, Object> config = new HashMap<>(walls.clientProperties(principal));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}

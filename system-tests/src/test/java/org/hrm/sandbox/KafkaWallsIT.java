package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.cli.Endpoints;
import org.hrm.contracts.Domain;
import org.hrm.contracts.KafkaRole;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.Topic;
import org.hrm.embedded.KafkaWalls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox inside the walls: every service connects as its own principal and reaches readiness UP (and its
 * heartbeats arrive, so its producer is let in), a hospital's principal is refused a topic it may not write and one
 * it may not read, a service writes what the catalogue lets it, and the sandbox's observer reads but never writes.
 */
class KafkaWallsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HOSPITAL = KafkaRole.hospitalPrincipal("sandbox-hospital");
    private static final String DECIDED = Topic.ACCESS_DECIDED.name(Domain.PATIENT);

    private static Platform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.start(
                Platform.Options.ephemeral(Files.createTempDirectory("hrm-kafka-walls"))
                        .withKafkaWalls(true),
                step -> {});
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyServiceIsReadyAndBeatsAsItsOwnPrincipal() throws Exception {
        assertThat(platform.kafkaWalls()).isTrue();
        List<String> probes = new ArrayList<>();
        platform.actuators().values().forEach(url -> probes.add(url + "/health/readiness"));
        probes.add(platform.gatewayUrl() + "/actuator/health/readiness");
        for (String probe : probes) {
            HttpResponse<String> readiness = HTTP.send(
                    HttpRequest.newBuilder(URI.create(probe))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as(probe).isEqualTo(200);
            assertThat(readiness.body()).as(probe).contains("\"UP\"");
        }

        Set<String> beating = new HashSet<>();
        List<String> heartbeatTopics =
                List.of(ServiceName.CONSENT, ServiceName.KEY_VAULT, ServiceName.LEDGER_WRITER, ServiceName.GATEWAY)
                        .stream()
                        .map(service ->
                                Topic.heartbeatsOf(service).orElseThrow().topicName())
                        .toList();
        try (KafkaConsumer<String, byte[]> observer = consumer(KafkaWalls.OBSERVER, "sandbox-walls-observer")) {
            observer.subscribe(heartbeatTopics);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (beating.size() < heartbeatTopics.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> beat : observer.poll(Duration.ofMillis(500))) {
                    beating.add(beat.topic());
                }
            }
        }
        assertThat(beating).containsExactlyInAnyOrderElementsOf(heartbeatTopics);
    }

    @Test
    void theCliFindsItsLoginsInAnOwnerOnlyFileAndTheDemosForbiddenPublishIsRefused() throws Exception {
        Endpoints endpoints = platform.endpoints();
        java.nio.file.Path credentials = java.nio.file.Path.of(endpoints.kafkaCredentialsFile());

        boolean refused = ForbiddenPublish.refused(endpoints.kafka(SandboxPrincipals.HOSPITAL));

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
                .isEqualTo("rw-------");
        assertThat(endpoints.kafka(SandboxPrincipals.HOSPITAL).authenticated()).isTrue();
        assertThat(refused).isTrue();
        assertThatThrownBy(() -> endpoints.kafka(KafkaRole.CONSENT.principal()))
                .as("a service's login is not left for the CLI")
                .hasMessageContaining("no Kafka login");
    }

    @Test
    void aHospitalIsRefusedADecisionTopicAndStandingGrants() {
        try (KafkaProducer<String, byte[]> hospital = producer(HOSPITAL)) {
            assertThatThrownBy(() -> hospital.send(new ProducerRecord<>(DECIDED, "forged", new byte[] {1}))
                            .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, byte[]> hospital = consumer(HOSPITAL, HOSPITAL + "-grants")) {
            hospital.subscribe(List.of(Topic.STANDING_GRANTS.name(Domain.PATIENT)));
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 60; i++) {
                            hospital.poll(Duration.ofMillis(500));
                        }
                    })
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceWritesWhatTheCatalogueLetsItAndTheObserverWritesNothing() throws Exception {
        try (KafkaProducer<String, byte[]> consent = producer(KafkaRole.CONSENT.principal())) {
            // Not a decision consent-service signed: the vault dead-letters it (it checks the signature).
            assertThat(consent.send(new ProducerRecord<>(DECIDED, "walls-probe", new byte[] {1}))
                            .get(30, TimeUnit.SECONDS)
                            .topic())
                    .isEqualTo(DECIDED);
        }
        // Not idempotent: an idempotent producer with no Write anywhere is already refused its producer id
        // (ClusterAuthorizationException); this asks the topic's ACL itself.
        try (KafkaProducer<String, byte[]> observer = producer(
                KafkaWalls.OBSERVER,
                Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.ACKS_CONFIG, "1"))) {
            assertThatThrownBy(() -> observer.send(new ProducerRecord<>(
                                    Topic.RECORD_SUBMITTED.name(Domain.PATIENT), "k", new byte[] {1}))
                            .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static KafkaProducer<String, byte[]> producer(String principal) {
        return producer(principal, Map.of());
    }

    private static KafkaProducer<String, byte[]> producer(String principal, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(platform.kafkaClientProperties(principal));
        config.putAll(extra);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String principal, String group) {
        Map<String, Object> config = new HashMap<>(platform.kafkaClientProperties(principal));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}

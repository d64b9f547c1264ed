package org.hrm.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.cli.ChainVerifier;
import org.hrm.client.kafka.TopicReader;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.Topic;
import org.hrm.contracts.TraceParent;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.ServiceHeartbeat;
import org.hrm.contracts.events.ServiceHeartbeat.PartitionLag;
import org.hrm.embedded.AnvilNode;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import tools.jackson.databind.JsonNode;

/**
 * What operators and auditors see of a running platform: heartbeats on the ops topics that follow the work done
 * (and on the gateway's ops dashboard), one trace id per record across services, actuator health and metrics per
 * service, and a chain verifier that
 * finds on chain exactly what the demo put there. Every check compares before and after, so the platform is
 * shared with {@link StoreFlowIT}.
 */
class OpsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int RECORDS = 5;
    private static final List<String> SERVICES = List.of("consent", "key-vault", "ledger-writer", "gateway");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Platform platform = SharedPlatform.get();
    private static final Web3j web3j = SharedPlatform.web3j();

    private final EventCodec codec = new EventCodec();
    private final RecordEncryptor encryptor = new RecordEncryptor();
    // Fresh ids per test: an attested id keeps its key, so a second test could not register new keys under the same id.
    private final PartyKeys hospital = PartyKeys.generate("hospital-ops-check-" + UUID.randomUUID());
    private final PartyKeys patient = PartyKeys.generate("patient-ops-check-" + UUID.randomUUID());

    @Test
    void heartbeatsFollowTheWorkAndTheChainAndOneTraceIdFollowsEachRecord() throws Exception {
        registerParties();
        ServiceHeartbeat writerBefore = awaitBeat(ServiceName.LEDGER_WRITER, Instant.now(), beat -> caughtUp(beat));
        ServiceHeartbeat vaultBefore = awaitBeat(ServiceName.KEY_VAULT, Instant.now(), beat -> caughtUp(beat));

        List<EncryptedRecord> records = submitAndAwaitCommitted();
        sendUnreadableSubmission();

        Instant committed = Instant.now();
        ServiceHeartbeat writer = awaitBeat(
                ServiceName.LEDGER_WRITER,
                committed,
                beat -> caughtUp(beat) && beat.processedTotal() >= writerBefore.processedTotal() + RECORDS);
        assertThat(writer.processedTotal() - writerBefore.processedTotal()).isEqualTo(RECORDS);
        assertThat(writer.lag())
                .allSatisfy(partition -> assertThat(partition.lag()).isZero());
        long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        assertThat(writer.ledger().chainHead()).isBetween(head - 2, head);
        String signer = Credentials.create(AnvilNode.WRITER_KEY).getAddress();
        long mined = web3j.ethGetTransactionCount(signer, DefaultBlockParameterName.LATEST)
                .send()
                .getTransactionCount()
                .longValueExact();
        assertThat(writer.ledger().lanes()).singleElement().satisfies(lane -> {
            assertThat(lane.signer()).isEqualToIgnoringCase(signer);
            assertThat(lane.minedNonce()).isEqualTo(mined);
        });
        assertThat(writer.ledger().pendingTransactions()).isZero();
        ServiceHeartbeat vault = awaitBeat(
                ServiceName.KEY_VAULT,
                committed,
                beat -> caughtUp(beat) && beat.deadLettersByReason().containsKey("malformed RecordSubmitted"));
        assertThat(vault.processedTotal() - vaultBefore.processedTotal()).isEqualTo(RECORDS + 1);
        assertThat(vault.deadLettersByReason()).containsEntry("malformed RecordSubmitted", 1L);
        assertThat(vault.ledger()).isNull();

        Map<String, Map<String, TraceParent>> traces = tracesByRecord();
        for (EncryptedRecord record : records) {
            Map<String, TraceParent> hops = traces.get(record.recordId());
            assertThat(hops)
                    .as(record.recordId())
                    .containsOnlyKeys("RecordSubmitted", "RecordSealed", "RecordCommitted");
            assertThat(hops.values())
                    .extracting(TraceParent::traceId)
                    .containsOnly(hops.get("RecordSubmitted").traceId());
            assertThat(hops.values()).extracting(TraceParent::spanId).doesNotHaveDuplicates();
        }
    }

    @Test
    void theOpsDashboardShowsALiveHeartbeatOfEveryServiceAndTheWritersChainHead() throws Exception {
        GatewayClient gateway = new GatewayClient(platform.gatewayUrl());
        String operator = gateway.login("ops-olga");
        Instant asked = Instant.now();

        GatewayClient.Answer overview = gateway.until(
                WAIT,
                answer -> answer.status() == 200
                        && beatsAfter(answer.json(), asked).keySet().containsAll(SERVICES)
                        && beatsAfter(answer.json(), asked)
                                        .get("ledger-writer")
                                        .path("ledger")
                                        .path("chainHead")
                                        .asLong()
                                > 0,
                () -> gateway.get("/api/ops/overview", operator));

        assertThat(overview.status()).isEqualTo(200);
        Map<String, JsonNode> beats = beatsAfter(overview.json(), asked);
        assertThat(beats).containsOnlyKeys(SERVICES);
        long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        JsonNode ledger = beats.get("ledger-writer").get("ledger");
        assertThat(ledger.get("chainHead").asLong()).isBetween(1L, head);
        assertThat(ledger.get("lanes").get(0).get("signer").asString())
                .isEqualToIgnoringCase(Credentials.create(AnvilNode.WRITER_KEY).getAddress());
        assertThat(ledger.get("pendingTransactions").isNumber()).isTrue();
        for (String service : List.of("consent", "key-vault", "gateway")) {
            assertThat(beats.get(service).path("ledger").isNull()).as(service).isTrue();
        }
        // The last hour by minute, from the same beats: the newest minutes count every service's instance.
        JsonNode history = overview.json().get("history");
        assertThat(history).hasSize(60);
        int reporting = Math.max(
                history.get(59).get("instancesReporting").asInt(),
                history.get(58).get("instancesReporting").asInt());
        assertThat(reporting).isGreaterThanOrEqualTo(SERVICES.size());
        assertThat(overview.json().get("attention").isArray()).isTrue();
        // The gateway's own actuator: probes open, metrics for operators only.
        assertThat(gateway.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(gateway.get("/actuator/prometheus", null).status()).isEqualTo(401);
        GatewayClient.Answer metrics = gateway.get("/actuator/prometheus", operator);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("service=\"gateway-service\"");
    }

    /** The dashboard's heartbeat rows sent after {@code after}, by service (one instance each in the sandbox). */
    private static Map<String, JsonNode> beatsAfter(JsonNode overview, Instant after) {
        Map<String, JsonNode> beats = new HashMap<>();
        for (JsonNode service : overview.get("services")) {
            if (Instant.parse(service.get("lastBeat").asString()).isAfter(after)) {
                beats.put(service.get("service").asString(), service);
            }
        }
        return beats;
    }

    @Test
    void everyServiceAnswersReadinessAndExposesItsMeters() throws Exception {
        Map<String, String> actuators = platform.actuators();

        assertThat(actuators).containsOnlyKeys("consent-service", "key-vault-service", "ledger-writer-service");
        assertThat(actuators.values()).doesNotHaveDuplicates();
        for (String url : actuators.values()) {
            HttpResponse<String> readiness = get(url + "/health/readiness");
            assertThat(readiness.statusCode()).as(url).isEqualTo(200);
            assertThat(readiness.body()).contains("\"UP\"");
            assertThat(get(url + "/health/liveness").statusCode()).isEqualTo(200);
        }
        assertThat(get(actuators.get("ledger-writer-service") + "/prometheus").body())
                .contains("hrm_ledger_chain_head{")
                .contains("hrm_ledger_pending_transactions{")
                .contains("hrm_consumer_lag{")
                .contains("service=\"ledger-writer-service\"");
        registerParties();
        submitAndAwaitCommitted();
        assertThat(get(actuators.get("key-vault-service") + "/prometheus").body())
                .contains("hrm_events_published_total{")
                .contains("type=\"RecordSealed\"");
        assertThat(get(actuators.get("ledger-writer-service") + "/prometheus").body())
                .contains("type=\"RecordCommitted\"");
        assertThat(get(actuators.get("consent-service") + "/prometheus").body())
                .contains("hrm_events_processed_total{");
    }

    @Test
    void theChainVerifierFindsWhatTheDemoPutOnChain() throws Exception {
        Map<String, Object> before = new ChainVerifier(web3j).verify();

        StoreDemo demo = new StoreDemo();
        int exit = demo.tell(platform.endpoints());

        Map<String, Object> told = demo.summary();
        Map<String, Object> after = new ChainVerifier(web3j).verify();
        assertThat(exit).isZero();
        assertThat(added(after, before, "records")).isEqualTo(number(told, "committed"));
        assertThat(added(after, before, "grantShares")).isEqualTo(number(told, "grantShares"));
        assertThat(added(after, before, "revocations")).isEqualTo(number(told, "revocations"));
        assertThat(added(after, before, "tombstones")).isEqualTo(number(told, "tombstones"));
        assertThat(number(told, "committed")).isPositive();
        assertThat(number(told, "grantShares")).isPositive();
        assertThat(number(told, "revocations")).isPositive();
        assertThat(number(told, "tombstones")).isPositive();
        assertThat(after).containsEntry("allCiphertext", true);
        assertThat(told).containsEntry("auditAnchored", true).containsEntry("auditVerified", true);
        assertThat(told).containsEntry("fhirResourcesValid", true).containsEntry("edgeSubmissions", 2);
    }

    /** Registers this test's hospital and patient the v2 way; before any "before" beat, so counts stay per record. */
    private void registerParties() {
        SandboxAttester attester = platform.attester();
        SharedPlatform.register(List.of(
                attester.register(hospital, PartyKind.SYSTEM, null, null),
                attester.register(patient, PartyKind.PATIENT, null, null)));
    }

    private List<EncryptedRecord> submitAndAwaitCommitted() {
        List<EncryptedRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            Domain domain = i % 2 == 0 ? Domain.PATIENT : Domain.PRACTITIONER;
            records.add(encryptor.encrypt(
                    UUID.randomUUID().toString(),
                    domain,
                    patient.partyId(),
                    hospital,
                    ("{\"resourceType\":\"Observation\",\"valueString\":\"ops " + i + "\"}").getBytes(UTF_8),
                    Map.of(patient.partyId(), patient.publicKey())));
        }
        SharedPlatform.submitAndAwait(records);
        return records;
    }

    /** Not JSON: the vault (and consent-service, which indexes submissions) must dead-letter it. */
    private void sendUnreadableSubmission() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                platform.kafka(SandboxPrincipals.HOSPITAL).config(),
                new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                    Topic.RECORD_SUBMITTED.name(Domain.PATIENT),
                    UUID.randomUUID().toString(),
                    "{not json".getBytes(UTF_8));
            record.headers().add(EventHeaders.EVENT_TYPE, "RecordSubmitted".getBytes(UTF_8));
            producer.send(record);
        }
    }

    /** Every consumer partition of the beat is assigned and processed up to its end. */
    private static boolean caughtUp(ServiceHeartbeat beat) {
        return !beat.lag().isEmpty()
                && beat.lag().stream().mapToLong(PartitionLag::lag).sum() == 0;
    }

    /** The last heartbeat of {@code service} sent after {@code after} that meets {@code condition}. */
    private ServiceHeartbeat awaitBeat(ServiceName service, Instant after, Predicate<ServiceHeartbeat> condition)
            throws InterruptedException {
        String topic = Topic.heartbeatsOf(service).orElseThrow().topicName();
        return TopicReader.await(
                        platform.kafkaBootstrapServers(),
                        platform.kafka(SandboxPrincipals.OBSERVER).settings(),
                        List.of(topic),
                        record -> {
                            ServiceHeartbeat beat = codec.decode(record.value(), ServiceHeartbeat.class);
                            return beat.at().isAfter(after) && condition.test(beat) ? beat : null;
                        },
                        WAIT)
                .orElseThrow(() -> new AssertionError("no heartbeat on " + topic + " that meets the condition"));
    }

    /** Record id to event type to the trace context each of its events carried. */
    private Map<String, Map<String, TraceParent>> tracesByRecord() {
        List<String> topics = new java.util.ArrayList<>(Topic.RECORD_SUBMITTED.allNames());
        topics.addAll(Topic.RECORD_SEALED.allNames());
        topics.addAll(Topic.RECORD_COMMITTED.allNames());
        Map<String, Map<String, TraceParent>> traces = new HashMap<>();
        TopicReader.readAll(
                platform.kafkaBootstrapServers(),
                platform.kafka(SandboxPrincipals.OBSERVER).settings(),
                topics,
                record -> {
                    String type = header(record, EventHeaders.EVENT_TYPE);
                    TraceParent.parse(header(record, EventHeaders.TRACE_PARENT))
                            .ifPresent(trace -> traces.computeIfAbsent(record.key(), key -> new HashMap<>())
                                    .put(type, trace));
                });
        return traces;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long added(Map<String, Object> after, Map<String, Object> before, String key) {
        return number(after, key) - number(before, key);
    }

    private static long number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).longValue();
    }
}

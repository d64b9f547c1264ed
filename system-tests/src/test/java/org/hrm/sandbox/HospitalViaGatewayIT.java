package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.hrm.client.gateway.DevLoginTokens;
import org.hrm.client.gateway.GatewayClient;
import org.hrm.client.kafka.PartyDirectory;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.kafka.TopicReader;
import org.hrm.client.sdk.ConsentSigner;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordDecryptor;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.client.sdk.RecordStage;
import org.hrm.client.sdk.ReleaseAnswer;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.KafkaRole;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.RecordSubmitted;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hospital system inside the Kafka walls, as production runs it: its Kafka principal writes its records and
 * registrations and reads only the public party directory; everything else that concerns it (the owner's grantees,
 * its record's stage, a release) it reads from the gateway as an API client with its own token. It stores a record for
 * a patient who granted a doctor standing access to a category, sees it committed, and the doctor fetches it back.
 */
class HospitalViaGatewayIT {
    private static final String HOSPITAL_PRINCIPAL = KafkaRole.hospitalPrincipal("sandbox-hospital");
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Platform platform;
    private static Map<String, Object> hospitalKafka;
    private static SandboxAttester attester;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.start(
                Platform.Options.ephemeral(Files.createTempDirectory("hrm-hospital-gateway"))
                        .withKafkaWalls(true),
                step -> {});
        hospitalKafka = new HashMap<>(platform.kafkaClientProperties(HOSPITAL_PRINCIPAL));
        attester = platform.attester();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aHospitalStoresARecordForAGrantedDoctorAndSeesItCommittedWithNoKafkaReadButTheDirectory() throws Exception {
        long n = System.nanoTime();
        PartyKeys hospital = PartyKeys.generate("hospital-gw-" + n);
        PartyKeys patient = PartyKeys.generate("patient-gw-" + n);
        PartyKeys doctor = PartyKeys.generate("dr-gw-" + n);
        String servers = platform.kafkaBootstrapServers();
        byte[] text = "potassium 4.1 mmol/L".getBytes(StandardCharsets.UTF_8);

        try (RecordPublisher publisher = RecordPublisher.connect(servers, hospitalKafka)) {
            register(publisher, hospital, PartyKind.SYSTEM, null, null);
            register(publisher, patient, PartyKind.PATIENT, null, null);
            register(publisher, doctor, PartyKind.PRACTITIONER, hospital.partyId(), hospital);
            grantCategory(patient, doctor, "Observation");
            GatewayClient asHospital = gatewayAs(hospital);
            awaitTrue(
                    () -> asHospital
                            .covering(Domain.PATIENT, patient.partyId(), "Observation")
                            .contains(doctor.partyId()),
                    "the gateway names the doctor among the patient's grantees");

            PartyDirectory directory = directory();
            Map<String, byte[]> readers = new LinkedHashMap<>();
            readers.put(patient.partyId(), directory.publicKey(patient.partyId()));
            for (String grantee : asHospital.covering(Domain.PATIENT, patient.partyId(), "Observation")) {
                readers.put(grantee, directory.publicKey(grantee));
            }
            EncryptedRecord record = new RecordEncryptor()
                    .encrypt(UUID.randomUUID().toString(), Domain.PATIENT, patient.partyId(), hospital, text, readers);
            publisher.publish(record.toSubmitted(Instant.now(), "Observation")).join();
            awaitTrue(
                    () -> asHospital.stageOf(record.recordId()) == RecordStage.COMMITTED,
                    "the hospital sees its record committed");

            ReleaseAnswer answer = gatewayAs(doctor).fetch(record.recordId(), "TREAT", null, WAIT);
            assertThat(answer.allowed()).as(answer.deniedReason()).isTrue();
            RecordDecryptor decryptor = new RecordDecryptor();
            byte[] innerCiphertext = decryptor.openReleased(answer.released(), doctor);
            RecordSubmitted provenance = answer.submissionOf(innerCiphertext).orElseThrow();
            byte[] read = decryptor.open(
                    answer.released(),
                    provenance,
                    doctor,
                    doctor,
                    directory.find(hospital.partyId()).orElseThrow(),
                    Optional::empty);
            assertThat(read).isEqualTo(text);
            assertThat(provenance.authorId()).isEqualTo(hospital.partyId());
        }
    }

    @Test
    void theHospitalsPrincipalIsRefusedTheTopicsItNowReadsThroughTheGateway() {
        for (Topic topic :
                List.of(Topic.STANDING_GRANTS, Topic.RECORD_COMMITTED, Topic.RECORD_SEALED, Topic.RECORD_RELEASED)) {
            assertThatThrownBy(() -> TopicReader.readAll(
                            platform.kafkaBootstrapServers(),
                            hospitalKafka,
                            List.of(topic.name(Domain.PATIENT)),
                            record -> {}))
                    .as(topic.name(Domain.PATIENT))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static void register(
            RecordPublisher publisher, PartyKeys party, PartyKind kind, String institution, PartyKeys vouching)
            throws Exception {
        publisher
                .register(attester.register(party, kind, institution, vouching))
                .join();
        awaitTrue(() -> directory().find(party.partyId()).isPresent(), party.partyId() + " is in the directory");
    }

    /** The patient grants through the gateway, signed in its own client, as the portal does. */
    private static void grantCategory(PartyKeys patient, PartyKeys doctor, String category) throws Exception {
        Instant now = Instant.now();
        ConsentGranted grant = new ConsentSigner()
                .grant(
                        patient,
                        new ConsentSigner.GrantTerms(
                                UUID.randomUUID().toString(),
                                Domain.PATIENT,
                                doctor.partyId(),
                                GrantScope.category(category),
                                "TREAT",
                                now,
                                now.plus(Duration.ofDays(30))),
                        doctor.publicKey(),
                        List.of(),
                        now);
        String token = new DevLoginTokens(URI.create(platform.gatewayUrl()), patient.partyId()).current();
        HttpResponse<String> sent = HTTP.send(
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/grants"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new EventCodec().encode(grant)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
    }

    /** The directory as the hospital reads it: with its own principal, the one topic that principal may read. */
    private static PartyDirectory directory() {
        return PartyDirectory.read(
                platform.kafkaBootstrapServers(),
                hospitalKafka,
                org.hrm.contracts.authority.AttestationKeys.of(Map.of(
                        SandboxAttester.KEY_ID,
                        java.util.Base64.getDecoder().decode(attester.trusted().get(SandboxAttester.KEY_ID)))),
                warning -> {});
    }

    private static GatewayClient gatewayAs(PartyKeys party) {
        URI gateway = URI.create(platform.gatewayUrl());
        return new GatewayClient(gateway, new DevLoginTokens(gateway, party.partyId()));
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(500);
        }
    }
}

package org.hrm.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrm.consent.ConsentEvents.emergency;
import static org.hrm.consent.ConsentEvents.granted;
import static org.hrm.consent.ConsentEvents.json;
import static org.hrm.consent.ConsentEvents.party;
import static org.hrm.consent.ConsentEvents.registered;
import static org.hrm.consent.ConsentEvents.requested;
import static org.hrm.consent.ConsentEvents.revoked;
import static org.hrm.consent.ConsentEvents.submitted;
import static org.hrm.consent.ConsentEvents.utf8;
import static org.hrm.consent.ConsentProbe.header;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.hrm.consent.domain.DecisionSigningKey;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.authority.DirectoryDecision;
import org.hrm.contracts.authority.DirectoryRules;
import org.hrm.contracts.authority.PartyHistories;
import org.hrm.contracts.events.AccessBasis;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.PartyHistory;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.StandingGrants;
import org.hrm.crypto.P256KeyPair;
import org.hrm.messaging.DeadLetterRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The consent service end to end on an in-process KRaft broker and an in-memory MongoDB: read this first. Parties
 * register, records are indexed, owners grant and revoke, readers ask; signed AccessDecided, audit events, standing
 * grants and dead letters come out.
 */
// The oversized-event case keeps the former 256 KiB limit: the default (6 MiB, a 4 MiB record) would need a 6 MiB
// message through the test broker to exercise the same refusal.
@SpringBootTest(
        classes = ConsentApplication.class,
        properties = {"hrm.consent.unknown-party-grace=5s", "hrm.consent.max-event-bytes=262144"})
@EmbeddedKafka
@DirtiesContext
class ConsentIT {
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    private static final String SIGNING_KEY = DecisionSigningKey.generateKeyFileContent();
    private static final byte[] PUBLISHED_KEY =
            Base64.getDecoder().decode(DecisionSigningKey.publicKeyBase64(SIGNING_KEY));
    private static final String PATIENT_REQUESTS = Topic.ACCESS_REQUESTED.name(Domain.PATIENT);

    private final TestKeys aliceKeys = TestKeys.generate();
    private final String alice = party("alice");
    private final String doctor = party("dr-who");
    private final String hospital = party("st-mary");
    private ConsentProbe kafka;
    private ConsentDriver driver;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Autowired
    private MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/consent");
        registry.add(
                "spring.kafka.bootstrap-servers",
                () -> System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS));
        registry.add("HRM_CONSENT_SIGNING_KEY", () -> SIGNING_KEY);
    }

    @BeforeEach
    void registerAliceHerHospitalAndItsDoctor() {
        kafka = new ConsentProbe(broker.getBrokersAsString());
        driver = new ConsentDriver(kafka, mongo);
        driver.register(
                registered(alice, PartyKind.PATIENT, aliceKeys, null),
                registered(hospital, PartyKind.SYSTEM, TestKeys.generate(), null),
                registered(doctor, PartyKind.PRACTITIONER, TestKeys.generate(), hospital));
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @Test
    void allowsAGranteeWithASignedDecisionAndDeniesTheNextRequestOnceTheGrantIsRevoked() {
        RecordSubmitted lab = submitted(Domain.PATIENT, alice, party("lab-system"), "lab");
        driver.index(lab);
        ConsentGranted grant = granted(Domain.PATIENT, alice, doctor, GrantScope.category("lab"), aliceKeys);
        driver.grant(grant);

        AccessDecided allowed = decide(requested(Domain.PATIENT, lab.recordId(), doctor));
        driver.revoke(revoked(Domain.PATIENT, grant.grantId(), alice, aliceKeys));
        AccessDecided denied = decide(requested(Domain.PATIENT, lab.recordId(), doctor));

        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.basis()).isEqualTo(AccessBasis.GRANT);
        assertThat(allowed.grantId()).isEqualTo(grant.grantId());
        assertThat(allowed.shareHolderId()).isEqualTo(doctor);
        assertThat(TestKeys.verify(PUBLISHED_KEY, allowed.signedBytes(), allowed.signature()))
                .isTrue();
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.reason()).isEqualTo("grant revoked");
        assertThat(TestKeys.verify(PUBLISHED_KEY, denied.signedBytes(), denied.signature()))
                .isTrue();
    }

    @Test
    void publishesTheOwnersStandingGrantsWithTheGranteesKeyAfterEachChange() {
        ConsentGranted grant = granted(Domain.PATIENT, alice, doctor, GrantScope.category("*"), aliceKeys);

        driver.grant(grant);

        StandingGrants standing = kafka.awaitStandingGrants(
                Domain.PATIENT, alice, list -> !list.grantees().isEmpty());
        assertThat(standing.grantees()).singleElement().satisfies(grantee -> {
            assertThat(grantee.granteeId()).isEqualTo(doctor);
            assertThat(grantee.grantId()).isEqualTo(grant.grantId());
            assertThat(grantee.publicKey()).hasSize(65);
        });
        driver.revoke(revoked(Domain.PATIENT, grant.grantId(), alice, aliceKeys));
        assertThat(kafka.awaitStandingGrants(
                                Domain.PATIENT, alice, list -> list.grantees().isEmpty())
                        .updatedAt())
                .isAfterOrEqualTo(standing.updatedAt());
    }

    @Test
    void answersAReplayedRequestWithTheSameSignedDecisionAndNoOther() {
        RecordSubmitted lab = submitted(Domain.PATIENT, alice, hospital, "lab");
        driver.index(lab);
        AccessRequested request = requested(Domain.PATIENT, lab.recordId(), alice);

        kafka.send(PATIENT_REQUESTS, lab.recordId(), request);
        kafka.send(PATIENT_REQUESTS, lab.recordId(), request);

        List<ConsumerRecord<String, byte[]>> decisions = kafka.awaitDecisions(Domain.PATIENT, request.requestId(), 2);
        assertThat(decisions.get(1).value()).isEqualTo(decisions.get(0).value());
        assertThat(header(decisions.get(1), EventHeaders.EVENT_ID))
                .isEqualTo(header(decisions.get(0), EventHeaders.EVENT_ID));
        assertThat(decisions.get(0).key()).isEqualTo(lab.recordId());
        assertThat(mongo.getCollection("patient_decisions").countDocuments()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void auditsEveryDecisionNamingThePatientSignedWithTheDecisionKey() {
        RecordSubmitted lab = submitted(Domain.PATIENT, alice, hospital, "lab");
        driver.index(lab);
        AccessRequested request = requested(Domain.PATIENT, lab.recordId(), doctor);

        decide(request);

        AuditEvent audit = kafka.awaitAudit(event -> ConsentDriver.concerns(event, request.requestId()));
        assertThat(audit.type()).isEqualTo("rest");
        assertThat(audit.subtype()).isEqualTo("read");
        assertThat(audit.action()).isEqualTo("R");
        assertThat(audit.outcome()).isEqualTo("4");
        assertThat(audit.outcomeDesc()).isEqualTo("no grant covers this record");
        assertThat(audit.patientId()).isEqualTo(alice);
        assertThat(audit.domain()).isEqualTo(Domain.PATIENT);
        assertThat(audit.agent())
                .first()
                .satisfies(agent -> assertThat(agent.who()).isEqualTo(doctor));
        assertThat(audit.emergency()).isFalse();
        assertThat(audit.signedBy(PUBLISHED_KEY))
                .as("signed with the key the ledger writer and the gateway check it under")
                .isTrue();
    }

    @Test
    void letsAPractitionerBreakTheGlassOnARecordHisInstitutionAuthoredAndTellsThePatient() {
        RecordSubmitted lab = submitted(Domain.PATIENT, alice, hospital, "lab");
        driver.index(lab);
        AccessRequested request = emergency(Domain.PATIENT, lab.recordId(), doctor);

        AccessDecided decision = decide(request);

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.basis()).isEqualTo(AccessBasis.EMERGENCY);
        assertThat(decision.shareHolderId()).isEqualTo(hospital);
        assertThat(decision.expiresAt()).isEqualTo(decision.decidedAt().plusSeconds(30));
        AuditEvent audit = kafka.awaitAudit(event -> ConsentDriver.concerns(event, request.requestId()));
        assertThat(audit.emergency()).isTrue();
        assertThat(audit.outcome()).isEqualTo("0");
        assertThat(audit.patientId()).isEqualTo(alice);
        assertThat(audit.purposeOfEvent()).isEqualTo("ETREAT");
    }

    @Test
    void rejectsAndAuditsAGrantNotSignedByTheOwner() {
        TestKeys doctorsKeys = TestKeys.generate();
        ConsentGranted forged = granted(Domain.PATIENT, alice, doctor, GrantScope.category("*"), doctorsKeys);

        AuditEvent audit = driver.grant(forged);

        assertThat(audit.outcome()).isEqualTo("4");
        assertThat(audit.outcomeDesc()).isEqualTo("grant not signed by the owner");
        assertThat(header(kafka.awaitDeadLetter(alice), EventHeaders.DLT_REASON))
                .isEqualTo("grant not signed by the owner");
    }

    /** A grant that overtakes its parties' registrations (another topic, another consumer) waits for them. */
    @Test
    void acceptsAndAuditsOnceAGrantWhosePartiesRegisterWithinTheGrace() {
        TestKeys carolKeys = TestKeys.generate();
        String carol = party("carol");
        String nurse = party("nurse");
        ConsentGranted grant = granted(Domain.PATIENT, carol, nurse, GrantScope.category("*"), carolKeys);

        kafka.send(Topic.CONSENT_GRANTED.name(Domain.PATIENT), carol, grant);
        driver.register(
                registered(carol, PartyKind.PATIENT, carolKeys, null),
                registered(nurse, PartyKind.PRACTITIONER, TestKeys.generate(), hospital));

        assertThat(kafka.awaitStandingGrants(
                                Domain.PATIENT, carol, list -> !list.grantees().isEmpty())
                        .grantees())
                .singleElement()
                .satisfies(grantee -> assertThat(grantee.grantId()).isEqualTo(grant.grantId()));
        // The owner's next change is handled only after the grant: by its audit, every audit of the grant is out.
        driver.revoke(revoked(Domain.PATIENT, grant.grantId(), carol, carolKeys));
        assertThat(kafka.awaitAudits(grantAudit(grant), 1)).singleElement().satisfies(audit -> {
            assertThat(audit.outcome()).isEqualTo("0");
            assertThat(audit.outcomeDesc()).isEqualTo("grant stored");
        });
        assertThatThrownBy(() -> kafka.awaitDeadLetter(carol, 1)).isInstanceOf(AssertionError.class);
    }

    /** Waiting is bounded: once the grace is over, the grant is refused as before. */
    @Test
    void deadLettersAGrantFromAPartyThatNeverRegistersOnceTheGraceIsOver() {
        String stranger = party("stranger");
        ConsentGranted grant = granted(Domain.PATIENT, stranger, doctor, GrantScope.category("*"), TestKeys.generate());

        AuditEvent audit = driver.grant(grant);

        String reason = "owner " + stranger + " is not a registered party";
        assertThat(audit.outcome()).isEqualTo("4");
        assertThat(audit.outcomeDesc()).isEqualTo(reason);
        assertThat(header(kafka.awaitDeadLetter(stranger), EventHeaders.DLT_REASON))
                .isEqualTo(reason);
        assertThat(kafka.awaitAudits(grantAudit(grant), 1)).hasSize(1);
    }

    private static Predicate<AuditEvent> grantAudit(ConsentGranted grant) {
        return audit -> audit.action().equals("C") && ConsentDriver.concerns(audit, grant.grantId());
    }

    @Test
    void keepsPatientAndPractitionerRecordsInTheirOwnCollections() {
        RecordSubmitted practitionerRecord = submitted(Domain.PRACTITIONER, doctor, hospital, "note");
        driver.index(practitionerRecord);

        AccessDecided patientSide = decide(requested(Domain.PATIENT, practitionerRecord.recordId(), doctor));

        assertThat(patientSide.reason()).isEqualTo("unknown record");
        assertThat(mongo.getCollection("practitioner_records")
                        .countDocuments(com.mongodb.client.model.Filters.eq("_id", practitionerRecord.recordId())))
                .isEqualTo(1);
        assertThat(mongo.getCollection("patient_records")
                        .countDocuments(com.mongodb.client.model.Filters.eq("_id", practitionerRecord.recordId())))
                .isZero();
    }

    @Test
    void deadLettersEachBadRequestWithItsReasonWhileAValidOneAfterThemIsStillDecided() {
        RecordSubmitted lab = submitted(Domain.PATIENT, alice, hospital, "lab");
        driver.index(lab);
        AccessRequested valid = requested(Domain.PATIENT, lab.recordId(), alice);
        String noRequester = new String(json(requested(Domain.PATIENT, lab.recordId(), alice)))
                .replace("\"requesterId\"", "\"who\"");
        List<BadInput> badInputs = List.of(
                new BadInput("AccessRequested", utf8("{\"requestId\": ["), "malformed AccessRequested"),
                new BadInput("ConsentGranted", json(valid), "unknown event type 'ConsentGranted'"),
                new BadInput(null, json(valid), "unknown event type (no hrm-event-type header)"),
                new BadInput(
                        "AccessRequested", utf8(noRequester), "invalid AccessRequested: missing field requesterId"),
                new BadInput("AccessRequested", new byte[300 * 1024], "oversized event: 307200 bytes, limit 262144"),
                new BadInput(
                        "AccessRequested",
                        json(requested(Domain.PRACTITIONER, lab.recordId(), alice)),
                        "domain mismatch: topic hrm.patient.access-requested carries PATIENT events"));

        badInputs.forEach(bad -> kafka.send(PATIENT_REQUESTS, bad.key(), bad.value(), bad.type()));
        kafka.send(PATIENT_REQUESTS, lab.recordId(), valid);

        assertThat(kafka.awaitDecision(Domain.PATIENT, valid.requestId()).allowed())
                .isTrue();
        for (BadInput bad : badInputs) {
            ConsumerRecord<String, byte[]> deadLetter = kafka.awaitDeadLetter(bad.key());
            assertThat(header(deadLetter, EventHeaders.DLT_REASON)).startsWith(bad.reason());
            assertThat(header(deadLetter, EventHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(PATIENT_REQUESTS);
            assertThat(header(deadLetter, EventHeaders.DLT_ORIGINAL_OFFSET)).matches("\\d+");
            assertThat(header(deadLetter, EventHeaders.DLT_SERVICE)).isEqualTo("CONSENT");
            assertThat(deadLetter.value()).as("the payload is not kept").isNull();
            assertThat(header(deadLetter, EventHeaders.DLT_PAYLOAD_SHA256))
                    .isEqualTo(DeadLetterRecords.digest(bad.value()));
            assertThat(header(deadLetter, EventHeaders.DLT_PAYLOAD_BYTES))
                    .isEqualTo(Integer.toString(bad.value().length));
        }
    }

    @Test
    void createsTheDirectoryTopicCompactedAndNeverExpired() throws Exception {
        ConfigResource directory = new ConfigResource(ConfigResource.Type.TOPIC, Topic.PARTY_DIRECTORY.topicName());

        Config config;
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            config = admin.describeConfigs(List.of(directory)).all().get().get(directory);
        }

        // Compaction alone (no "delete" in the policy): retention by age never applies, whatever retention.ms says.
        assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
    }

    @Test
    void publishesEachPartysSignedHistoryToTheDirectoryTopicTheSameValueForTheSameHistory() {
        String erin = party("erin");
        P256KeyPair first = P256KeyPair.generate();
        P256KeyPair second = P256KeyPair.generate();
        PartyRegistered proven = new PartyRegistered(
                        erin, PartyKind.PATIENT, first.publicKey(), null, Instant.now(), null, null, null)
                .provenBy(first);
        PartyRegistered registration = proven.withAttestation(
                ConsentEvents.attestation(erin, Attestation.REGISTER, proven.signedBytes(), proven.registeredAt()));
        PartyKeyRotated rotation = PartyKeyRotated.rotate(erin, first, second, Instant.now());

        kafka.send(Topic.PARTY_REGISTERED.topicName(), erin, registration);
        kafka.send(Topic.PARTY_REGISTERED.topicName(), erin, registration);
        kafka.send(Topic.PARTY_REGISTERED.topicName(), erin, rotation);

        List<ConsumerRecord<String, byte[]>> published = kafka.awaitDirectory(erin, 3);
        assertThat(published.get(1).value())
                .as("a repeat publishes the same value")
                .isEqualTo(published.get(0).value());
        assertThat(header(published.get(0), EventHeaders.EVENT_TYPE)).isEqualTo("PartyHistory");
        PartyHistory history = ConsentEvents.decode(published.get(2).value(), PartyHistory.class);
        assertThat(ConsentEvents.json(history.registration())).isEqualTo(ConsentEvents.json(registration));
        assertThat(history.rotations()).hasSize(1);
        DirectoryDecision replayed = new PartyHistories(new DirectoryRules(AttestationKeys.of(
                        Map.of(ConsentEvents.TEST_GATEWAY_KEY_ID, ConsentEvents.TEST_GATEWAY.publicKey()))))
                .verify(history, id -> Optional.empty());
        assertThat(replayed.entry().publicKey()).isEqualTo(second.publicKey());
    }

    @Test
    void deadLettersAReRegistrationWithADifferentKey() {
        kafka.send(
                Topic.PARTY_REGISTERED.topicName(),
                alice,
                registered(alice, PartyKind.PATIENT, TestKeys.generate(), null));

        ConsumerRecord<String, byte[]> deadLetter = kafka.awaitDeadLetter(alice);

        assertThat(header(deadLetter, EventHeaders.DLT_REASON))
                .isEqualTo(
                        "party " + alice
                                + " is already registered with another key, kind or institution; a key changes only by rotation");
    }

    @Test
    void deadLettersAnUnattestedRegistrationAndStoresNothing() {
        String squatted = party("squatted");
        kafka.send(
                Topic.PARTY_REGISTERED.topicName(),
                squatted,
                ConsentEvents.unattested(squatted, PartyKind.PATIENT, TestKeys.generate(), null));

        assertThat(header(kafka.awaitDeadLetter(squatted), EventHeaders.DLT_REASON))
                .isEqualTo("registration of " + squatted + " is not attested: no attestation");
        assertThat(mongo.getCollection("parties").countDocuments(com.mongodb.client.model.Filters.eq("_id", squatted)))
                .isZero();
    }

    @Test
    void deadLettersAKeyRotationWithoutTheOldKeyOrAnAttestation() {
        org.hrm.crypto.P256KeyPair attacker = org.hrm.crypto.P256KeyPair.generate();
        org.hrm.contracts.events.PartyKeyRotated forged = org.hrm.contracts.events.PartyKeyRotated.draft(
                        alice, aliceKeys.publicKey(), attacker.publicKey(), java.time.Instant.now())
                .provenBy(attacker);
        kafka.send(Topic.PARTY_REGISTERED.topicName(), alice, json(forged), "PartyKeyRotated");

        assertThat(header(kafka.awaitDeadLetter(alice), EventHeaders.DLT_REASON))
                .startsWith("rotation of " + alice + " is signed by neither its current key nor a valid attestation");
        org.bson.Document stored = mongo.getCollection("parties")
                .find(com.mongodb.client.model.Filters.eq("_id", alice))
                .first();
        assertThat(stored.get("publicKey", org.bson.types.Binary.class).getData())
                .isEqualTo(aliceKeys.publicKey());
    }

    @Test
    void deadLettersAForgedAccessRequestWithoutDecidingIt() {
        RecordSubmitted lab = submitted(Domain.PATIENT, alice, hospital, "lab");
        driver.index(lab);
        AccessRequested forged = ConsentEvents.unsignedRequest(Domain.PATIENT, lab.recordId(), alice, "TREAT", null);
        String key = UUID.randomUUID().toString();
        kafka.send(PATIENT_REQUESTS, key, json(forged), "AccessRequested");
        AccessRequested signed = ConsentEvents.signedRequest(Domain.PATIENT, lab.recordId(), alice, aliceKeys);

        assertThat(header(kafka.awaitDeadLetter(key), EventHeaders.DLT_REASON))
                .isEqualTo("access request " + forged.requestId() + " is signed by neither requester " + alice
                        + "'s current key nor a valid attestation (no attestation)");
        assertThat(decide(signed).allowed()).isTrue();
        assertThat(mongo.getCollection("patient_decisions")
                        .countDocuments(com.mongodb.client.model.Filters.eq("_id", forged.requestId())))
                .isZero();
    }

    private AccessDecided decide(AccessRequested request) {
        kafka.send(Topic.ACCESS_REQUESTED.name(request.domain()), request.recordId(), request);
        return kafka.awaitDecision(request.domain(), request.requestId());
    }

    /** An event that must be dead-lettered, keyed by a fresh id so its dead letter can be found. */
    private record BadInput(String type, byte[] value, String reason, String key) {
        BadInput(String type, byte[] value, String reason) {
            this(type, value, reason, UUID.randomUUID().toString());
        }
    }
}

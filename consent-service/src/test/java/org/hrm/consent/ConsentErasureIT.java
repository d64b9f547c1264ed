package org.hrm.consent;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.consent.ConsentEvents.granted;
import static org.hrm.consent.ConsentEvents.json;
import static org.hrm.consent.ConsentEvents.keysDestroyed;
import static org.hrm.consent.ConsentEvents.party;
import static org.hrm.consent.ConsentEvents.registered;
import static org.hrm.consent.ConsentEvents.requested;
import static org.hrm.consent.ConsentEvents.submitted;
import static org.hrm.consent.ConsentEvents.utf8;
import static org.hrm.consent.ConsentProbe.header;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.hrm.consent.domain.DecisionSigningKey;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.StandingGrants;
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
 * Erasure end to end on an in-process KRaft broker and an in-memory MongoDB: once the vault reports a record's keys
 * destroyed, every request for it is denied "record erased" (the gateway's 410 Gone), the owner's too, and the
 * grants that list only erased records end and leave the owner's standing grants.
 */
@SpringBootTest(classes = ConsentApplication.class)
@EmbeddedKafka
@DirtiesContext
class ConsentErasureIT {
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    private static final String PATIENT_KEYS_DESTROYED = Topic.KEYS_DESTROYED.name(Domain.PATIENT);

    private final TestKeys aliceKeys = TestKeys.generate();
    private final String alice = party("alice");
    private final String doctor = party("dr-who");
    private final String hospital = party("st-mary");
    private final RecordSubmitted lab = submitted(Domain.PATIENT, alice, hospital, "lab");
    private final RecordSubmitted imaging = submitted(Domain.PATIENT, alice, hospital, "imaging");
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
        registry.add("HRM_CONSENT_SIGNING_KEY", DecisionSigningKey::generateKeyFileContent);
        registry.add("hrm.consent.vault-public-key", ConsentEvents::vaultPublicKey);
    }

    @BeforeEach
    void registerAliceAndHerDoctorAndIndexTwoOfHerRecords() {
        kafka = new ConsentProbe(broker.getBrokersAsString());
        driver = new ConsentDriver(kafka, mongo);
        driver.register(
                registered(alice, PartyKind.PATIENT, aliceKeys, null),
                registered(hospital, PartyKind.SYSTEM, TestKeys.generate(), null),
                registered(doctor, PartyKind.PRACTITIONER, TestKeys.generate(), hospital));
        driver.index(lab, imaging);
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
    void deniesAnErasedRecordToItsOwnerAndGranteeEndsTheGrantOverItAndLeavesTheOtherRecordReadable() {
        ConsentGranted labOnly = grant(lab);
        ConsentGranted labAndImaging = grant(lab, imaging);
        KeysDestroyed erasure = keysDestroyed(Domain.PATIENT, alice, false, lab.recordId());

        AuditEvent audit = erase(erasure);

        AccessDecided ownerOnLab = decide(requested(Domain.PATIENT, lab.recordId(), alice));
        AccessDecided doctorOnLab = decide(requested(Domain.PATIENT, lab.recordId(), doctor));
        AccessDecided doctorOnImaging = decide(requested(Domain.PATIENT, imaging.recordId(), doctor));
        assertThat(List.of(ownerOnLab, doctorOnLab)).allSatisfy(decision -> {
            assertThat(decision.allowed()).isFalse();
            assertThat(decision.reason()).isEqualTo("record erased");
        });
        assertThat(kafka.awaitAudit(event -> ConsentDriver.concerns(event, doctorOnLab.requestId()))
                        .outcome())
                .isEqualTo("4");
        assertThat(doctorOnImaging.allowed()).isTrue();
        assertThat(doctorOnImaging.grantId()).isEqualTo(labAndImaging.grantId());
        // Before the erasure the lists were [labOnly] and [labOnly, labAndImaging]; after it, labOnly is gone.
        StandingGrants standing = kafka.awaitStandingGrants(
                Domain.PATIENT,
                alice,
                list -> list.grantees().stream()
                        .map(StandingGrants.Grantee::grantId)
                        .toList()
                        .equals(List.of(labAndImaging.grantId())));
        assertThat(standing.grantees())
                .singleElement()
                .satisfies(grantee -> assertThat(grantee.granteeId()).isEqualTo(doctor));
        assertThat(grantDocument(labOnly))
                .containsEntry("status", "ENDED")
                .containsEntry("endReason", "records erased")
                .containsKey("endedAt");
        assertThat(grantDocument(labAndImaging)).doesNotContainKey("endedAt");
        assertThat(recordDocument(lab))
                .containsEntry("state", "ERASED")
                .containsEntry("erasureRequestId", erasure.requestId());
        assertThat(audit.subtype()).isEqualTo("erasure");
        assertThat(audit.action()).isEqualTo("D");
        assertThat(audit.patientId()).isEqualTo(alice);
        assertThat(ConsentDriver.concerns(audit, lab.recordId())).isTrue();
    }

    @Test
    void changesNothingWhenKeysDestroyedIsReplayed() {
        ConsentGranted labOnly = grant(lab);
        ConsentGranted labAndImaging = grant(lab, imaging);
        KeysDestroyed erasure = keysDestroyed(Domain.PATIENT, alice, false, lab.recordId());
        erase(erasure);
        Document record = recordDocument(lab);
        Document ended = grantDocument(labOnly);
        Document standing = grantDocument(labAndImaging);

        kafka.send(PATIENT_KEYS_DESTROYED, alice, erasure);

        List<AuditEvent> audits = kafka.awaitAudits(event -> ConsentDriver.concerns(event, erasure.requestId()), 2);
        assertThat(audits.get(1).id()).isEqualTo(audits.get(0).id());
        assertThat(recordDocument(lab)).isEqualTo(record);
        assertThat(grantDocument(labOnly)).isEqualTo(ended);
        assertThat(grantDocument(labAndImaging)).isEqualTo(standing);
    }

    @Test
    void keepsARecordErasedBeforeItWasIndexedErasedWhenItsSubmissionArrivesLate() {
        RecordSubmitted late = submitted(Domain.PATIENT, alice, hospital, "lab");
        RecordSubmitted hijack = new RecordSubmitted(
                late.recordId(),
                Domain.PATIENT,
                party("mallory"),
                hospital,
                late.innerCiphertext(),
                late.shares(),
                late.authorSignature(),
                late.submittedAt(),
                "lab");
        erase(keysDestroyed(Domain.PATIENT, alice, false, late.recordId()));
        String topic = Topic.RECORD_SUBMITTED.name(Domain.PATIENT);

        kafka.send(topic, late.recordId(), late);
        kafka.send(topic, late.recordId(), hijack);

        // Same key, same partition: the hijack's dead letter shows the late submission before it was consumed.
        List<ConsumerRecord<String, byte[]>> deadLetters = kafka.awaitDeadLetter(late.recordId(), 60);
        assertThat(deadLetters).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.value()).as("the payload is not kept").isNull();
            assertThat(header(deadLetter, EventHeaders.DLT_PAYLOAD_SHA256))
                    .isEqualTo(DeadLetterRecords.digest(json(hijack)));
            assertThat(header(deadLetter, EventHeaders.DLT_PAYLOAD_BYTES))
                    .isEqualTo(Integer.toString(json(hijack).length));
            assertThat(header(deadLetter, EventHeaders.DLT_REASON)).contains("already indexed with a different owner");
        });
        assertThat(recordDocument(late)).containsEntry("state", "ERASED");
        assertThat(decide(requested(Domain.PATIENT, late.recordId(), alice)).reason())
                .isEqualTo("record erased");
    }

    @Test
    void deadLettersEachBadKeysDestroyedWithItsReasonWhileAValidOneIsApplied() {
        KeysDestroyed valid = keysDestroyed(Domain.PATIENT, alice, true, lab.recordId(), imaging.recordId());
        String noOwner = new String(json(valid)).replace("\"ownerId\"", "\"owner\"");
        String badRecordId = new String(json(valid)).replace(lab.recordId(), "not-a-uuid");
        List<BadInput> badInputs = List.of(
                new BadInput("KeysDestroyed", utf8("{\"requestId\": ["), "malformed KeysDestroyed"),
                new BadInput("ConsentGranted", json(valid), "unknown event type 'ConsentGranted'"),
                new BadInput(null, json(valid), "unknown event type (no hrm-event-type header)"),
                new BadInput("KeysDestroyed", utf8(noOwner), "invalid KeysDestroyed: missing field ownerId"),
                new BadInput("KeysDestroyed", utf8(badRecordId), "invalid KeysDestroyed: recordId must be a UUID"),
                new BadInput(
                        "KeysDestroyed",
                        json(keysDestroyed(Domain.PRACTITIONER, alice, false, lab.recordId())),
                        "domain mismatch: topic hrm.patient.keys-destroyed carries PATIENT events"));

        badInputs.forEach(bad -> kafka.send(PATIENT_KEYS_DESTROYED, bad.key(), bad.value(), bad.type()));
        erase(valid);

        for (BadInput bad : badInputs) {
            ConsumerRecord<String, byte[]> deadLetter = kafka.awaitDeadLetter(bad.key());
            assertThat(header(deadLetter, EventHeaders.DLT_REASON)).startsWith(bad.reason());
            assertThat(header(deadLetter, EventHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(PATIENT_KEYS_DESTROYED);
            assertThat(deadLetter.value()).as("the payload is not kept").isNull();
            assertThat(header(deadLetter, EventHeaders.DLT_PAYLOAD_SHA256))
                    .isEqualTo(DeadLetterRecords.digest(bad.value()));
            assertThat(header(deadLetter, EventHeaders.DLT_PAYLOAD_BYTES))
                    .isEqualTo(Integer.toString(bad.value().length));
        }
        assertThat(recordDocument(lab)).containsEntry("state", "ERASED");
        assertThat(recordDocument(imaging)).containsEntry("state", "ERASED");
    }

    /** A grant of alice's to her doctor over exactly these records, stored before the test goes on. */
    private ConsentGranted grant(RecordSubmitted... records) {
        List<String> recordIds =
                List.of(records).stream().map(RecordSubmitted::recordId).toList();
        ConsentGranted grant = granted(Domain.PATIENT, alice, doctor, GrantScope.records(recordIds), aliceKeys);
        driver.grant(grant);
        return grant;
    }

    /** Sends the vault's KeysDestroyed and returns the erasure's audit event, published once it is applied. */
    private AuditEvent erase(KeysDestroyed erasure) {
        kafka.send(Topic.KEYS_DESTROYED.name(erasure.domain()), erasure.ownerId(), erasure);
        return kafka.awaitAudit(
                audit -> "erasure".equals(audit.subtype()) && ConsentDriver.concerns(audit, erasure.requestId()));
    }

    private AccessDecided decide(AccessRequested request) {
        kafka.send(Topic.ACCESS_REQUESTED.name(request.domain()), request.recordId(), request);
        return kafka.awaitDecision(request.domain(), request.requestId());
    }

    private Document recordDocument(RecordSubmitted record) {
        return mongo.getCollection("patient_records")
                .find(eq("_id", record.recordId()))
                .first();
    }

    private Document grantDocument(ConsentGranted grant) {
        return mongo.getCollection("patient_grants")
                .find(eq("_id", grant.grantId()))
                .first();
    }

    /** An event that must be dead-lettered, keyed by a fresh id so its dead letter can be found. */
    private record BadInput(String type, byte[] value, String reason, String key) {
        BadInput(String type, byte[] value, String reason) {
            this(type, value, reason, UUID.randomUUID().toString());
        }
    }
}

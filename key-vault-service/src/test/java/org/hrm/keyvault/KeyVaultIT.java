package org.hrm.keyvault;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrm.keyvault.KafkaProbe.header;
import static org.hrm.keyvault.TestEvents.SUBMITTED_TYPE;
import static org.hrm.keyvault.TestEvents.json;
import static org.hrm.keyvault.TestEvents.owner;
import static org.hrm.keyvault.TestEvents.submitted;
import static org.hrm.keyvault.TestEvents.utf8;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.crypto.P256KeyPair;
import org.hrm.keyvault.application.OuterDecryption;
import org.hrm.keyvault.application.RecordKeyNotFoundException;
import org.hrm.keyvault.application.RecordRelease;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.hrm.keyvault.domain.Pseudonyms;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.messaging.DeadLetterRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The vault end to end on an in-process KRaft broker and an in-memory MongoDB: read this first. Submissions go in
 * on the record-submitted topics, RecordSealed and dead letters come out, keys land in per-domain collections.
 */
// The oversized-event case below keeps the former 256 KiB limit: the default (6 MiB, a 4 MiB record) would need a 6 MiB
// message through the test broker to exercise the same refusal.
@SpringBootTest(classes = KeyVaultApplication.class, properties = "hrm.vault.max-event-bytes=262144")
@EmbeddedKafka
@DirtiesContext
class KeyVaultIT {
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    private static final String PATIENT_TOPIC = Topic.RECORD_SUBMITTED.name(Domain.PATIENT);
    private static final String PRACTITIONER_TOPIC = Topic.RECORD_SUBMITTED.name(Domain.PRACTITIONER);

    private final EventCodec codec = new EventCodec();
    private KafkaProbe kafka;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Autowired
    private OuterDecryption outerDecryption;

    @Autowired
    private Pseudonyms pseudonyms;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestAuthorities.trust(registry);
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/keyvault");
        registry.add(
                "spring.kafka.bootstrap-servers",
                () -> System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS));
        registry.add(
                "HRM_VAULT_MASTER_KEYS",
                () -> MasterKeyRing.generateKeyFileContent().replace("\n", ";"));
    }

    @BeforeEach
    void connect() {
        kafka = new KafkaProbe(broker.getBrokersAsString());
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
    void sealsASubmissionIntoOneRecordSealedWhoseC2RemoveOuterLayerTurnsBackIntoTheExactC1() {
        RecordSubmitted event = submitted(Domain.PATIENT, owner());

        kafka.submit(PATIENT_TOPIC, event);

        ConsumerRecord<String, byte[]> out =
                kafka.awaitSealed(Domain.PATIENT, event.recordId(), 1).get(0);
        RecordSealed sealed = codec.decode(out.value(), RecordSealed.class);
        assertThat(sealed.ownerPseudonym()).isEqualTo(pseudonyms.of(RecordDomain.PATIENT, event.ownerId()));
        assertThat(sealed.shares().get(0).readerPseudonym())
                .isEqualTo(pseudonyms.of(
                        RecordDomain.PATIENT, event.shares().get(0).readerId()));
        assertThat(sealed.shares().get(1).share())
                .isEqualTo(event.shares().get(1).share());
        assertThat(sealed.authorSignature()).isEqualTo(event.authorSignature());
        assertThat(new String(out.value())).doesNotContain(event.ownerId()).doesNotContain(event.authorId());
        assertThat(header(out, EventHeaders.EVENT_TYPE)).isEqualTo("RecordSealed");
        assertThat(header(out, EventHeaders.SCHEMA_VERSION)).isEqualTo("2");
        assertThat(UUID.fromString(header(out, EventHeaders.EVENT_ID))).isNotNull();
        assertThat(outerDecryption.removeOuterLayer(Domain.PATIENT, event.recordId(), sealed.outerCiphertext()))
                .isEqualTo(event.innerCiphertext());
    }

    @Test
    void keepsOneKeyForTheSameSubmissionSentTwiceAndPublishesItAgain() {
        RecordSubmitted event = submitted(Domain.PATIENT, owner());

        kafka.submit(PATIENT_TOPIC, event);
        kafka.submit(PATIENT_TOPIC, event);

        List<ConsumerRecord<String, byte[]>> outs = kafka.awaitSealed(Domain.PATIENT, event.recordId(), 2);
        assertThat(recordKeys("patient_record_keys", event.recordId())).isEqualTo(1);
        for (ConsumerRecord<String, byte[]> out : outs) {
            byte[] c2 = codec.decode(out.value(), RecordSealed.class).outerCiphertext();
            assertThat(outerDecryption.removeOuterLayer(Domain.PATIENT, event.recordId(), c2))
                    .isEqualTo(event.innerCiphertext());
        }
    }

    @Test
    void deadLettersDifferentContentUnderASealedRecordIdWithTheReason() {
        RecordSubmitted event = submitted(Domain.PATIENT, owner());
        kafka.submit(PATIENT_TOPIC, event);
        kafka.awaitSealed(Domain.PATIENT, event.recordId(), 1);

        kafka.submit(PATIENT_TOPIC, TestEvents.withOtherC1(event));

        ConsumerRecord<String, byte[]> deadLetter = kafka.awaitDeadLetter(event.recordId());
        assertThat(header(deadLetter, EventHeaders.DLT_REASON))
                .isEqualTo("record " + event.recordId() + " already sealed with different content");
        assertThat(kafka.sealedCount(Domain.PATIENT, event.recordId())).isEqualTo(1);
    }

    @Test
    void deadLettersASubmissionSignedByAKeyOtherThanItsRegisteredAuthorsAndSealsNothing() {
        RecordSubmitted genuine = submitted(Domain.PATIENT, owner());
        RecordSubmitted forged = new RecordSubmitted(
                genuine.recordId(),
                genuine.domain(),
                genuine.ownerId(),
                genuine.authorId(),
                genuine.innerCiphertext(),
                genuine.shares(),
                P256KeyPair.generate().sign(genuine.signedBytes()),
                genuine.submittedAt());

        kafka.submit(PATIENT_TOPIC, forged);

        ConsumerRecord<String, byte[]> deadLetter = kafka.awaitDeadLetter(forged.recordId());
        assertThat(header(deadLetter, EventHeaders.DLT_REASON))
                .isEqualTo("record " + forged.recordId() + " is not signed by author " + forged.authorId()
                        + "'s current key");
        assertThat(kafka.sealedCount(Domain.PATIENT, forged.recordId())).isZero();
        assertThat(recordKeys("patient_record_keys", forged.recordId())).isZero();
    }

    @Test
    void deadLettersEachBadInputWithItsReasonWhileAValidRecordAfterThemIsStillSealed() {
        RecordSubmitted valid = submitted(Domain.PATIENT, owner());
        String dentist = new String(json(submitted(Domain.PATIENT, owner()))).replace("\"PATIENT\"", "\"DENTIST\"");
        String noOwner = new String(json(submitted(Domain.PATIENT, owner()))).replace("\"ownerId\"", "\"owner\"");
        List<BadInput> badInputs = List.of(
                new BadInput(SUBMITTED_TYPE, utf8("{\"recordId\": [}"), "malformed RecordSubmitted"),
                new BadInput("ConsentGranted", json(valid), "unknown event type 'ConsentGranted'"),
                new BadInput(null, json(valid), "unknown event type (no hrm-event-type header)"),
                new BadInput(SUBMITTED_TYPE, utf8(noOwner), "invalid RecordSubmitted: missing field ownerId"),
                new BadInput(SUBMITTED_TYPE, new byte[300 * 1024], "oversized event: 307200 bytes, limit 262144"),
                new BadInput(SUBMITTED_TYPE, utf8(dentist), "DENTIST"),
                new BadInput(SUBMITTED_TYPE, json(submitted(Domain.PRACTITIONER, owner())), "domain mismatch: topic "));

        badInputs.forEach(bad -> kafka.send(PATIENT_TOPIC, bad.key(), bad.value(), bad.type()));
        kafka.submit(PATIENT_TOPIC, valid);

        kafka.awaitSealed(Domain.PATIENT, valid.recordId(), 1);
        for (BadInput bad : badInputs) {
            ConsumerRecord<String, byte[]> deadLetter = kafka.awaitDeadLetter(bad.key());
            assertThat(header(deadLetter, EventHeaders.DLT_REASON)).contains(bad.reason());
            assertThat(header(deadLetter, EventHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(PATIENT_TOPIC);
            assertThat(header(deadLetter, EventHeaders.DLT_ORIGINAL_PARTITION)).matches("\\d+");
            assertThat(header(deadLetter, EventHeaders.DLT_ORIGINAL_OFFSET)).matches("\\d+");
            assertThat(header(deadLetter, EventHeaders.DLT_SERVICE)).isEqualTo("KEY_VAULT");
            assertThat(deadLetter.value()).as("the payload is not kept").isNull();
            assertThat(header(deadLetter, EventHeaders.DLT_PAYLOAD_SHA256))
                    .isEqualTo(DeadLetterRecords.digest(bad.value()));
            assertThat(header(deadLetter, EventHeaders.DLT_PAYLOAD_BYTES))
                    .isEqualTo(Integer.toString(bad.value().length));
        }
    }

    @Test
    void keepsPatientAndPractitionerKeysInTheirOwnCollections() {
        String sameOwnerId = owner();
        RecordSubmitted patient = submitted(Domain.PATIENT, sameOwnerId);
        RecordSubmitted practitioner = submitted(Domain.PRACTITIONER, sameOwnerId);

        kafka.submit(PATIENT_TOPIC, patient);
        kafka.submit(PRACTITIONER_TOPIC, practitioner);

        kafka.awaitSealed(Domain.PRACTITIONER, practitioner.recordId(), 1);
        byte[] patientC2 = codec.decode(
                        kafka.awaitSealed(Domain.PATIENT, patient.recordId(), 1)
                                .get(0)
                                .value(),
                        RecordSealed.class)
                .outerCiphertext();
        assertThat(recordKeys("patient_record_keys", patient.recordId())).isEqualTo(1);
        assertThat(recordKeys("practitioner_record_keys", patient.recordId())).isZero();
        assertThat(recordKeys("practitioner_record_keys", practitioner.recordId()))
                .isEqualTo(1);
        assertThat(recordKeys("patient_record_keys", practitioner.recordId())).isZero();
        assertThat(recordKeys("patient_owner_keys", sameOwnerId)).isEqualTo(1);
        assertThat(recordKeys("practitioner_owner_keys", sameOwnerId)).isEqualTo(1);
        assertThatThrownBy(() -> outerDecryption.removeOuterLayer(Domain.PRACTITIONER, patient.recordId(), patientC2))
                .isInstanceOf(RecordKeyNotFoundException.class);
    }

    @Test
    void givesTwoRecordsOfANewOwnerOneKekAndStoresNoSecretInClear() {
        String ownerId = owner();
        RecordSubmitted first = submitted(Domain.PATIENT, ownerId);
        RecordSubmitted second = submitted(Domain.PATIENT, ownerId);

        kafka.submit(PATIENT_TOPIC, first);
        kafka.submit(PATIENT_TOPIC, second);

        kafka.awaitSealed(Domain.PATIENT, first.recordId(), 1);
        kafka.awaitSealed(Domain.PATIENT, second.recordId(), 1);
        Document ownerKey = document("patient_owner_keys", ownerId);
        assertThat(document("patient_record_keys", first.recordId()).getString("kekId"))
                .isEqualTo(ownerKey.getString("kekId"));
        assertThat(document("patient_record_keys", second.recordId()).getString("kekId"))
                .isEqualTo(ownerKey.getString("kekId"));
        assertThat(ownerKey.getInteger("masterKeyVersion")).isEqualTo(1);
        Document recordKey = document("patient_record_keys", first.recordId());
        assertThat(recordKey.keySet())
                .containsExactlyInAnyOrder(
                        "_id",
                        "ownerId",
                        "kekId",
                        "wrappedK2",
                        "submissionDigest",
                        "createdAt",
                        "provenance",
                        "pseudonymVersion");
        // The provenance handed out with releases: public on chain already (shares, signature), never C1.
        assertThat(recordKey.get("provenance", Document.class).keySet())
                .containsExactlyInAnyOrder("authorId", "shares", "authorSignature", "category");
    }

    @Test
    void runsTheStorePathWithTheReleasePathOffWhenNoChainIsConfigured() {
        assertThat(context.getBeanProvider(RecordRelease.class).getIfAvailable())
                .isNull();
        assertThat(context.containsBean("releaseListenerContainer")).isFalse();
    }

    private long recordKeys(String collection, String id) {
        return mongo.getCollection(collection).countDocuments(eq("_id", id));
    }

    private Document document(String collection, String id) {
        return mongo.getCollection(collection).find(eq("_id", id)).first();
    }

    /** A record that must be dead-lettered, keyed by a fresh id so its dead letter can be found. */
    private record BadInput(String type, byte[] value, String reason, String key) {
        BadInput(String type, byte[] value, String reason) {
            this(type, value, reason, UUID.randomUUID().toString());
        }
    }
}

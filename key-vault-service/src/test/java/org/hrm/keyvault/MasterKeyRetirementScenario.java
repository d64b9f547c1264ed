package org.hrm.keyvault;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrm.keyvault.TestEvents.json;
import static org.hrm.keyvault.TestEvents.owner;
import static org.hrm.keyvault.TestEvents.submitted;

import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.DestroyedKey;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.VaultCommand;
import org.hrm.contracts.events.VaultProgress;
import org.hrm.keyvault.application.OuterDecryption;
import org.hrm.keyvault.application.RecordKeyNotFoundException;
import org.hrm.keyvault.domain.CiphertextRejectedException;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.MasterKeyRingException;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedOwnerKey;
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
 * Why master key versions are retired: a copy of the vault's database taken before an erasure still holds the
 * erased owner's KEK (or, after a single-record erasure, the owner's old KEK, which the re-key replaced), wrapped
 * under the master key version of the day. Once the operator ROTATEs to a new version and RETIREs the old one, that
 * copy unwraps nothing, while the live vault serves every other record. Run once per custody (key file, PKCS#11).
 */
@SpringBootTest(classes = KeyVaultApplication.class)
@EmbeddedKafka
@DirtiesContext
abstract class MasterKeyRetirementScenario {

    private final EventCodec codec = new EventCodec();

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Autowired
    private OuterDecryption outerDecryption;

    @Autowired
    private KeyHierarchy keyHierarchy;

    @Autowired
    private MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestAuthorities.trust(registry);
        registry.add(
                "spring.kafka.bootstrap-servers",
                () -> System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS));
    }

    /** A MongoDB-wire server of the subclass's own, stopped after its test. */
    static MongoServer mongo(DynamicPropertyRegistry registry) {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + address.getPort() + "/keyvault");
        return server;
    }

    /** What the operator does before ROTATE, if anything (append the next version to the key file). */
    abstract void prepareVersion(int version) throws IOException;

    /** Checks that the custody no longer holds {@code version} anywhere. */
    abstract void assertDestroyed(int version) throws Exception;

    @Test
    void makesABackupTakenBeforeAnErasureUselessOnceTheMasterKeyVersionItWasMadeUnderIsRetired() throws Exception {
        try (KafkaProbe kafka = new KafkaProbe(broker.getBrokersAsString())) {
            String erasedOwner = owner();
            String keptOwner = owner();
            Map<RecordSubmitted, byte[]> erased = seal(kafka, erasedOwner, 2);
            Map<RecordSubmitted, byte[]> kept = seal(kafka, keptOwner, 2);
            String rekeyedOwner = owner();
            Map<RecordSubmitted, byte[]> rekeyed = seal(kafka, rekeyedOwner, 3);
            RecordSubmitted erasedOne = rekeyed.keySet().iterator().next();
            List<Document> backupOwnerKeys = dump("patient_owner_keys");
            List<Document> backupRecordKeys = dump("patient_record_keys");
            WrappedOwnerKey backupKek = ownerKey(find(backupOwnerKeys, erasedOwner));
            WrappedOwnerKey backupRekeyedKek = ownerKey(find(backupOwnerKeys, rekeyedOwner));
            byte[] backupErasedK2 = find(backupRecordKeys, erasedOne.recordId())
                    .get("wrappedK2", Binary.class)
                    .getData();
            erase(kafka, erasedOwner);
            KeysDestroyed single = eraseOne(kafka, rekeyedOwner, erasedOne.recordId());
            assertThat(single.keys())
                    .containsExactly(
                            new DestroyedKey("KEK", backupRekeyedKek.kekId(), null, 1),
                            new DestroyedKey("K2", erasedOne.recordId(), erasedOne.recordId(), 0));
            WrappedOwnerKey liveRekeyedKek = ownerKey(find(dump("patient_owner_keys"), rekeyedOwner));
            assertThat(liveRekeyedKek.kekId()).isNotEqualTo(backupRekeyedKek.kekId());
            // Already now the live KEK does not open the backup's K2; only the backup's own KEK (under v1) does.
            assertThat(unwrapsUnder(liveRekeyedKek, rekeyedOwner, erasedOne.recordId(), backupErasedK2))
                    .isFalse();
            assertThat(unwrapsUnder(backupRekeyedKek, rekeyedOwner, erasedOne.recordId(), backupErasedK2))
                    .isTrue();
            assertThat(command(kafka, "RETIRE", 1).message()).contains("not older than the newest version v1");
            prepareVersion(2);
            VaultProgress rotated = command(kafka, "ROTATE", 0);
            assertThat(rotated.state()).isEqualTo("DONE");
            assertThat(dump("patient_owner_keys")).allMatch(key -> key.getInteger("masterKeyVersion") == 2);
            byte[] beforeRetirement = keyHierarchy.unwrapOwnerKey(RecordDomain.PATIENT, backupKek);
            Arrays.fill(beforeRetirement, (byte) 0);

            VaultProgress retired = command(kafka, "RETIRE", 1);

            assertThat(retired.state()).isEqualTo("DONE");
            assertDestroyed(1);
            assertThatThrownBy(() -> keyHierarchy.unwrapOwnerKey(RecordDomain.PATIENT, backupKek))
                    .isInstanceOf(MasterKeyRingException.class)
                    .hasMessageContaining("v1");
            restore("patient_owner_keys", List.of(find(backupOwnerKeys, erasedOwner)));
            restore(
                    "patient_record_keys",
                    erased.keySet().stream()
                            .map(record -> find(backupRecordKeys, record.recordId()))
                            .toList());
            erased.forEach((record, c2) -> assertThatThrownBy(
                            () -> outerDecryption.removeOuterLayer(Domain.PATIENT, record.recordId(), c2))
                    .isInstanceOf(MasterKeyRingException.class));
            kept.forEach(
                    (record, c2) -> assertThat(outerDecryption.removeOuterLayer(Domain.PATIENT, record.recordId(), c2))
                            .isEqualTo(record.innerCiphertext()));

            // The single-record erasure: the backup's K2 of the erased record is under the old KEK, which exists
            // only in the backup, wrapped under retired v1; the live (re-wrapped under v2) KEK is another key.
            WrappedOwnerKey liveAfterRetirement = ownerKey(find(dump("patient_owner_keys"), rekeyedOwner));
            assertThat(liveAfterRetirement.kekId()).isEqualTo(liveRekeyedKek.kekId());
            assertThat(liveAfterRetirement.masterKeyVersion()).isEqualTo(2);
            assertThatThrownBy(() -> keyHierarchy.unwrapOwnerKey(RecordDomain.PATIENT, backupRekeyedKek))
                    .isInstanceOf(MasterKeyRingException.class)
                    .hasMessageContaining("v1");
            assertThat(unwrapsUnder(liveAfterRetirement, rekeyedOwner, erasedOne.recordId(), backupErasedK2))
                    .isFalse();
            rekeyed.forEach((record, c2) -> {
                if (record != erasedOne) {
                    assertThat(outerDecryption.removeOuterLayer(Domain.PATIENT, record.recordId(), c2))
                            .isEqualTo(record.innerCiphertext());
                }
            });
            restore("patient_record_keys", List.of(find(backupRecordKeys, erasedOne.recordId())));
            assertThatThrownBy(() -> outerDecryption.removeOuterLayer(
                            Domain.PATIENT, erasedOne.recordId(), rekeyed.get(erasedOne)))
                    .isInstanceOf(RecordKeyNotFoundException.class);
            restore("patient_owner_keys", List.of(find(backupOwnerKeys, rekeyedOwner)));
            assertThatThrownBy(() -> outerDecryption.removeOuterLayer(
                            Domain.PATIENT, erasedOne.recordId(), rekeyed.get(erasedOne)))
                    .isInstanceOf(MasterKeyRingException.class);
        }
    }

    /** Whether {@code wrappedK2} of the record unwraps under this owner KEK (unwrapped with the live ring). */
    private boolean unwrapsUnder(WrappedOwnerKey kek, String ownerId, String recordId, byte[] wrappedK2) {
        byte[] key = keyHierarchy.unwrapOwnerKey(RecordDomain.PATIENT, kek);
        try {
            byte[] k2 = keyHierarchy.unwrapRecordKey(key, RecordDomain.PATIENT, ownerId, recordId, wrappedK2);
            Arrays.fill(k2, (byte) 0);
            return true;
        } catch (CiphertextRejectedException e) {
            return false;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private KeysDestroyed eraseOne(KafkaProbe kafka, String ownerId, String recordId) {
        ErasureRequested request = new ErasureRequested(
                        UUID.randomUUID().toString(), Domain.PATIENT, ownerId, recordId, Instant.now())
                .signedBy(TestAuthorities.key(ownerId));
        kafka.send(Topic.ERASURE_REQUESTED.name(Domain.PATIENT), ownerId, json(request), "ErasureRequested");
        return codec.decode(
                kafka.awaitKeysDestroyed(Domain.PATIENT, request.requestId(), 1)
                        .get(0)
                        .value(),
                KeysDestroyed.class);
    }

    private Map<RecordSubmitted, byte[]> seal(KafkaProbe kafka, String ownerId, int count) {
        Map<RecordSubmitted, byte[]> sealed = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            RecordSubmitted record = submitted(Domain.PATIENT, ownerId);
            kafka.submit(Topic.RECORD_SUBMITTED.name(Domain.PATIENT), record);
            byte[] c2 = codec.decode(
                            kafka.awaitSealed(Domain.PATIENT, record.recordId(), 1)
                                    .get(0)
                                    .value(),
                            RecordSealed.class)
                    .outerCiphertext();
            sealed.put(record, c2);
        }
        return sealed;
    }

    private static void erase(KafkaProbe kafka, String ownerId) {
        ErasureRequested request = new ErasureRequested(
                        UUID.randomUUID().toString(), Domain.PATIENT, ownerId, null, Instant.now())
                .signedBy(TestAuthorities.key(ownerId));
        kafka.send(Topic.ERASURE_REQUESTED.name(Domain.PATIENT), ownerId, json(request), "ErasureRequested");
        kafka.awaitKeysDestroyed(Domain.PATIENT, request.requestId(), 1);
    }

    /** Sends an operator's command and returns its last progress (DONE or FAILED). */
    private static VaultProgress command(KafkaProbe kafka, String command, int version) {
        VaultCommand sent = new VaultCommand(UUID.randomUUID().toString(), command, version, Instant.now())
                .signedBy(TestAuthorities.OPERATOR_ID, TestAuthorities.OPERATOR);
        kafka.send(Topic.VAULT_COMMANDS.topicName(), sent.commandId(), json(sent), "VaultCommand");
        List<VaultProgress> progress = kafka.awaitFinished(sent.commandId());
        return progress.get(progress.size() - 1);
    }

    private List<Document> dump(String collection) {
        return mongo.getCollection(collection).find().into(new ArrayList<>());
    }

    private void restore(String collection, List<Document> documents) {
        documents.forEach(document -> mongo.getCollection(collection)
                .replaceOne(eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true)));
    }

    private static Document find(List<Document> documents, String id) {
        return documents.stream()
                .filter(document -> id.equals(document.getString("_id")))
                .findFirst()
                .orElseThrow();
    }

    private static WrappedOwnerKey ownerKey(Document document) {
        return new WrappedOwnerKey(
                document.getString("_id"),
                document.getString("kekId"),
                document.get("wrappedKek", Binary.class).getData(),
                document.getInteger("masterKeyVersion"),
                document.getDate("createdAt").toInstant());
    }
}

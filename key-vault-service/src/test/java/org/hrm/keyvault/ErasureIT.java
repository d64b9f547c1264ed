package org.hrm.keyvault;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrm.keyvault.KafkaProbe.header;
import static org.hrm.keyvault.TestEvents.json;
import static org.hrm.keyvault.TestEvents.owner;
import static org.hrm.keyvault.TestEvents.submitted;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessBasis;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.DestroyedKey;
import org.hrm.contracts.events.ErasedRecord;
import org.hrm.contracts.events.ErasureCommitted;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.Tombstone;
import org.hrm.keyvault.application.OuterDecryption;
import org.hrm.keyvault.application.RecordKeyNotFoundException;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.hrm.keyvault.domain.Pseudonyms;
import org.hrm.keyvault.domain.ReceiptSigningKey;
import org.hrm.keyvault.domain.RecordDomain;
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
 * The erasure flow at the vault, end to end: read this first for erasure. Records of two owners are sealed and put
 * on a real ledger (Anvil); ErasureRequested goes in, KeysDestroyed comes out, and from then on the erased records
 * answer "record erased" while every other record still releases; ErasureCommitted gets a signed ErasureReceipt.
 */
@SpringBootTest(classes = KeyVaultApplication.class)
@EmbeddedKafka
@DirtiesContext
class ErasureIT {
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    private static final LedgerWrites CHAIN = LedgerWrites.start();
    private static final TestConsent CONSENT = TestConsent.generate();
    private static final String RECEIPT_KEY = ReceiptSigningKey.generateReceiptKeyFileContent();

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

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestAuthorities.trust(registry);
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/keyvault");
        registry.add(
                "spring.kafka.bootstrap-servers",
                () -> System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS));
        registry.add("HRM_VAULT_MASTER_KEYS", MasterKeyRing::generateKeyFileContent);
        registry.add("hrm.vault.receipt-key-file", ErasureIT::receiptKeyFile);
        registry.add("hrm.vault.consent-public-key", CONSENT::publicKeyBase64);
        registry.add("hrm.vault.chain.rpc-url", CHAIN::rpcUrl);
        registry.add("hrm.vault.chain.contracts.patient", () -> CHAIN.contract(Domain.PATIENT));
        registry.add("hrm.vault.chain.contracts.practitioner", () -> CHAIN.contract(Domain.PRACTITIONER));
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
    static void stopInfrastructure() {
        CHAIN.close();
        MONGO.shutdownNow();
    }

    @Test
    void erasesOneRecordSoThatItAloneAnswersRecordErasedWhileEveryOtherRecordStillReleases() {
        String alice = owner();
        String bob = owner();
        List<Sealed> alices = sealedAndOnChain(Domain.PATIENT, alice, 3);
        List<Sealed> bobs = sealedAndOnChain(Domain.PATIENT, bob, 2);
        Sealed erased = alices.get(0);
        String kekId = document("patient_owner_keys", alice).getString("kekId");
        ErasureRequested request = erasure(Domain.PATIENT, alice, erased.recordId());

        request(request);

        ConsumerRecord<String, byte[]> out =
                kafka.awaitKeysDestroyed(Domain.PATIENT, request.requestId(), 1).get(0);
        KeysDestroyed destroyed = codec.decode(out.value(), KeysDestroyed.class);
        assertThat(out.key()).isEqualTo(alice);
        assertThat(header(out, EventHeaders.EVENT_TYPE)).isEqualTo("KeysDestroyed");
        assertThat(destroyed.allRecords()).isFalse();
        assertThat(destroyed.records()).singleElement().satisfies(record -> {
            assertThat(record.recordId()).isEqualTo(erased.recordId());
            assertThat(record.ownerPseudonym()).isEqualTo(pseudonyms.of(RecordDomain.PATIENT, alice));
        });
        assertThat(destroyed.keys())
                .containsExactly(
                        new DestroyedKey("KEK", kekId, null, 1),
                        new DestroyedKey("K2", erased.recordId(), erased.recordId(), 0));
        assertThat(document("patient_record_keys", erased.recordId())).isNull();
        assertThat(kafka.awaitTombstones(Domain.PATIENT, erased.recordId()))
                .as("tombstones that let compaction remove the copies of C1 on both topics")
                .extracting(ConsumerRecord::topic)
                .containsExactlyInAnyOrder(
                        Topic.RECORD_SUBMITTED.name(Domain.PATIENT), Topic.RECORD_RELEASED.name(Domain.PATIENT));
        // Alice is re-keyed: a new KEK, nothing staged, and her other records' K2s name it.
        Document aliceKeys = document("patient_owner_keys", alice);
        String newKekId = aliceKeys.getString("kekId");
        assertThat(newKekId).isNotEqualTo(kekId);
        assertThat(aliceKeys.containsKey("pendingKekId")).isFalse();
        assertThat(aliceKeys.containsKey("pendingWrappedKek")).isFalse();
        for (Sealed kept : List.of(alices.get(1), alices.get(2))) {
            assertThat(document("patient_record_keys", kept.recordId()).getString("kekId"))
                    .isEqualTo(newKekId);
        }
        assertThat(releaseDenial(erased)).isEqualTo("record erased");
        assertThatThrownBy(() -> open(erased)).isInstanceOf(RecordKeyNotFoundException.class);
        for (Sealed kept : List.of(alices.get(1), alices.get(2), bobs.get(0), bobs.get(1))) {
            assertThat(TestConsent.REQUESTER.open(released(kept))).isEqualTo(kept.c1());
            assertThat(open(kept)).isEqualTo(kept.c1());
        }
    }

    @Test
    void erasesAllOfAnOwnersRecordsByDestroyingTheirKekAndLeavesOtherOwnersAndTheOtherDomainAlone() {
        String alice = owner();
        String bob = owner();
        List<Sealed> alices = sealedAndOnChain(Domain.PATIENT, alice, 3);
        List<Sealed> bobs = sealedAndOnChain(Domain.PATIENT, bob, 2);
        Sealed alicesPractitionerRecord =
                sealedAndOnChain(Domain.PRACTITIONER, alice, 1).get(0);
        String kekId = document("patient_owner_keys", alice).getString("kekId");
        ErasureRequested request = erasure(Domain.PATIENT, alice, null);

        request(request);

        KeysDestroyed destroyed = codec.decode(
                kafka.awaitKeysDestroyed(Domain.PATIENT, request.requestId(), 1)
                        .get(0)
                        .value(),
                KeysDestroyed.class);
        assertThat(destroyed.allRecords()).isTrue();
        assertThat(destroyed.records())
                .extracting(ErasedRecord::recordId)
                .containsExactlyInAnyOrderElementsOf(
                        alices.stream().map(Sealed::recordId).toList());
        assertThat(destroyed.keys())
                .contains(new DestroyedKey("KEK", kekId, null, 1))
                .hasSize(4);
        assertThat(document("patient_owner_keys", alice)).isNull();
        assertThat(document("practitioner_owner_keys", alice)).isNotNull();
        for (Sealed gone : alices) {
            assertThat(releaseDenial(gone)).isEqualTo("record erased");
            assertThatThrownBy(() -> open(gone)).isInstanceOf(RecordKeyNotFoundException.class);
        }
        for (Sealed kept : bobs) {
            assertThat(TestConsent.REQUESTER.open(released(kept))).isEqualTo(kept.c1());
        }
        assertThat(open(alicesPractitionerRecord)).isEqualTo(alicesPractitionerRecord.c1());
    }

    @Test
    void answersTheSameErasureRequestedAgainWithTheSameKeysDestroyedAndTouchesNothingElse() {
        String alice = owner();
        List<Sealed> alices = sealedAndOnChain(Domain.PATIENT, alice, 2);
        ErasureRequested request = erasure(Domain.PATIENT, alice, alices.get(0).recordId());
        request(request);
        ConsumerRecord<String, byte[]> first =
                kafka.awaitKeysDestroyed(Domain.PATIENT, request.requestId(), 1).get(0);
        List<Document> recordKeys = all("patient_record_keys");
        List<Document> ownerKeys = all("patient_owner_keys");

        request(request);

        ConsumerRecord<String, byte[]> again =
                kafka.awaitKeysDestroyed(Domain.PATIENT, request.requestId(), 2).get(1);
        assertThat(again.value()).isEqualTo(first.value());
        assertThat(header(again, EventHeaders.EVENT_ID)).isEqualTo(header(first, EventHeaders.EVENT_ID));
        assertThat(all("patient_record_keys")).isEqualTo(recordKeys);
        assertThat(all("patient_owner_keys")).isEqualTo(ownerKeys);
        assertThat(open(alices.get(1))).isEqualTo(alices.get(1).c1());
    }

    @Test
    void deadLettersAReplayedSubmissionOfAnErasedRecordInsteadOfSealingItAgain() {
        String alice = owner();
        Sealed erased = sealedAndOnChain(Domain.PATIENT, alice, 1).get(0);
        ErasureRequested request = erasure(Domain.PATIENT, alice, null);
        request(request);
        kafka.awaitKeysDestroyed(Domain.PATIENT, request.requestId(), 1);

        submit(erased.submitted());

        assertThat(header(kafka.awaitDeadLetter(erased.recordId()), EventHeaders.DLT_REASON))
                .isEqualTo("record " + erased.recordId() + " was erased");
        assertThat(kafka.sealedCount(Domain.PATIENT, erased.recordId())).isEqualTo(1);
        assertThat(document("patient_record_keys", erased.recordId())).isNull();
    }

    @Test
    void signsAReceiptForACommittedErasureThatVerifiesWithTheVaultsPublishedKey() {
        String alice = owner();
        List<Sealed> alices = sealedAndOnChain(Domain.PATIENT, alice, 2);
        ErasureRequested request = erasure(Domain.PATIENT, alice, null);
        request(request);
        KeysDestroyed destroyed = codec.decode(
                kafka.awaitKeysDestroyed(Domain.PATIENT, request.requestId(), 1)
                        .get(0)
                        .value(),
                KeysDestroyed.class);
        ErasureCommitted committed = committed(destroyed);

        commit(committed);
        commit(committed);

        List<ConsumerRecord<String, byte[]>> receipts = kafka.awaitReceipts(Domain.PATIENT, request.requestId(), 2);
        ErasureReceipt receipt = KafkaProbe.receipt(receipts.get(0));
        assertThat(ReceiptSigningKey.verifies(
                        ReceiptSigningKey.receiptPublicKeyBase64(RECEIPT_KEY),
                        receipt.signedBytes(),
                        receipt.vaultSignature()))
                .isTrue();
        assertThat(receipts.get(1).value()).isEqualTo(receipts.get(0).value());
        assertThat(receipt.recordIds())
                .containsExactlyInAnyOrderElementsOf(
                        alices.stream().map(Sealed::recordId).toList());
        assertThat(receipt.keys()).isEqualTo(destroyed.keys());
        assertThat(receipt.destroyedAt()).isEqualTo(destroyed.destroyedAt());
        assertThat(receipt.tombstones()).isEqualTo(committed.tombstones());
        assertThat(receipt.contractAddress()).isEqualTo(committed.contractAddress());
        assertThat(document("patient_erasures", request.requestId()).getString("state"))
                .isEqualTo("RECEIPTED");
    }

    /** A sealed record as the chain holds it: what was submitted (C1) and the vault's C2. */
    private record Sealed(RecordSubmitted submitted, byte[] c2) {
        String recordId() {
            return submitted.recordId();
        }

        byte[] c1() {
            return submitted.innerCiphertext();
        }
    }

    private List<Sealed> sealedAndOnChain(Domain domain, String ownerId, int count) {
        List<Sealed> sealed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordSubmitted record = submitted(domain, ownerId);
            submit(record);
            RecordSealed out = codec.decode(
                    kafka.awaitSealed(domain, record.recordId(), 1).get(0).value(), RecordSealed.class);
            CHAIN.store(out);
            sealed.add(new Sealed(record, out.outerCiphertext()));
        }
        return sealed;
    }

    private void submit(RecordSubmitted record) {
        kafka.submit(Topic.RECORD_SUBMITTED.name(record.domain()), record);
    }

    private static ErasureRequested erasure(Domain domain, String ownerId, String recordId) {
        return new ErasureRequested(UUID.randomUUID().toString(), domain, ownerId, recordId, Instant.now())
                .signedBy(TestAuthorities.key(ownerId));
    }

    private void request(ErasureRequested request) {
        kafka.register(request.ownerId());
        kafka.send(
                Topic.ERASURE_REQUESTED.name(request.domain()), request.ownerId(), json(request), "ErasureRequested");
    }

    private void commit(ErasureCommitted committed) {
        kafka.send(
                Topic.ERASURE_COMMITTED.name(committed.domain()),
                committed.ownerId(),
                json(committed),
                "ErasureCommitted");
    }

    /** What the ledger writer would report once the tombstones are confirmed. */
    private static ErasureCommitted committed(KeysDestroyed destroyed) {
        List<Tombstone> tombstones = new ArrayList<>();
        for (int i = 0; i < destroyed.records().size(); i++) {
            tombstones.add(new Tombstone(destroyed.records().get(i).recordId(), "0x" + "7e".repeat(32), 101, i));
        }
        return new ErasureCommitted(
                destroyed.requestId(),
                destroyed.domain(),
                destroyed.ownerId(),
                CHAIN.contract(destroyed.domain()),
                tombstones,
                Instant.now());
    }

    private RecordReleased released(Sealed record) {
        AccessDecided decision = ownersDecision(record);
        return codec.decode(
                kafka.awaitReleased(decision.domain(), decision.requestId()).value(), RecordReleased.class);
    }

    private String releaseDenial(Sealed record) {
        AccessDecided decision = ownersDecision(record);
        return kafka.awaitDenied(decision.domain(), decision.requestId()).reason();
    }

    private AccessDecided ownersDecision(Sealed record) {
        RecordSubmitted submitted = record.submitted();
        AccessDecided decision =
                CONSENT.allow(submitted.domain(), submitted.recordId(), AccessBasis.OWNER, submitted.ownerId(), null);
        kafka.send(Topic.ACCESS_DECIDED.name(decision.domain()), decision.recordId(), json(decision), "AccessDecided");
        return decision;
    }

    private byte[] open(Sealed record) {
        return outerDecryption.removeOuterLayer(record.submitted().domain(), record.recordId(), record.c2());
    }

    private Document document(String collection, String id) {
        return mongo.getCollection(collection).find(eq("_id", id)).first();
    }

    private List<Document> all(String collection) {
        return mongo.getCollection(collection).find().into(new ArrayList<>());
    }

    private static String receiptKeyFile() {
        try {
            Path file = Files.createTempFile("hrm-receipt", ".key");
            file.toFile().deleteOnExit();
            return Files.writeString(file, RECEIPT_KEY).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

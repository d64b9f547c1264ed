package org.hrm.keyvault;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.keyvault.KafkaProbe.header;
import static org.hrm.keyvault.TestEvents.json;
import static org.hrm.keyvault.TestEvents.owner;
import static org.hrm.keyvault.TestEvents.randomBytes;
import static org.hrm.keyvault.TestEvents.submitted;
import static org.hrm.keyvault.TestEvents.utf8;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.types.Binary;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessBasis;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.keyvault.domain.MasterKeyRing;
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
 * The fetch flow at the vault, end to end: read this first for the release path. Records are sealed by the vault
 * from a RecordSubmitted and written to a real ledger (Anvil) as the ledger writer would; signed AccessDecided go
 * in, and RecordReleased (C1 and the reader's share, both read from the chain) or RecordReleaseDenied come out.
 */
@SpringBootTest(classes = KeyVaultApplication.class)
@EmbeddedKafka
@DirtiesContext
class RecordReleaseIT {
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    private static final LedgerWrites CHAIN = LedgerWrites.start();
    private static final TestConsent CONSENT = TestConsent.generate();
    private static final String DECIDED_TYPE = "AccessDecided";

    private final EventCodec codec = new EventCodec();
    private KafkaProbe kafka;

    @Autowired
    private EmbeddedKafkaBroker broker;

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
    void releasesExactlyTheSubmittedC1AndTheOwnersShareToTheOwner() throws InterruptedException {
        RecordSubmitted record = sealedAndOnChain(Domain.PATIENT);
        AccessDecided decision =
                CONSENT.allow(Domain.PATIENT, record.recordId(), AccessBasis.OWNER, record.ownerId(), null);

        decide(decision);

        ConsumerRecord<String, byte[]> out = kafka.awaitReleased(Domain.PATIENT, decision.requestId());
        RecordReleased released = codec.decode(out.value(), RecordReleased.class);
        assertThat(TestConsent.REQUESTER.open(released)).isEqualTo(record.innerCiphertext());
        assertThat(released.share().readerId()).isEqualTo(record.ownerId());
        assertThat(released.share().share()).isEqualTo(record.shares().get(0).share());
        assertThat(released.requesterId()).isEqualTo(record.ownerId());
        // The provenance the vault kept at sealing: what a reader verifies after record-submitted dropped it.
        assertThat(released.submission(record.innerCiphertext()).orElseThrow().signedBytes())
                .isEqualTo(record.signedBytes());
        assertThat(released.authorSignature()).isEqualTo(record.authorSignature());
        assertThat(released.category()).isEqualTo(record.category());
        assertThat(out.key()).isEqualTo(record.recordId());
        assertThat(header(out, EventHeaders.EVENT_TYPE)).isEqualTo("RecordReleased");
        assertThat(header(out, EventHeaders.SCHEMA_VERSION)).isEqualTo("2");
        assertThat(UUID.fromString(header(out, EventHeaders.EVENT_ID))).isNotNull();
        assertThat(awaitSettled("patient_used_decisions", decision.requestId())).isEqualTo("RELEASED");
    }

    @Test
    void finishesAReleaseThatACrashLeftMarkedReleasingWhenTheSameDecisionIsRedelivered() throws Exception {
        RecordSubmitted record = sealedAndOnChain(Domain.PATIENT);
        AccessDecided decision =
                CONSENT.allow(Domain.PATIENT, record.recordId(), AccessBasis.OWNER, record.ownerId(), null);
        mongo.getCollection("patient_used_decisions")
                .insertOne(new Document("_id", decision.requestId())
                        .append("recordId", record.recordId())
                        .append("state", "RELEASING")
                        .append("signatureDigest", new Binary(sha256(decision.signature())))
                        .append("claimedAt", new Date())
                        .append("expiresAt", Date.from(decision.expiresAt())));

        decide(decision);

        RecordReleased released = codec.decode(
                kafka.awaitReleased(Domain.PATIENT, decision.requestId()).value(), RecordReleased.class);
        assertThat(TestConsent.REQUESTER.open(released)).isEqualTo(record.innerCiphertext());
        assertThat(awaitSettled("patient_used_decisions", decision.requestId())).isEqualTo("RELEASED");
    }

    @Test
    void releasesTheShareOfTheShareGrantedLogToTheGrantee() {
        RecordSubmitted record = sealedAndOnChain(Domain.PATIENT);
        String grantId = UUID.randomUUID().toString();
        byte[] granteeShare = randomBytes(113);
        CHAIN.grant(Domain.PATIENT, grantId, record.recordId(), granteeShare);
        AccessDecided decision = CONSENT.allow(
                Domain.PATIENT, record.recordId(), AccessBasis.GRANT, "doctor-" + UUID.randomUUID(), grantId);

        decide(decision);

        RecordReleased released = codec.decode(
                kafka.awaitReleased(Domain.PATIENT, decision.requestId()).value(), RecordReleased.class);
        assertThat(released.share().readerId()).isEqualTo(decision.shareHolderId());
        assertThat(released.share().share()).isEqualTo(granteeShare);
        assertThat(TestConsent.REQUESTER.open(released)).isEqualTo(record.innerCiphertext());
    }

    @Test
    void releasesNothingUnderAGrantRevokedOnChain() {
        RecordSubmitted record = sealedAndOnChain(Domain.PATIENT);
        String grantId = UUID.randomUUID().toString();
        CHAIN.grant(Domain.PATIENT, grantId, record.recordId(), randomBytes(113));
        CHAIN.revoke(Domain.PATIENT, grantId);
        AccessDecided decision =
                CONSENT.allow(Domain.PATIENT, record.recordId(), AccessBasis.GRANT, "doctor-2", grantId);

        decide(decision);

        assertThat(kafka.awaitDenied(Domain.PATIENT, decision.requestId()).reason())
                .isEqualTo("grant revoked on chain");
        assertThat(kafka.releasedCount(decision.requestId())).isZero();
    }

    @Test
    void deniesADecisionForgedWithAnotherKeyAndReleasesNothing() {
        RecordSubmitted record = sealedAndOnChain(Domain.PATIENT);
        AccessDecided forged = TestConsent.generate()
                .allow(Domain.PATIENT, record.recordId(), AccessBasis.OWNER, record.ownerId(), null);

        decide(forged);

        assertThat(kafka.awaitDenied(Domain.PATIENT, forged.requestId()).reason())
                .isEqualTo("decision signature invalid");
        assertThat(kafka.releasedCount(forged.requestId())).isZero();
        assertThat(usedDecision("patient_used_decisions", forged.requestId())).isNull();
    }

    @Test
    void deniesAReplayOfAUsedRequestIdEvenWithAFreshSignatureByConsent() {
        RecordSubmitted record = sealedAndOnChain(Domain.PATIENT);
        AccessDecided first =
                CONSENT.allow(Domain.PATIENT, record.recordId(), AccessBasis.OWNER, record.ownerId(), null);
        decide(first);
        kafka.awaitReleased(Domain.PATIENT, first.requestId());

        decide(CONSENT.resign(first));

        assertThat(kafka.awaitDenied(Domain.PATIENT, first.requestId()).reason())
                .isEqualTo("decision already used");
        assertThat(kafka.releasedCount(first.requestId())).isEqualTo(1);
    }

    @Test
    void deniesAnExpiredDecision() {
        RecordSubmitted record = sealedAndOnChain(Domain.PATIENT);
        AccessDecided expired = CONSENT.expired(
                CONSENT.allow(Domain.PATIENT, record.recordId(), AccessBasis.OWNER, record.ownerId(), null),
                Duration.ofSeconds(5));

        decide(expired);

        assertThat(kafka.awaitDenied(Domain.PATIENT, expired.requestId()).reason())
                .isEqualTo("decision expired");
        assertThat(kafka.releasedCount(expired.requestId())).isZero();
    }

    @Test
    void passesOnConsentsReasonForADeniedRequest() {
        RecordSubmitted record = sealedAndOnChain(Domain.PATIENT);
        AccessDecided denied =
                CONSENT.deny(Domain.PATIENT, record.recordId(), "doctor-3", "no standing grant for this record");

        decide(denied);

        assertThat(kafka.awaitDenied(Domain.PATIENT, denied.requestId()).reason())
                .isEqualTo("no standing grant for this record");
        assertThat(kafka.releasedCount(denied.requestId())).isZero();
    }

    @Test
    void neverReadsThePractitionerLedgerForAPatientDecision() {
        RecordSubmitted practitionerRecord = sealedAndOnChain(Domain.PRACTITIONER);
        AccessDecided asPatient = CONSENT.allow(
                Domain.PATIENT, practitionerRecord.recordId(), AccessBasis.OWNER, practitionerRecord.ownerId(), null);
        AccessDecided asPractitioner = CONSENT.allow(
                Domain.PRACTITIONER,
                practitionerRecord.recordId(),
                AccessBasis.OWNER,
                practitionerRecord.ownerId(),
                null);

        decide(asPatient);
        decide(asPractitioner);

        assertThat(kafka.awaitDenied(Domain.PATIENT, asPatient.requestId()).reason())
                .isEqualTo("record not on chain");
        RecordReleased released = codec.decode(
                kafka.awaitReleased(Domain.PRACTITIONER, asPractitioner.requestId())
                        .value(),
                RecordReleased.class);
        assertThat(TestConsent.REQUESTER.open(released)).isEqualTo(practitionerRecord.innerCiphertext());
        assertThat(kafka.releasedCount(asPatient.requestId())).isZero();
    }

    @Test
    void deadLettersAMalformedDecisionAndOneOnTheOtherDomainsTopicWithTheirReasons() {
        AccessDecided practitionerDecision =
                CONSENT.allow(Domain.PRACTITIONER, UUID.randomUUID().toString(), AccessBasis.OWNER, owner(), null);
        String malformedKey = UUID.randomUUID().toString();

        kafka.send(Topic.ACCESS_DECIDED.name(Domain.PATIENT), malformedKey, utf8("{\"requestId\": ["), DECIDED_TYPE);
        kafka.send(
                Topic.ACCESS_DECIDED.name(Domain.PATIENT),
                practitionerDecision.recordId(),
                json(practitionerDecision),
                DECIDED_TYPE);

        assertThat(header(kafka.awaitDeadLetter(malformedKey), EventHeaders.DLT_REASON))
                .startsWith("malformed AccessDecided");
        assertThat(header(kafka.awaitDeadLetter(practitionerDecision.recordId()), EventHeaders.DLT_REASON))
                .startsWith("domain mismatch: topic hrm.patient.access-decided");
        assertThat(kafka.deniedCount(Domain.PATIENT, practitionerDecision.requestId()))
                .isZero();
    }

    /** Submits a record, takes the vault's RecordSealed and writes it to the domain's ledger with storeBatch. */
    private RecordSubmitted sealedAndOnChain(Domain domain) {
        RecordSubmitted record = submitted(domain, owner());
        kafka.submit(Topic.RECORD_SUBMITTED.name(domain), record);
        RecordSealed sealed = codec.decode(
                kafka.awaitSealed(domain, record.recordId(), 1).get(0).value(), RecordSealed.class);
        CHAIN.store(sealed);
        return record;
    }

    private void decide(AccessDecided decision) {
        kafka.send(Topic.ACCESS_DECIDED.name(decision.domain()), decision.recordId(), json(decision), DECIDED_TYPE);
    }

    /** The mark's state once settled: the vault settles it just after the release is acknowledged. */
    private String awaitSettled(String collection, String requestId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Document mark = usedDecision(collection, requestId);
            if (mark != null && !"RELEASING".equals(mark.getString("state")) || System.nanoTime() > deadline) {
                return mark == null ? null : mark.getString("state");
            }
            Thread.sleep(50);
        }
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private Document usedDecision(String collection, String requestId) {
        return mongo.getCollection(collection).find(eq("_id", requestId)).first();
    }
}

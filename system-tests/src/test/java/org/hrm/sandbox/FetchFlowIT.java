package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.cli.ChainRecords;
import org.hrm.cli.ConsentCommands;
import org.hrm.cli.RecordCommands;
import org.hrm.cli.Session;
import org.hrm.client.sdk.ConsentSigner;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.KafkaRole;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessBasis;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consent and fetch end to end: AccessRequested -> consent-service -> signed AccessDecided -> the
 * vault reads C2 and the reader's share from the chain -> RecordReleased or RecordReleaseDenied.
 */
class FetchFlowIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Platform platform;
    private static Session session;
    private static RecordFetcher fetcher;

    private static final PartyKeys HOSPITAL = PartyKeys.generate("hospital-st-mary");
    private static final PartyKeys ALICE = PartyKeys.generate("patient-alice");
    private static final PartyKeys BOB = PartyKeys.generate("patient-bob");
    private static final PartyKeys DR_CHEN = PartyKeys.generate("practitioner-dr-chen");
    private static final PartyKeys DR_OTHER = PartyKeys.generate("practitioner-dr-other");
    private static final PartyKeys MALLORY = PartyKeys.generate("patient-mallory");
    private static final PartyKeys CAROL = PartyKeys.generate("patient-carol");

    private static ConsentStory.Subject aliceRecord;
    private static ConsentStory.Subject bobRecord;
    private static ConsentStory.Subject drOtherRecord;
    private static ConsentStory.Subject bobEmergencyRecord;

    @BeforeAll
    static void startPlatformWithPartiesAndRecords(@TempDir Path home) {
        platform = Platform.start(Platform.Options.ephemeral(home), step -> {});
        session = Session.of(platform.endpoints());
        fetcher = new RecordFetcher(platform.kafka(SandboxPrincipals.OBSERVER), session.publisher);
        SandboxAttester attester = platform.attester();
        List<PartyRegistered> parties = new java.util.ArrayList<>();
        for (PartyKeys party : List.of(ALICE, BOB, MALLORY, CAROL)) {
            parties.add(attester.register(party, PartyKind.PATIENT, null, null));
        }
        parties.add(attester.register(HOSPITAL, PartyKind.SYSTEM, null, null));
        PartyKeys elsewhere = PartyKeys.generate("hospital-elsewhere");
        parties.add(attester.register(elsewhere, PartyKind.SYSTEM, null, null));
        parties.add(attester.register(DR_CHEN, PartyKind.PRACTITIONER, HOSPITAL.partyId(), HOSPITAL));
        parties.add(attester.register(DR_OTHER, PartyKind.PRACTITIONER, elsewhere.partyId(), elsewhere));
        try {
            SandboxAttester.publishInOrder(session.publisher, platform.kafka(SandboxPrincipals.OBSERVER), parties);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        aliceRecord = store(Domain.PATIENT, ALICE, "alice: blood pressure 128/82");
        bobRecord = store(Domain.PATIENT, BOB, "bob: penicillin allergy");
        drOtherRecord = store(Domain.PRACTITIONER, DR_OTHER, "dr-other: board certified 2019");
        bobEmergencyRecord = store(Domain.PATIENT, BOB, "bob: ECG, atrial fibrillation");
        try (EventWatcher watcher = new EventWatcher(platform.kafka(SandboxPrincipals.OBSERVER))) {
            assertThat(watcher.awaitCommitted(
                            List.of(
                                    aliceRecord.recordId(),
                                    bobRecord.recordId(),
                                    drOtherRecord.recordId(),
                                    bobEmergencyRecord.recordId()),
                            Duration.ofSeconds(90),
                            line -> {}))
                    .isTrue();
        }
    }

    @AfterAll
    static void stopPlatform() {
        session.close();
        platform.close();
    }

    @Test
    void ownerAndAuthorReadButAStrangerIsDenied() {
        assertThat(read(aliceRecord, ALICE, ALICE, null)).isEqualTo(aliceRecord.plaintext());
        assertThat(read(aliceRecord, HOSPITAL, HOSPITAL, null)).isEqualTo(aliceRecord.plaintext());

        RecordFetcher.Answer stranger = fetch(aliceRecord, MALLORY, null);

        assertThat(stranger.allowed()).isFalse();
        assertThat(stranger.denied().reason()).isNotBlank();
    }

    @Test
    void aGranteeOfPatientAReadsAButNotPatientBNorPractitionerData() throws Exception {
        grant(aliceRecord, DR_OTHER, Duration.ofDays(1));

        assertThat(read(aliceRecord, DR_OTHER, DR_OTHER, null)).isEqualTo(aliceRecord.plaintext());
        assertThat(fetch(bobRecord, DR_OTHER, null).allowed()).isFalse();
        assertThat(fetch(asOtherDomain(aliceRecord), DR_OTHER, null).allowed()).isFalse();
    }

    @Test
    void aGrantForPractitionerDataNeverOpensPatientData() throws Exception {
        grant(drOtherRecord, DR_CHEN, Duration.ofDays(1));

        assertThat(read(drOtherRecord, DR_CHEN, DR_CHEN, null)).isEqualTo(drOtherRecord.plaintext());
        assertThat(fetch(asOtherDomain(drOtherRecord), DR_CHEN, null).allowed()).isFalse();
        assertThat(fetch(aliceRecord, DR_CHEN, null).allowed()).isFalse();
    }

    @Test
    void aRevokedGrantDeniesFromTheNextDecision() throws Exception {
        ConsentGranted grant = grant(bobRecord, DR_CHEN, Duration.ofDays(1));
        assertThat(read(bobRecord, DR_CHEN, DR_CHEN, null)).isEqualTo(bobRecord.plaintext());

        session.publisher
                .revoke(new ConsentSigner().revoke(BOB, grant.grantId(), Domain.PATIENT, Instant.now()))
                .join();
        awaitOnChain(() -> new ChainRecords(session.web3j)
                .revokedOnChain(platform.ledgers().get(Domain.PATIENT), grant.grantId()));

        RecordFetcher.Answer afterRevoke = fetch(bobRecord, DR_CHEN, null);
        assertThat(afterRevoke.allowed()).isFalse();
        assertThat(afterRevoke.denied().reason()).containsIgnoringCase("revoked");
    }

    @Test
    void anExpiredGrantDenies() throws Exception {
        ConsentGranted shortGrant = grant(aliceRecord, DR_CHEN, Duration.ofSeconds(3));

        Thread.sleep(Math.max(0, shortGrant.expiresAt().toEpochMilli() - System.currentTimeMillis() + 500));

        RecordFetcher.Answer afterExpiry = fetch(aliceRecord, DR_CHEN, null);
        assertThat(afterExpiry.allowed()).isFalse();
        assertThat(afterExpiry.denied().reason()).containsIgnoringCase("expired");
    }

    @Test
    void aNonOwnerCannotGrant() throws Exception {
        ConsentGranted forged = forgedGrantOfBobsRecordsByMallory();

        session.publisher.grant(forged).join();

        assertThat(DeadLetters.awaitReason(
                        platform.kafka(SandboxPrincipals.OBSERVER),
                        Topic.CONSENT_DEAD_LETTER.topicName(),
                        BOB.partyId(),
                        WAIT))
                .containsIgnoringCase("owner");
        assertThat(fetch(bobRecord, MALLORY, null).allowed()).isFalse();
    }

    @Test
    void breakTheGlassIsAllowedOnlyThroughTheDoctorsInstitutionAndIsAudited() throws Exception {
        assertThat(fetch(bobEmergencyRecord, DR_CHEN, null).allowed())
                .as("no grant, no emergency")
                .isFalse();

        byte[] read = read(bobEmergencyRecord, DR_CHEN, HOSPITAL, "unconscious in ER");
        RecordFetcher.Answer otherInstitution = fetch(bobEmergencyRecord, DR_OTHER, "unconscious in ER");

        assertThat(read).isEqualTo(bobEmergencyRecord.plaintext());
        assertThat(otherInstitution.allowed()).isFalse();
        assertThat(AuditTrail.emergencyReadAudited(
                        platform.kafka(SandboxPrincipals.OBSERVER), BOB.partyId(), bobEmergencyRecord.recordId(), WAIT))
                .isTrue();
    }

    @Test
    void aReplayedDecisionReleasesNothingMore() throws Exception {
        RecordFetcher.Answer first = fetch(aliceRecord, ALICE, null);
        assertThat(first.allowed()).isTrue();
        byte[] decision = decisionBytes(aliceRecord.domain(), first.released().requestId());

        republishDecision(aliceRecord.domain(), aliceRecord.recordId(), decision);

        assertThat(ReleaseAnswers.awaitDenial(
                                platform.kafka(SandboxPrincipals.OBSERVER),
                                aliceRecord.domain(),
                                first.released().requestId(),
                                WAIT)
                        .reason())
                .isEqualTo("decision already used");
    }

    @Test
    void aNewRecordIsWrappedToTheOwnersStandingGranteesSoTheyReadItWithoutANewGrant() throws Exception {
        ConsentGranted standing = ConsentCommands.grant(
                session,
                CAROL,
                Domain.PATIENT,
                DR_OTHER.partyId(),
                GrantScope.category("Immunization"),
                "TREAT",
                Instant.now(),
                Instant.now().plus(Duration.ofDays(1)));
        session.publisher.grant(standing).join();
        awaitOnChain(() -> !StandingGrantsView.granteesCovering(
                        platform.kafka(SandboxPrincipals.OBSERVER),
                        Domain.PATIENT,
                        CAROL.partyId(),
                        UUID.randomUUID().toString(),
                        "Immunization")
                .isEmpty());

        ConsentStory.Subject vaccination = storeWithStandingGrantees(CAROL, "carol: influenza vaccine", "Immunization");

        assertThat(read(vaccination, DR_OTHER, DR_OTHER, null)).isEqualTo(vaccination.plaintext());
    }

    @Test
    void aForgedDecisionReleasesNothing() throws Exception {
        AccessDecided forged = decisionSignedByAStranger(aliceRecord);

        publishDecision(forged);

        RecordFetcher.Answer answer = awaitAnswerTo(forged.requestId(), aliceRecord.domain());
        assertThat(answer.allowed()).isFalse();
        assertThat(answer.denied().reason()).isEqualTo("decision signature invalid");
    }

    private static byte[] read(ConsentStory.Subject record, PartyKeys reader, PartyKeys holder, String emergency) {
        RecordFetcher.Answer answer = fetch(record, reader, emergency);
        assertThat(answer.allowed())
                .as("released to %s: %s", reader.partyId(), answer.denied())
                .isTrue();
        // The vault hands out the record's provenance itself: readers need no record-submitted copy (kept an hour).
        assertThat(answer.released().carriesProvenance())
                .as("the release carries provenance")
                .isTrue();
        assertThat(answer.released().ownerId()).isEqualTo(record.owner().partyId());
        return RecordCommands.openVerified(
                        platform.kafka(SandboxPrincipals.OBSERVER),
                        session.directory(),
                        answer.released(),
                        reader,
                        holder)
                .plaintext();
    }

    private static RecordFetcher.Answer fetch(ConsentStory.Subject record, PartyKeys reader, String emergency) {
        return fetcher.fetch(record.recordId(), record.domain(), reader, "TREAT", emergency, WAIT);
    }

    private static ConsentStory.Subject store(Domain domain, PartyKeys owner, String text) {
        byte[] plaintext = text.getBytes(StandardCharsets.UTF_8);
        EncryptedRecord record = new RecordEncryptor()
                .encrypt(
                        UUID.randomUUID().toString(),
                        domain,
                        owner.partyId(),
                        HOSPITAL,
                        plaintext,
                        Map.of(owner.partyId(), owner.publicKey()));
        session.publisher
                .publish(record.toSubmitted(Instant.now(), "Observation"))
                .join();
        return new ConsentStory.Subject(record.recordId(), domain, owner, plaintext);
    }

    /** Grants one record and waits until the grantee's share is on chain and consent-service has the grant. */
    /** As an author's client does: the owner plus every standing grantee whose scope covers the new record. */
    private static ConsentStory.Subject storeWithStandingGrantees(PartyKeys owner, String text, String category) {
        String recordId = UUID.randomUUID().toString();
        Map<String, byte[]> readers = new java.util.LinkedHashMap<>();
        readers.put(owner.partyId(), owner.publicKey());
        readers.putAll(StandingGrantsView.granteesCovering(
                platform.kafka(SandboxPrincipals.OBSERVER), Domain.PATIENT, owner.partyId(), recordId, category));
        byte[] plaintext = text.getBytes(StandardCharsets.UTF_8);
        EncryptedRecord record =
                new RecordEncryptor().encrypt(recordId, Domain.PATIENT, owner.partyId(), HOSPITAL, plaintext, readers);
        session.publisher.publish(record.toSubmitted(Instant.now(), category)).join();
        try (EventWatcher watcher = new EventWatcher(platform.kafka(SandboxPrincipals.OBSERVER))) {
            assertThat(watcher.awaitCommitted(List.of(recordId), Duration.ofSeconds(60), line -> {}))
                    .isTrue();
        }
        return new ConsentStory.Subject(recordId, Domain.PATIENT, owner, plaintext);
    }

    /** The exact bytes consent-service published for a request. */
    private static byte[] decisionBytes(Domain domain, String requestId) {
        EventCodec codec = new EventCodec();
        byte[][] found = {null};
        org.hrm.client.kafka.TopicReader.readAll(
                platform.kafkaBootstrapServers(),
                platform.kafka(SandboxPrincipals.OBSERVER).settings(),
                List.of(Topic.ACCESS_DECIDED.name(domain)),
                message -> {
                    if (codec.decode(message.value(), AccessDecided.class)
                            .requestId()
                            .equals(requestId)) {
                        found[0] = message.value();
                    }
                });
        assertThat(found[0]).as("consent's decision for %s", requestId).isNotNull();
        return found[0];
    }

    private static void republishDecision(Domain domain, String recordId, byte[] decision) {
        // A replay of consent's own decision: inside the walls only consent-service's principal may write the topic.
        var config = platform.kafka(KafkaRole.CONSENT.principal()).config();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> message =
                    new ProducerRecord<>(Topic.ACCESS_DECIDED.name(domain), recordId, decision);
            message.headers()
                    .add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            message.headers().add(EventHeaders.EVENT_TYPE, "AccessDecided".getBytes(StandardCharsets.UTF_8));
            message.headers().add(EventHeaders.SCHEMA_VERSION, "2".getBytes(StandardCharsets.UTF_8));
            producer.send(message);
        }
    }

    private static ConsentGranted grant(ConsentStory.Subject record, PartyKeys grantee, Duration lasts)
            throws Exception {
        ConsentGranted grant = ConsentCommands.grant(
                session,
                record.owner(),
                record.domain(),
                grantee.partyId(),
                GrantScope.records(List.of(record.recordId())),
                "TREAT",
                Instant.now(),
                Instant.now().plus(lasts));
        session.publisher.grant(grant).join();
        String contract = platform.ledgers().get(record.domain());
        awaitOnChain(() -> new ChainRecords(session.web3j).grantOnChain(contract, grant.grantId()));
        return grant;
    }

    private static void awaitOnChain(ConsentStory.Check check) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!check.holds()) {
            assertThat(System.nanoTime()).as("on chain in time").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static ConsentStory.Subject asOtherDomain(ConsentStory.Subject record) {
        Domain other = record.domain() == Domain.PATIENT ? Domain.PRACTITIONER : Domain.PATIENT;
        return new ConsentStory.Subject(record.recordId(), other, record.owner(), record.plaintext());
    }

    /** Mallory signs a grant that names Bob as the owner and herself as the grantee. */
    private static ConsentGranted forgedGrantOfBobsRecordsByMallory() {
        Instant now = Instant.now();
        ConsentGranted unsigned = new ConsentGranted(
                UUID.randomUUID().toString(),
                Domain.PATIENT,
                BOB.partyId(),
                MALLORY.partyId(),
                GrantScope.category(GrantScope.ALL_CATEGORIES),
                "TREAT",
                now,
                now.plusSeconds(3600),
                List.of(),
                now,
                new byte[] {0});
        byte[] byMallory = ConsentSigner.sign(MALLORY, unsigned.signedBytes());
        return new ConsentGranted(
                unsigned.grantId(),
                unsigned.domain(),
                unsigned.ownerId(),
                unsigned.granteeId(),
                unsigned.scope(),
                unsigned.purpose(),
                unsigned.validFrom(),
                unsigned.expiresAt(),
                unsigned.shares(),
                unsigned.grantedAt(),
                byMallory);
    }

    private static AccessDecided decisionSignedByAStranger(ConsentStory.Subject record) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var strangerKey = generator.generateKeyPair().getPrivate();
        String requestId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        byte[] signed = AccessDecided.signedBytes(
                requestId,
                record.recordId(),
                record.domain(),
                MALLORY.partyId(),
                true,
                AccessBasis.OWNER,
                MALLORY.partyId(),
                null,
                MALLORY.publicKey(),
                "owner",
                now,
                now.plusSeconds(60));
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(strangerKey);
        signer.update(signed);
        return new AccessDecided(
                requestId,
                record.recordId(),
                record.domain(),
                MALLORY.partyId(),
                true,
                AccessBasis.OWNER,
                MALLORY.partyId(),
                null,
                MALLORY.publicKey(),
                "owner",
                now,
                now.plusSeconds(60),
                signer.sign());
    }

    private static void publishDecision(AccessDecided decision) {
        republishDecision(decision.domain(), decision.recordId(), new EventCodec().encode(decision));
    }

    private static RecordFetcher.Answer awaitAnswerTo(String requestId, Domain domain) throws InterruptedException {
        return ReleaseAnswers.await(platform.kafka(SandboxPrincipals.OBSERVER), domain, requestId, WAIT);
    }
}

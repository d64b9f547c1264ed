package org.hrm.sandbox.chaos;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.bson.types.Binary;
import org.hrm.cli.KafkaLogin;
import org.hrm.cli.RecordCommands;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.kafka.TopicReader;
import org.hrm.client.sdk.ConsentSigner;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.DestroyedKey;
import org.hrm.contracts.events.ErasedRecord;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.GrantShare;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.StandingGrants;
import org.hrm.contracts.events.VaultCommand;
import org.hrm.crypto.Hpke;
import org.hrm.crypto.P256KeyPair;
import org.hrm.crypto.Sha256;
import org.hrm.embedded.process.Loopback;
import org.hrm.sandbox.ChainScanner;
import org.hrm.sandbox.R4Resources;
import org.hrm.sandbox.RecordFetcher;
import org.hrm.sandbox.SandboxAttester;
import org.hrm.sandbox.SandboxPrincipals;

/**
 * The forgery phase of {@code ./hrm chaos}: a hostile participant, registered as a patient of its own and holding
 * only its own keys, writes every authority event a client principal may write, in the name of other parties, and
 * the phase checks that each was refused (dead-lettered with a reason by every service that consumes it, matched by
 * the exact bytes sent) and changed nothing: no ledger log names a forged or targeted id after the phase began, the
 * directory keys stand, the grants stand, the records still open for their owner with their verified provenance, no
 * decision, audit entry, erasure or vault progress names a forged request.
 *
 * <p>The broker runs inside the walls (decision record 0041), and the forger is an attacker inside them who has
 * stolen logins: each forgery is published with the login of the principal entitled to write its topic (the
 * sandbox's hospital for the client topics, the producing service's for a service's topic; {@link StolenLogins}), so
 * the broker accepts it and the consumer's signature check is what must refuse it. A forgery the broker refused
 * instead counts as not refused: it would show the walls, not the signatures.
 */
public final class ForgeryPhase {
    /** Every forgery kind, in the order they are tried; each is tried once. */
    public static final List<String> KINDS = List.of(
            "unsigned erasure request",
            "wrongly signed erasure request",
            "forged KeysDestroyed",
            "forged grant (wrong owner key)",
            "forged revocation (wrong key)",
            "revocation of another owner's grant",
            "forged ShareGranted (plaintext share)",
            "grant share of the wrong shape",
            "party-id squatting (no attestation)",
            "party-id squatting (attested for another subject)",
            "key rotation without authority",
            "forged access request (as another requester)",
            "forged emergency access request",
            "re-signed RecordSubmitted under an existing record id",
            "re-owned RecordSubmitted under an existing record id",
            "forged RecordReleased",
            "forged VaultCommand",
            "forged audit event (a false emergency read in a patient's history)");

    private static final Duration SETUP_WAIT = Duration.ofSeconds(120);
    private static final Duration REFUSAL_WAIT = Duration.ofSeconds(90);
    private static final Duration FETCH_WAIT = Duration.ofSeconds(30);
    private static final String CONSENT_DATABASE = "consent";
    private static final byte[] FORGED_CONTENT =
            R4Resources.json(R4Resources.notedHeartRate("Patient/forged", 180, "written by the forger"));
    private static final byte[] PLAINTEXT_SHARE = "HIV test: positive (plaintext smuggled as a share)".getBytes(UTF_8);

    /** How to connect as a principal: the forger's stolen logins, and the observer's for reading the outcome. */
    private final Function<String, KafkaLogin> logins;
    /** The sandbox's observer: reads every topic, writes none. */
    private final KafkaLogin observer;

    private final RecordPublisher publisher;
    private final ChainAudit chain;
    private final Function<String, String> mongoUri;
    private final SandboxAttester attester;
    private final Consumer<String> progress;
    private final EventCodec codec = new EventCodec();
    private final RecordEncryptor encryptor = new RecordEncryptor();
    private final SecureRandom random = new SecureRandom();

    private final PartyKeys hospital = PartyKeys.generate("chaos-forgery-hospital-" + UUID.randomUUID());
    private final PartyKeys alice = PartyKeys.generate("chaos-forgery-alice-" + UUID.randomUUID());
    private final PartyKeys bob = PartyKeys.generate("chaos-forgery-bob-" + UUID.randomUUID());
    /** The forger: a registered patient, with its own key and nobody else's. */
    private final PartyKeys mallory = PartyKeys.generate("chaos-forgery-mallory-" + UUID.randomUUID());

    private final Map<String, byte[]> plaintexts = new HashMap<>();

    ForgeryPhase(
            Function<String, KafkaLogin> logins,
            RecordPublisher publisher,
            ChainAudit chain,
            Function<String, String> mongoUri,
            SandboxAttester attester,
            Consumer<String> progress) {
        this.logins = logins;
        this.observer = logins.apply(SandboxPrincipals.OBSERVER);
        this.attester = attester;
        this.publisher = publisher;
        this.chain = chain;
        this.mongoUri = mongoUri;
        this.progress = progress;
    }

    /** Prepares the victims with valid events, publishes every forgery, and judges each. */
    List<Forgery.Outcome> run() throws Exception {
        progress.accept("forgery phase: registering the victims and the forger, committing their records and grants");
        Victims victims = prepare();
        BigInteger before = chain.head();
        List<Forgery> forgeries;
        try (StolenLogins producer = new StolenLogins(logins, Map.of(ProducerConfig.ACKS_CONFIG, "all"))) {
            forgeries = forge(victims, producer);
            producer.flush();
        }
        progress.accept("published " + forgeries.size() + " forgeries; waiting for every consumer's refusal");
        Map<Forgery, List<String>> reasons = awaitRefusals(forgeries);
        List<Forgery.Outcome> outcomes = new ArrayList<>();
        for (Forgery forgery : forgeries) {
            int writes = chain.logsNaming(forgery.chainIds(), before);
            outcomes.add(new Forgery.Outcome(
                    forgery,
                    forgery.brokerRefusal(),
                    reasons.getOrDefault(forgery, List.of()),
                    forgery.obeyed().get(),
                    writes));
        }
        return outcomes;
    }

    /** Ids of the victims' committed records and standing grants. */
    private record Victims(Map<String, String> records, String aliceGrant, String aliceSecondGrant, String bobGrant) {
        String record(String use) {
            return records.get(use);
        }
    }

    private Victims prepare() throws Exception {
        for (PartyKeys party : List.of(hospital, alice, bob, mallory)) {
            register(party, party == hospital ? PartyKind.SYSTEM : PartyKind.PATIENT);
        }
        PartiesKnown.await(observer, SETUP_WAIT);
        Map<String, String> records = new LinkedHashMap<>();
        for (String use : List.of("unsigned", "wrongly signed", "keys destroyed", "re-signed", "re-owned", "access")) {
            byte[] plaintext = R4Resources.json(
                    R4Resources.notedHeartRate(R4Resources.ownerReference(Domain.PATIENT, alice.partyId()), 72, use));
            RecordSubmitted record = record(UUID.randomUUID().toString(), alice, hospital, alice, plaintext);
            plaintexts.put(record.recordId(), plaintext);
            publisher.publish(record).join();
            records.put(use, record.recordId());
        }
        ConsentGranted aliceGrant = ProbeRecords.observationGrant(alice, hospital);
        ConsentGranted aliceSecondGrant = ProbeRecords.observationGrant(alice, hospital);
        ConsentGranted bobGrant = ProbeRecords.observationGrant(bob, hospital);
        for (ConsentGranted grant : List.of(aliceGrant, aliceSecondGrant, bobGrant)) {
            publisher.grant(grant).join();
        }
        long deadline = System.nanoTime() + SETUP_WAIT.toNanos();
        while (!(committed(records.values())
                && standing(alice.partyId()).containsAll(List.of(aliceGrant.grantId(), aliceSecondGrant.grantId()))
                && standing(bob.partyId()).contains(bobGrant.grantId()))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the forgery phase's victims were not ready in " + SETUP_WAIT
                        + ": records on chain " + committed(records.values()) + ", alice's grants standing "
                        + standing(alice.partyId()) + ", bob's " + standing(bob.partyId()));
            }
            Loopback.sleep(Duration.ofSeconds(1));
        }
        return new Victims(records, aliceGrant.grantId(), aliceSecondGrant.grantId(), bobGrant.grantId());
    }

    /** A valid registration of a party's key, as the sandbox's registration path makes it. */
    private void register(PartyKeys party, PartyKind kind) {
        publisher.register(attester.register(party, kind, null, null)).join();
    }

    private RecordSubmitted record(
            String recordId, PartyKeys owner, PartyKeys author, PartyKeys reader, byte[] plaintext) {
        EncryptedRecord encrypted = encryptor.encrypt(
                recordId,
                Domain.PATIENT,
                owner.partyId(),
                author,
                plaintext,
                Map.of(reader.partyId(), reader.publicKey()));
        return encrypted.toSubmitted(Instant.now(), "Observation");
    }

    private List<Forgery> forge(Victims victims, StolenLogins producer) {
        List<Forgery> forgeries = new ArrayList<>();
        Forger forger = new Forger(producer, forgeries);
        String vaultDlt = Topic.KEY_VAULT_DEAD_LETTER.topicName();
        String consentDlt = Topic.CONSENT_DEAD_LETTER.topicName();
        String ledgerDlt = Topic.LEDGER_WRITER_DEAD_LETTER.topicName();
        Instant now = Instant.now();

        // Erasures of Alice's records: unsigned (v1 form), then signed by the forger's own key.
        String unsignedErasure = victims.record("unsigned");
        ErasureRequested unsigned = new ErasureRequested(
                UUID.randomUUID().toString(), Domain.PATIENT, alice.partyId(), unsignedErasure, now, null, null);
        forger.send(
                KINDS.get(0),
                Topic.ERASURE_REQUESTED.name(Domain.PATIENT),
                alice.partyId(),
                "ErasureRequested",
                codec.encode(unsigned),
                List.of(vaultDlt),
                Set.of(unsignedErasure),
                () -> erasureObeyed(unsigned.requestId(), unsignedErasure));
        String wronglySigned = victims.record("wrongly signed");
        ErasureRequested forgedErasure = new ErasureRequested(
                        UUID.randomUUID().toString(), Domain.PATIENT, alice.partyId(), wronglySigned, now, null, null)
                .signedBy(mallory.keyPair());
        forger.send(
                KINDS.get(1),
                Topic.ERASURE_REQUESTED.name(Domain.PATIENT),
                alice.partyId(),
                "ErasureRequested",
                codec.encode(forgedErasure),
                List.of(vaultDlt),
                Set.of(wronglySigned),
                () -> erasureObeyed(forgedErasure.requestId(), wronglySigned));

        // The vault's KeysDestroyed for one of Alice's records, signed by a key that is not the vault's.
        String destroyed = victims.record("keys destroyed");
        KeysDestroyed keysDestroyed = withStrangerKey(stranger -> new KeysDestroyed(
                        UUID.randomUUID().toString(),
                        Domain.PATIENT,
                        alice.partyId(),
                        false,
                        List.of(new ErasedRecord(destroyed, chain.pseudonymOf(destroyed))),
                        List.of(new DestroyedKey("K2", destroyed, destroyed, 1)),
                        now,
                        null)
                .signedBy(stranger));
        forger.send(
                KINDS.get(2),
                Topic.KEYS_DESTROYED.name(Domain.PATIENT),
                alice.partyId(),
                "KeysDestroyed",
                codec.encode(keysDestroyed),
                List.of(ledgerDlt, consentDlt),
                Set.of(destroyed),
                () -> firstOf(
                        mentioned(Topic.ERASURE_COMMITTED.name(Domain.PATIENT), keysDestroyed.requestId()),
                        () -> ownerCannotRead(destroyed)));

        // A grant in Alice's name to the forger, signed by the forger's key.
        ConsentGranted forgedGrant = reSigned(ProbeRecords.observationGrant(alice, mallory), mallory);
        forger.grant(KINDS.get(3), forgedGrant, List.of(consentDlt, ledgerDlt));

        // Revocations of Alice's grants: in her name signed by the forger, and by the forger in its own name.
        forger.revocation(
                KINDS.get(4),
                reSigned(new ConsentSigner().revoke(alice, victims.aliceGrant(), Domain.PATIENT, now), mallory),
                alice);
        forger.revocation(
                KINDS.get(5), new ConsentSigner().revoke(mallory, victims.bobGrant(), Domain.PATIENT, now), bob);

        // Shares: plaintext under a garbage signature in Alice's name; a wrong-shape share in the forger's own grant,
        // which only the ledger writer can judge (the grant itself is the forger's to make).
        forger.grant(
                KINDS.get(6),
                withShares(
                        ProbeRecords.observationGrant(alice, mallory),
                        List.of(new GrantShare(victims.record("access"), PLAINTEXT_SHARE)),
                        mallory),
                List.of(consentDlt, ledgerDlt));
        forger.grant(
                KINDS.get(7),
                withShares(
                        ProbeRecords.observationGrant(mallory, hospital),
                        List.of(new GrantShare(victims.record("access"), new byte[] {1, 2, 3, 4, 5})),
                        mallory),
                List.of(ledgerDlt));

        // The directory: a fresh id squatted with no attestation, Alice's id with an attestation of the forger.
        PartyKeys squatter = PartyKeys.generate("chaos-forgery-newcomer-" + UUID.randomUUID());
        PartyRegistered squat = new PartyRegistered(
                        squatter.partyId(), PartyKind.PATIENT, mallory.publicKey(), null, now, null, null, null)
                .provenBy(mallory.keyPair());
        forger.send(
                KINDS.get(8),
                Topic.PARTY_REGISTERED.topicName(),
                squatter.partyId(),
                "PartyRegistered",
                codec.encode(squat),
                List.of(consentDlt),
                Set.of(),
                () -> directoryKey(squatter.partyId()) != null
                        ? "the squatted id is in consent-service's directory"
                        : null);
        byte[] aliceKey = alice.publicKey();
        PartyRegistered unproven = new PartyRegistered(
                        alice.partyId(), PartyKind.PATIENT, mallory.publicKey(), null, now, null, null, null)
                .provenBy(mallory.keyPair());
        PartyRegistered attestedForMallory = unproven.withAttestation(withStrangerKey(stranger -> Attestation.issue(
                stranger,
                SandboxAttester.KEY_ID,
                mallory.partyId(),
                Attestation.REGISTER,
                unproven.signedBytes(),
                now)));
        forger.send(
                KINDS.get(9),
                Topic.PARTY_REGISTERED.topicName(),
                alice.partyId(),
                "PartyRegistered",
                codec.encode(attestedForMallory),
                List.of(consentDlt),
                Set.of(),
                () -> directoryKeyChanged(alice.partyId(), aliceKey));
        // Bob's key replaced by the forger's: proven by the new key, "signed by the previous key" with the forger's.
        PartyKeyRotated proven = PartyKeyRotated.draft(bob.partyId(), bob.publicKey(), mallory.publicKey(), now)
                .provenBy(mallory.keyPair());
        PartyKeyRotated rotationForged = new PartyKeyRotated(
                bob.partyId(),
                bob.publicKey(),
                mallory.publicKey(),
                now,
                proven.proofOfPossession(),
                mallory.keyPair().sign(proven.signedBytes()),
                null);
        byte[] bobKey = bob.publicKey();
        forger.send(
                KINDS.get(10),
                Topic.PARTY_REGISTERED.topicName(),
                bob.partyId(),
                "PartyKeyRotated",
                codec.encode(rotationForged),
                List.of(consentDlt),
                Set.of(),
                () -> directoryKeyChanged(bob.partyId(), bobKey));

        // Access requests in the hospital's name, signed by the forger; one of them an emergency.
        String accessed = victims.record("access");
        for (String emergency : Arrays.asList(null, "forged emergency: patient unconscious")) {
            AccessRequested request = new AccessRequested(
                            UUID.randomUUID().toString(),
                            accessed,
                            Domain.PATIENT,
                            hospital.partyId(),
                            "TREAT",
                            emergency,
                            now,
                            null,
                            null)
                    .signedBy(mallory.keyPair());
            forger.send(
                    KINDS.get(emergency == null ? 11 : 12),
                    Topic.ACCESS_REQUESTED.name(Domain.PATIENT),
                    accessed,
                    "AccessRequested",
                    codec.encode(request),
                    List.of(consentDlt),
                    Set.of(),
                    () -> mentioned(
                            List.of(
                                    Topic.ACCESS_DECIDED.name(Domain.PATIENT),
                                    Topic.AUDIT.topicName(),
                                    Topic.RECORD_RELEASED.name(Domain.PATIENT),
                                    Topic.RECORD_RELEASE_DENIED.name(Domain.PATIENT)),
                            request.requestId()));
        }

        // Existing record ids: the hospital's record re-signed by the forger; re-owned to the forger.
        String resigned = victims.record("re-signed");
        PartyKeys fakeHospital = impostor(hospital);
        RecordSubmitted reSigned = record(resigned, alice, fakeHospital, alice, FORGED_CONTENT);
        forger.send(
                KINDS.get(13),
                Topic.RECORD_SUBMITTED.name(Domain.PATIENT),
                resigned,
                "RecordSubmitted",
                codec.encode(reSigned),
                List.of(vaultDlt),
                Set.of(resigned),
                () -> ownerCannotRead(resigned));
        String reowned = victims.record("re-owned");
        RecordSubmitted reOwned = record(reowned, mallory, fakeHospital, mallory, FORGED_CONTENT);
        forger.send(
                KINDS.get(14),
                Topic.RECORD_SUBMITTED.name(Domain.PATIENT),
                reowned,
                "RecordSubmitted",
                codec.encode(reOwned),
                List.of(vaultDlt),
                Set.of(reowned),
                () -> ownerCannotRead(reowned));

        // A release of the re-signed record's C1, sealed to Alice as if for her request: her client must refuse it.
        RecordReleased release = sealedTo(alice, reSigned);
        byte[] releaseBytes = codec.encode(release);
        AtomicReference<String> accepted = new AtomicReference<>();
        Supplier<String> clientRefusal = () -> {
            try {
                byte[] shown = RecordCommands.openVerified(
                                observer, attester.directory(observer), release, alice, alice)
                        .plaintext();
                accepted.set("the requester's client presented the forged release as the record (" + shown.length
                        + " bytes)");
                return null;
            } catch (RuntimeException e) {
                return "requester's client: " + e.getMessage();
            }
        };
        forger.sendJudgedByClient(
                KINDS.get(15),
                Topic.RECORD_RELEASED.name(Domain.PATIENT),
                resigned,
                "RecordReleased",
                releaseBytes,
                clientRefusal,
                accepted::get);

        // An operator command signed by a key that is no operator's.
        VaultCommand command =
                withStrangerKey(stranger -> new VaultCommand(UUID.randomUUID().toString(), "ROTATE", 0, now, null, null)
                        .signedBy("chaos-forgery-operator", stranger));
        forger.send(
                KINDS.get(16),
                Topic.VAULT_COMMANDS.topicName(),
                command.commandId(),
                "VaultCommand",
                codec.encode(command),
                List.of(vaultDlt),
                Set.of(),
                () -> mentioned(Topic.VAULT_PROGRESS.topicName(), command.commandId()));

        // A false entry for Alice's access history, as if consent-service had let the forger break the glass: the
        // ledger writer must not anchor it (it is not signed by consent's decision key).
        AuditEvent falseEntry = withStrangerKey(stranger -> new AuditEvent(
                        UUID.randomUUID().toString(),
                        "rest",
                        "read",
                        "R",
                        now,
                        "0",
                        "emergency access",
                        List.of(new AuditEvent.Agent(mallory.partyId(), "practitioner", true)),
                        List.of(new AuditEvent.Entity(resigned, "record")),
                        "ETREAT",
                        true,
                        Domain.PATIENT,
                        alice.partyId())
                .signedBy(stranger));
        forger.send(
                KINDS.get(17),
                Topic.AUDIT.topicName(),
                alice.partyId(),
                "AuditEvent",
                codec.encode(falseEntry),
                List.of(ledgerDlt),
                Set.of(),
                () -> mentioned(Topic.AUDIT_ANCHORED.topicName(), falseEntry.id()));
        return forgeries;
    }

    /** Publishes forgeries with the headers a client's producer sets, and records them. */
    private final class Forger {
        private final StolenLogins producer;
        private final List<Forgery> forgeries;

        Forger(StolenLogins producer, List<Forgery> forgeries) {
            this.producer = producer;
            this.forgeries = forgeries;
        }

        void send(
                String kind,
                String topic,
                String key,
                String type,
                byte[] value,
                List<String> deadLetterTopics,
                Set<String> chainIds,
                Supplier<String> obeyed) {
            forge(kind, topic, key, type, value, deadLetterTopics, chainIds, null, obeyed);
        }

        /** A grant that must not stand (unless it is the forger's own) nor reach the chain. */
        void grant(String kind, ConsentGranted grant, List<String> deadLetterTopics) {
            boolean forgersOwn = grant.ownerId().equals(mallory.partyId());
            send(
                    kind,
                    Topic.CONSENT_GRANTED.name(grant.domain()),
                    grant.ownerId(),
                    "ConsentGranted",
                    codec.encode(grant),
                    deadLetterTopics,
                    Set.of(grant.grantId()),
                    () -> !forgersOwn && standing(grant.ownerId()).contains(grant.grantId())
                            ? "the forged grant stands in standing-grants"
                            : null);
        }

        /** A revocation of {@code grantOwner}'s grant, which must still stand afterwards. */
        void revocation(String kind, ConsentRevoked revocation, PartyKeys grantOwner) {
            send(
                    kind,
                    Topic.CONSENT_REVOKED.name(revocation.domain()),
                    revocation.ownerId(),
                    "ConsentRevoked",
                    codec.encode(revocation),
                    List.of(Topic.CONSENT_DEAD_LETTER.topicName(), Topic.LEDGER_WRITER_DEAD_LETTER.topicName()),
                    Set.of(revocation.grantId()),
                    () -> grantGone(grantOwner, revocation.grantId()));
        }

        void sendJudgedByClient(
                String kind,
                String topic,
                String key,
                String type,
                byte[] value,
                Supplier<String> clientRefusal,
                Supplier<String> obeyed) {
            forge(kind, topic, key, type, value, List.of(), Set.of(), clientRefusal, obeyed);
        }

        /** Publishes the forgery as its topic's rightful writer (a stolen login) and records it. */
        private void forge(
                String kind,
                String topic,
                String key,
                String type,
                byte[] value,
                List<String> deadLetterTopics,
                Set<String> chainIds,
                Supplier<String> clientRefusal,
                Supplier<String> obeyed) {
            forgeries.add(new Forgery(
                    kind,
                    topic,
                    StolenLogins.rightfulWriter(topic),
                    value,
                    publish(topic, key, type, value),
                    deadLetterTopics,
                    chainIds,
                    clientRefusal,
                    obeyed));
        }

        private Future<RecordMetadata> publish(String topic, String key, String type, byte[] value) {
            ProducerRecord<String, byte[]> message = new ProducerRecord<>(topic, key, value);
            message.headers()
                    .add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(UTF_8))
                    .add(EventHeaders.EVENT_TYPE, type.getBytes(UTF_8))
                    .add(
                            EventHeaders.SCHEMA_VERSION,
                            String.valueOf(EventCodec.SCHEMA_VERSION).getBytes(UTF_8));
            return producer.send(message);
        }
    }

    /**
     * Rereads the dead-letter topics until every consumer of every forgery has dead-lettered exactly its bytes, or the
     * timeout passes; then asks the client of each client-judged forgery. Returns per forgery the reason of each of
     * its consumers, or {@link Forgery.Outcome#NOT_DEAD_LETTERED} and the dead-letter topic where a reason is missing.
     */
    private Map<Forgery, List<String>> awaitRefusals(List<Forgery> forgeries) {
        long deadline = System.nanoTime() + REFUSAL_WAIT.toNanos();
        Map<Forgery, List<String>> refused = new LinkedHashMap<>();
        List<Forgery> judgedByServices =
                forgeries.stream().filter(f -> f.clientRefusal() == null).toList();
        while (true) {
            List<DeadLetter> letters = deadLetters();
            for (Forgery forgery : judgedByServices) {
                List<String> reasons = new ArrayList<>();
                for (String topic : forgery.deadLetterTopics()) {
                    letters.stream()
                            .filter(letter -> letter.topic().equals(topic)
                                    && letter.payloadSha256().equals(sha256(forgery.value())))
                            .findFirst()
                            .ifPresent(letter -> reasons.add(topic + ": " + letter.reason()));
                }
                for (String topic : forgery.deadLetterTopics()) {
                    if (reasons.stream().noneMatch(reason -> reason.startsWith(topic + ": "))) {
                        reasons.add(Forgery.Outcome.NOT_DEAD_LETTERED + topic);
                    }
                }
                refused.put(forgery, reasons);
            }
            long answered = refused.values().stream()
                    .filter(reasons -> reasons.stream().noneMatch(Forgery.Outcome::missing))
                    .count();
            if (answered == judgedByServices.size() || System.nanoTime() > deadline) {
                break;
            }
            Loopback.sleep(Duration.ofSeconds(1));
        }
        for (Forgery forgery : forgeries) {
            if (forgery.clientRefusal() != null) {
                String reason = forgery.clientRefusal().get();
                if (reason != null) {
                    refused.put(forgery, List.of(reason));
                }
            }
        }
        return refused;
    }

    /** A dead letter carries the SHA-256 of the refused payload (hex), not the payload itself. */
    private record DeadLetter(String topic, String payloadSha256, String reason) {}

    private static String sha256(byte[] payload) {
        return HexFormat.of().formatHex(Sha256.digest(payload));
    }

    private List<DeadLetter> deadLetters() {
        List<DeadLetter> letters = new ArrayList<>();
        TopicReader.readAll(
                observer.bootstrapServers(),
                observer.settings(),
                List.of(
                        Topic.KEY_VAULT_DEAD_LETTER.topicName(),
                        Topic.CONSENT_DEAD_LETTER.topicName(),
                        Topic.LEDGER_WRITER_DEAD_LETTER.topicName()),
                message -> {
                    var reason = message.headers().lastHeader(EventHeaders.DLT_REASON);
                    var digest = message.headers().lastHeader(EventHeaders.DLT_PAYLOAD_SHA256);
                    letters.add(new DeadLetter(
                            message.topic(),
                            digest == null || digest.value() == null ? "" : new String(digest.value(), UTF_8),
                            reason == null ? "(no reason)" : new String(reason.value(), UTF_8)));
                });
        return letters;
    }

    private String erasureObeyed(String requestId, String recordId) {
        return firstOf(
                mentioned(Topic.KEYS_DESTROYED.name(Domain.PATIENT), requestId), () -> ownerCannotRead(recordId));
    }

    private static String firstOf(String first, Supplier<String> second) {
        return first != null ? first : second.get();
    }

    /** Null if Alice still opens the record with its original plaintext and verified provenance; else what broke. */
    private String ownerCannotRead(String recordId) {
        RecordFetcher.Answer answer;
        try {
            answer = new RecordFetcher(observer, publisher)
                    .fetch(recordId, Domain.PATIENT, alice, "TREAT", null, FETCH_WAIT);
        } catch (RuntimeException e) {
            return "the owner's own signed request for her record was not answered: " + e.getMessage();
        }
        if (!answer.allowed()) {
            return "the owner is now denied her record: " + answer.denied().reason();
        }
        try {
            byte[] opened = RecordCommands.openVerified(
                            observer, attester.directory(observer), answer.released(), alice, alice)
                    .plaintext();
            return Arrays.equals(opened, plaintexts.get(recordId))
                    ? null
                    : "the owner's record now opens to other content";
        } catch (RuntimeException e) {
            return "the owner's record no longer opens with verified provenance: " + e.getMessage();
        }
    }

    private String grantGone(PartyKeys owner, String grantId) {
        return standing(owner.partyId()).contains(grantId) ? null : "grant " + grantId + " no longer stands";
    }

    /** The grant ids in the owner's latest standing-grants entry. */
    private List<String> standing(String ownerId) {
        List<String> grantIds = new ArrayList<>();
        TopicReader.readAll(
                observer.bootstrapServers(),
                observer.settings(),
                List.of(Topic.STANDING_GRANTS.name(Domain.PATIENT)),
                message -> {
                    if (!ownerId.equals(message.key()) || message.value() == null) {
                        return;
                    }
                    try {
                        StandingGrants grants = codec.decode(message.value(), StandingGrants.class);
                        grantIds.clear();
                        grants.grantees().forEach(grantee -> grantIds.add(grantee.grantId()));
                    } catch (InvalidEventException e) {
                        // not consent-service's
                    }
                });
        return grantIds;
    }

    private boolean committed(java.util.Collection<String> recordIds) throws java.io.IOException {
        ChainAudit.Counts counts = chain.count();
        return recordIds.stream().allMatch(id -> counts.storedOf(id) == 1);
    }

    private String mentioned(String topic, String id) {
        return mentioned(List.of(topic), id);
    }

    /** Null if no message on the topics names the id; else where it was found. */
    private String mentioned(List<String> topics, String id) {
        byte[] needle = id.getBytes(UTF_8);
        List<String> found = new ArrayList<>();
        TopicReader.readAll(observer.bootstrapServers(), observer.settings(), topics, message -> {
            if (message.value() != null && ChainScanner.containsAny(List.of(message.value()), List.of(needle))) {
                found.add(message.topic());
            }
        });
        return found.isEmpty() ? null : id + " appears on " + String.join(", ", found);
    }

    private byte[] directoryKey(String partyId) {
        try (MongoClient client = MongoClients.create(mongoUri.apply(CONSENT_DATABASE))) {
            Document party = client.getDatabase(CONSENT_DATABASE)
                    .getCollection("parties")
                    .find(Filters.eq("_id", partyId))
                    .first();
            return party == null ? null : party.get("publicKey", Binary.class).getData();
        }
    }

    private String directoryKeyChanged(String partyId, byte[] expected) {
        byte[] key = directoryKey(partyId);
        return key != null && Arrays.equals(key, expected)
                ? null
                : "consent-service's directory key of " + partyId + " is no longer the party's own";
    }

    /** A release of {@code forged}'s C1 for a fresh request of {@code requester}, sealed to its public key. */
    private RecordReleased sealedTo(PartyKeys requester, RecordSubmitted forged) {
        String requestId = UUID.randomUUID().toString();
        byte[] sealed = Hpke.seal(
                requester.publicKey(),
                RecordReleased.sealInfo(requestId),
                RecordReleased.sealAad(requester.partyId(), forged.recordId()),
                forged.innerCiphertext(),
                random);
        return new RecordReleased(
                requestId,
                forged.recordId(),
                Domain.PATIENT,
                requester.partyId(),
                sealed,
                forged.shares().get(0),
                Instant.now());
    }

    /** A key pair of the forger's under another party's id: its signatures claim that party. */
    private static PartyKeys impostor(PartyKeys victim) {
        return PartyKeys.generate(victim.partyId());
    }

    private static ConsentGranted reSigned(ConsentGranted grant, PartyKeys signer) {
        return withShares(grant, grant.shares(), signer);
    }

    private static ConsentGranted withShares(ConsentGranted grant, List<GrantShare> shares, PartyKeys signer) {
        ConsentGranted unsigned = new ConsentGranted(
                grant.grantId(),
                grant.domain(),
                grant.ownerId(),
                grant.granteeId(),
                grant.scope(),
                grant.purpose(),
                grant.validFrom(),
                grant.expiresAt(),
                shares,
                grant.grantedAt(),
                new byte[64]);
        return new ConsentGranted(
                grant.grantId(),
                grant.domain(),
                grant.ownerId(),
                grant.granteeId(),
                grant.scope(),
                grant.purpose(),
                grant.validFrom(),
                grant.expiresAt(),
                shares,
                grant.grantedAt(),
                ConsentSigner.sign(signer, unsigned.signedBytes()));
    }

    private static ConsentRevoked reSigned(ConsentRevoked revocation, PartyKeys signer) {
        return new ConsentRevoked(
                revocation.grantId(),
                revocation.domain(),
                revocation.ownerId(),
                revocation.revokedAt(),
                ConsentSigner.sign(signer, revocation.signedBytes()));
    }

    private static <T> T withStrangerKey(Function<P256KeyPair, T> use) {
        P256KeyPair stranger = P256KeyPair.generate();
        try {
            return use.apply(stranger);
        } finally {
            stranger.destroy();
        }
    }
}

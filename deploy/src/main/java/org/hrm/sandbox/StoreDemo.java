package org.hrm.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.RecordCommitted;
import org.hrm.contracts.events.RecordReleased;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The demo: the store story (a hospital system encrypts records for two patients and one doctor, one of them as
 * envelope v1 "written before the upgrade", and waits until every one is committed), then the upgrade story ({@link
 * UpgradeStory}), the consent story ({@link ConsentStory}) and the erasure story, then a scan of the chain for
 * plaintext, salt, K1 and C1. The last line printed is one JSON summary.
 */
final class StoreDemo {
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(120);
    /** How long the erasure check waits for the broker to compact the erased records' tombstoned copies. */
    private static final Duration ERASURE_SETTLE = Duration.ofSeconds(90);

    private final PartyKeys hospital = PartyKeys.generate("hospital-st-mary");
    private final PartyKeys alice = PartyKeys.generate("patient-alice");
    private final PartyKeys bob = PartyKeys.generate("patient-bob");
    private final PartyKeys drChen = PartyKeys.generate("practitioner-dr-chen");

    private Map<String, Object> summary = Map.of();
    private Supplier<List<RecordReleased>> gatewayReleases;
    private Platform platform;

    StoreDemo() {}

    /** Lets the erasure check read the gateway's held releases directly (an in-process platform). */
    StoreDemo inspecting(Supplier<List<RecordReleased>> gatewayReleases) {
        this.gatewayReleases = gatewayReleases;
        return this;
    }

    /** Lets the demo end by restarting the gateway over expired topics ({@link GatewayRestartStory}). */
    StoreDemo restarting(Platform platform) {
        this.platform = platform;
        return this;
    }

    static int run(String[] args) throws Exception {
        Endpoints endpoints = runningPlatform();
        if (endpoints != null) {
            say("running against the platform started by ./hrm up (" + HrmCli.ENDPOINTS + ")"
                    + (SandboxHsm.requested(args) ? "; --hsm applies only to a platform the demo starts" : ""));
            return new StoreDemo().tell(endpoints);
        }
        say("no running platform found: starting one for this demo (logs in .sandbox/logs)");
        Path home = HrmCli.HOME.resolve("demo");
        Platform.Tuning tuning = SandboxHsm.tuning(args, home);
        try (Platform platform = Platform.start(Platform.Options.ephemeral(home), tuning, step -> say(step))) {
            return new StoreDemo()
                    .inspecting(platform::gatewayReleases)
                    .restarting(platform)
                    .tell(platform.endpoints());
        }
    }

    private static Endpoints runningPlatform() throws java.io.IOException {
        if (!Files.exists(HrmCli.ENDPOINTS)) {
            return null;
        }
        Endpoints endpoints = Json.read(Files.readString(HrmCli.ENDPOINTS), Endpoints.class);
        return Reachable.kafka(endpoints.kafkaBootstrapServers()) ? endpoints : null;
    }

    int tell(Endpoints endpoints) throws Exception {
        List<Story> stories = stories();
        Map<String, SecretBytes> secrets = new LinkedHashMap<>();
        List<ConsentStory.Subject> subjects = new ArrayList<>();
        try (EventWatcher watcher = new EventWatcher(endpoints.kafkaBootstrapServers());
                Session session = Session.of(endpoints)) {
            register(session);
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (Story story : stories) {
                SaltRecorder random = new SaltRecorder();
                EncryptedRecord record = encrypt(story, random);
                secrets.put(record.recordId(), SecretBytes.of(record, story.plaintext(), random.salt()));
                subjects.add(
                        new ConsentStory.Subject(record.recordId(), story.domain(), story.owner(), story.plaintext()));
                sends.add(session.publisher.publish(record.toSubmitted(Instant.now(), story.category())));
                say("submitted " + story.domain().id() + " record " + record.recordId() + " for "
                        + story.owner().partyId());
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
            boolean allCommitted = watcher.awaitCommitted(secrets.keySet(), COMMIT_TIMEOUT, StoreDemo::say);
            Map<String, Object> consent = new LinkedHashMap<>();
            if (allCommitted) {
                consent.putAll(new UpgradeStory(session, StoreDemo::say)
                        .tell(subjects.get(0), subjects.get(subjects.size() - 1)));
                ConsentStory consentStory = new ConsentStory(session, StoreDemo::say);
                consent.putAll(consentStory.tell(subjects.get(0), subjects.get(1), drChen, subjects.get(3), hospital));
                consent.putAll(consentStory.published());
                consent.putAll(new ErasureStory(session, StoreDemo::say)
                        .tell(subjects.subList(0, 3), subjects.get(3), List.of(alice, hospital, drChen), bob));
                consent.putAll(new AuditStory(endpoints, StoreDemo::say).tell(alice.partyId()));
            }
            Map<String, Object> completeness = new LinkedHashMap<>();
            if (allCommitted) {
                List<ErasureCompleteness.ErasedRecord> erased = subjects.subList(0, 3).stream()
                        .map(subject -> new ErasureCompleteness.ErasedRecord(
                                subject.recordId(),
                                subject.domain(),
                                subject.owner().partyId()))
                        .toList();
                say("erasure completeness: every database, topic, the gateway's cache and the chain, with every key");
                completeness.putAll(new ErasureSurvey(endpoints, session.web3j, gatewayReleases, StoreDemo::say)
                        .run(erased, List.of(alice, bob, hospital, drChen), ERASURE_SETTLE));
                consent.putAll(restartGateway());
            }
            summary = summarize(endpoints, secrets, watcher, consent);
            summary.putAll(completeness);
            System.out.println(Json.write(summary));
            boolean storiesHeld = !consent.isEmpty()
                    && consent.values().stream()
                            .filter(Boolean.class::isInstance)
                            .allMatch(Boolean.TRUE::equals);
            boolean erasureComplete = Boolean.FALSE.equals(completeness.get("erasedRecoverableWithAnyKey"));
            return allCommitted && !(Boolean) summary.get("plaintextFoundOnChain") && storiesHeld && erasureComplete
                    ? 0
                    : 1;
        }
    }

    /**
     * Last, after the erasure check has read every topic in full: the topics lose every earlier event and the gateway
     * restarts; the owners must still see every record, grant and receipt. Only on a platform in this JVM.
     */
    private Map<String, Object> restartGateway() throws Exception {
        if (platform == null) {
            say("gateway restart over expired topics not shown: the gateway runs in ./hrm up's process");
            return Map.of();
        }
        return new GatewayRestartStory(platform, StoreDemo::say).tell(List.of(alice.partyId(), bob.partyId()));
    }

    /** The last story's summary, as printed on its last line. */
    Map<String, Object> summary() {
        return summary;
    }

    /**
     * Every party publishes its public key, attested as the sandbox's gateway would; the doctor works for the hospital
     * that writes the records, which vouches for it.
     */
    private void register(Session session) throws Exception {
        SandboxAttester attester = SandboxAttester.of(session.endpoints);
        SandboxAttester.publishInOrder(
                session.publisher,
                session.endpoints.kafkaBootstrapServers(),
                List.of(
                        attester.register(hospital, PartyKind.SYSTEM, null, null),
                        attester.register(alice, PartyKind.PATIENT, null, null),
                        attester.register(bob, PartyKind.PATIENT, null, null),
                        attester.register(drChen, PartyKind.PRACTITIONER, hospital.partyId(), hospital)));
        say("registered " + hospital.partyId() + ", " + alice.partyId() + ", " + bob.partyId() + " and "
                + drChen.partyId() + " (works for " + hospital.partyId() + ")");
    }

    private Map<String, Object> summarize(
            Endpoints endpoints, Map<String, SecretBytes> secrets, EventWatcher watcher, Map<String, Object> stories)
            throws Exception {
        say("scanning every transaction input and every ledger log for plaintext, salt, K1 and C1");
        Web3j web3j = Web3j.build(new HttpService(endpoints.chainRpc()));
        try {
            ChainScanner scanner = new ChainScanner(web3j);
            List<byte[]> chain =
                    scanner.allChainBytes(List.of(endpoints.patientContract(), endpoints.practitionerContract()));
            boolean found = secrets.values().stream().anyMatch(s -> ChainScanner.containsAny(chain, s.all()));
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("submitted", secrets.size());
            summary.put("sealed", count(watcher.sealed().keySet(), secrets));
            summary.put("committed", count(watcher.committed().keySet(), secrets));
            summary.put("transactions", transactions(watcher, secrets));
            summary.put("deadLetters", watcher.deadLetterReasons().size());
            summary.put("patientContract", endpoints.patientContract());
            summary.put("practitionerContract", endpoints.practitionerContract());
            summary.put("chainRpc", endpoints.chainRpc());
            summary.put("masterKeyCustody", endpoints.masterKeyCustody());
            summary.put("plaintextFoundOnChain", found);
            summary.putAll(stories);
            return summary;
        } finally {
            web3j.shutdown();
        }
    }

    private static long count(java.util.Set<String> seen, Map<String, SecretBytes> ours) {
        return ours.keySet().stream().filter(seen::contains).count();
    }

    private static long transactions(EventWatcher watcher, Map<String, SecretBytes> ours) {
        return ours.keySet().stream()
                .map(watcher.committed()::get)
                .filter(java.util.Objects::nonNull)
                .map(RecordCommitted::transactionHash)
                .distinct()
                .count();
    }

    /** Envelope v2, except the story written "before the upgrade" (v1, through the SDK's compatibility writer). */
    private EncryptedRecord encrypt(Story story, SecureRandom random) {
        Map<String, byte[]> readers =
                Map.of(story.owner().partyId(), story.owner().publicKey());
        RecordEncryptor encryptor = new RecordEncryptor(random);
        String recordId = UUID.randomUUID().toString();
        return story.beforeUpgrade()
                ? encryptor.encryptV1(
                        recordId, story.domain(), story.owner().partyId(), hospital, story.plaintext(), readers)
                : encryptor.encrypt(
                        recordId, story.domain(), story.owner().partyId(), hospital, story.plaintext(), readers);
    }

    private List<Story> stories() {
        return List.of(
                new Story(
                        Domain.PATIENT,
                        alice,
                        "Observation",
                        fhir("Observation", "alice", "blood pressure 128/82 mmHg")),
                new Story(Domain.PATIENT, alice, "Condition", fhir("Condition", "alice", "type 2 diabetes mellitus")),
                new Story(
                        Domain.PATIENT,
                        alice,
                        "MedicationRequest",
                        fhir("MedicationRequest", "alice", "metformin 500 mg twice daily")),
                new Story(Domain.PATIENT, bob, "Observation", fhir("Observation", "bob", "HbA1c 6.1 %")),
                new Story(
                        Domain.PATIENT,
                        bob,
                        "AllergyIntolerance",
                        fhir("AllergyIntolerance", "bob", "penicillin, severe")),
                new Story(
                        Domain.PATIENT,
                        bob,
                        "Immunization",
                        fhir("Immunization", "bob", "influenza vaccine 2026-10-02")),
                new Story(
                        Domain.PRACTITIONER,
                        drChen,
                        "PractitionerRole",
                        fhir("PractitionerRole", "dr-chen", "cardiology, St Mary")),
                new Story(
                        Domain.PRACTITIONER,
                        drChen,
                        "Qualification",
                        fhir("Qualification", "dr-chen", "board certified 2019")),
                new Story(
                        Domain.PATIENT,
                        bob,
                        "Observation",
                        fhir("Observation", "bob", "LDL 2.9 mmol/L, written before the upgrade"),
                        true));
    }

    private static byte[] fhir(String resourceType, String subject, String text) {
        String json = "{\"resourceType\":\"" + resourceType + "\",\"subject\":\"" + subject + "\",\"text\":\"" + text
                + "\",\"note\":\"hrm demo record\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static void say(String line) {
        System.out.println("[demo] " + line);
    }

    private record Story(Domain domain, PartyKeys owner, String category, byte[] plaintext, boolean beforeUpgrade) {
        Story(Domain domain, PartyKeys owner, String category, byte[] plaintext) {
            this(domain, owner, category, plaintext, false);
        }
    }
}

package org.hrm.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Resource;
import org.hrm.cli.Endpoints;
import org.hrm.cli.HrmCli;
import org.hrm.cli.Json;
import org.hrm.cli.Reachable;
import org.hrm.cli.Session;
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
 * The demo: the store story (a hospital system encrypts records for two patients and one doctor, each a FHIR R4
 * resource its validator passed, one of them as envelope v1 "written before the upgrade", and posts two more through
 * the FHIR edge service ({@link FhirStory}), and waits until every one is committed), then the upgrade story ({@link
 * UpgradeStory}), the consent story ({@link ConsentStory}) and the erasure story, then a scan of the chain for
 * plaintext, salt, K1 and C1. The last line printed is one JSON summary.
 */
final class StoreDemo {
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(120);
    /** How long the erasure check waits for the broker to compact the erased records' tombstoned copies. */
    private static final Duration ERASURE_SETTLE = Duration.ofSeconds(90);
    // The hospital EHR's own references to the demo's parties: its records carry them, its edge service maps them.
    private static final String ALICE = "Patient/mrn-alice";
    private static final String BOB = "Patient/mrn-bob";
    private static final String DR_CHEN = "Practitioner/dr-chen";

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

    static int run(boolean hsm, boolean kafkaWalls) throws Exception {
        Endpoints endpoints = runningPlatform();
        if (endpoints != null) {
            say("running against the platform started by ./hrm up (" + HrmCli.ENDPOINTS + ")"
                    + (hsm ? "; --hsm applies only to a platform the demo starts" : "")
                    + "; its broker's walls are as ./hrm up set them");
            return new StoreDemo().tell(endpoints);
        }
        say("no running platform found: starting one for this demo (logs in .sandbox/logs)");
        Path home = HrmCli.HOME.resolve("demo");
        Platform.Tuning tuning = SandboxHsm.tuning(hsm, home);
        Platform.Options options = Platform.Options.ephemeral(home).withKafkaWalls(kafkaWalls);
        try (Platform platform = Platform.start(options, tuning, step -> say(step))) {
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
        Map<String, SecretBytes> secrets = new LinkedHashMap<>();
        List<ConsentStory.Subject> subjects = new ArrayList<>();
        try (EventWatcher watcher = new EventWatcher(endpoints.kafka(SandboxPrincipals.OBSERVER));
                Session session = Session.of(endpoints);
                FhirStory fhir = FhirStory.start(endpoints, hospital, Map.of(ALICE, alice, BOB, bob), StoreDemo::say)) {
            register(session);
            boolean forbiddenPublishRefused = forbiddenPublishRefused(endpoints);
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (Story story : stories(fhir)) {
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
            List<String> viaEdge = fhir.postTransaction(bob, throughTheEdge());
            Set<String> ours = new LinkedHashSet<>(secrets.keySet());
            ours.addAll(viaEdge);
            boolean allCommitted = watcher.awaitCommitted(ours, COMMIT_TIMEOUT, StoreDemo::say);
            Map<String, Object> consent = new LinkedHashMap<>();
            if (allCommitted) {
                fhir.readBack(session);
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
            summary = summarize(endpoints, secrets, fhir, ours, watcher, consent);
            summary.put("kafkaAcls", endpoints.kafkaWalls());
            summary.put("forbiddenPublishRefused", forbiddenPublishRefused);
            summary.putAll(completeness);
            System.out.println(Json.write(summary));
            boolean storiesHeld = !consent.isEmpty()
                    && consent.values().stream()
                            .filter(Boolean.class::isInstance)
                            .allMatch(Boolean.TRUE::equals);
            boolean erasureComplete = Boolean.FALSE.equals(completeness.get("erasedRecoverableWithAnyKey"));
            return allCommitted
                            && !(Boolean) summary.get("plaintextFoundOnChain")
                            && storiesHeld
                            && erasureComplete
                            && fhir.held()
                            && (forbiddenPublishRefused || !endpoints.kafkaWalls())
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

    /**
     * Inside the walls, the demo's hospital publishes a release decision (consent-service's topic): the broker must
     * refuse it. On an open broker nothing is tried (the forged event would reach the vault) and the answer is false.
     */
    private static boolean forbiddenPublishRefused(Endpoints endpoints) throws InterruptedException {
        if (!endpoints.kafkaWalls()) {
            say("Kafka is open (--kafka-walls off): no principals, no ACLs; the forbidden publish is not tried");
            return false;
        }
        boolean refused = ForbiddenPublish.refused(endpoints.kafka(SandboxPrincipals.HOSPITAL));
        say(
                refused
                        ? "the broker refused the hospital's publish to " + ForbiddenPublish.TOPIC
                                + " (only consent-service" + " writes it): TopicAuthorizationException"
                        : "the broker did NOT refuse the hospital's publish to " + ForbiddenPublish.TOPIC);
        return refused;
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
                session.observer(),
                List.of(
                        attester.register(hospital, PartyKind.SYSTEM, null, null),
                        attester.register(alice, PartyKind.PATIENT, null, null),
                        attester.register(bob, PartyKind.PATIENT, null, null),
                        attester.register(drChen, PartyKind.PRACTITIONER, hospital.partyId(), hospital)));
        say("registered " + hospital.partyId() + ", " + alice.partyId() + ", " + bob.partyId() + " and "
                + drChen.partyId() + " (works for " + hospital.partyId() + ")");
    }

    /** Counts every record of the demo's ({@code ours}: its own and the edge's); scans the chain for their secrets. */
    private Map<String, Object> summarize(
            Endpoints endpoints,
            Map<String, SecretBytes> secrets,
            FhirStory fhir,
            Set<String> ours,
            EventWatcher watcher,
            Map<String, Object> stories)
            throws Exception {
        say("scanning every transaction input and every ledger log for plaintext, salt, K1 and C1");
        Web3j web3j = Web3j.build(new HttpService(endpoints.chainRpc()));
        try {
            ChainScanner scanner = new ChainScanner(web3j);
            List<byte[]> chain =
                    scanner.allChainBytes(List.of(endpoints.patientContract(), endpoints.practitionerContract()));
            // The edge encrypted its records itself: of those the demo knows only the plaintext.
            boolean found = secrets.values().stream().anyMatch(s -> ChainScanner.containsAny(chain, s.all()))
                    || ChainScanner.containsAny(chain, fhir.edgePlaintexts());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("submitted", ours.size());
            summary.put("sealed", count(watcher.sealed().keySet(), ours));
            summary.put("committed", count(watcher.committed().keySet(), ours));
            summary.put("transactions", transactions(watcher, ours));
            summary.put("deadLetters", watcher.deadLetterReasons().size());
            summary.put("patientContract", endpoints.patientContract());
            summary.put("practitionerContract", endpoints.practitionerContract());
            summary.put("chainRpc", endpoints.chainRpc());
            summary.put("masterKeyCustody", endpoints.masterKeyCustody());
            summary.put("plaintextFoundOnChain", found);
            summary.putAll(fhir.results());
            summary.putAll(stories);
            return summary;
        } finally {
            web3j.shutdown();
        }
    }

    private static long count(Set<String> seen, Set<String> ours) {
        return ours.stream().filter(seen::contains).count();
    }

    private static long transactions(EventWatcher watcher, Set<String> ours) {
        return ours.stream()
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

    /** The records the hospital writes through the SDK itself, each a valid R4 resource; indexes matter to the stories. */
    private List<Story> stories(FhirStory fhir) {
        return List.of(
                Story.of(fhir, Domain.PATIENT, alice, R4Resources.bloodPressure(ALICE, 128, 82), false),
                Story.of(
                        fhir,
                        Domain.PATIENT,
                        alice,
                        R4Resources.condition(ALICE, "44054006", "Diabetes mellitus type 2"),
                        false),
                Story.of(
                        fhir,
                        Domain.PATIENT,
                        alice,
                        R4Resources.medicationRequest(
                                ALICE, "861007", "metformin hydrochloride 500 MG Oral Tablet", "500 mg twice daily"),
                        false),
                Story.of(
                        fhir,
                        Domain.PATIENT,
                        bob,
                        R4Resources.observation(
                                BOB, "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", 6.1, "%", "%"),
                        false),
                Story.of(
                        fhir,
                        Domain.PATIENT,
                        bob,
                        R4Resources.allergy(BOB, "764146007", "Penicillin", "anaphylaxis"),
                        false),
                Story.of(
                        fhir,
                        Domain.PATIENT,
                        bob,
                        R4Resources.document(
                                BOB,
                                "18842-5",
                                "Discharge summary",
                                "Discharge letter",
                                "Admitted with chest pain; troponin negative; home on day 2."),
                        false),
                Story.of(
                        fhir,
                        Domain.PRACTITIONER,
                        drChen,
                        R4Resources.practitionerRole(DR_CHEN, "St Mary's Hospital", "394579002", "Cardiology"),
                        false),
                Story.of(
                        fhir,
                        Domain.PRACTITIONER,
                        drChen,
                        R4Resources.practitioner("dr-chen", "Chen", "Wei", "Board certified in cardiology", "2019"),
                        false),
                Story.of(
                        fhir,
                        Domain.PATIENT,
                        bob,
                        R4Resources.observation(BOB, "22748-8", "LDL cholesterol", 2.9, "mmol/L", "mmol/L"),
                        true));
    }

    /** What the hospital's EHR posts to the FHIR edge service, about bob, as one transaction. */
    private static List<Resource> throughTheEdge() {
        return List.of(
                R4Resources.immunization(BOB, "141", "Influenza, seasonal, injectable", "2026-10-02"),
                R4Resources.document(
                        BOB,
                        "57133-1",
                        "Referral note",
                        "Referral to cardiology",
                        "Please see Mr Bob: exertional angina."));
    }

    private static void say(String line) {
        System.out.println("[demo] " + line);
    }

    /** One record: an R4 resource's JSON, its category the resource's type. */
    private record Story(Domain domain, PartyKeys owner, String category, byte[] plaintext, boolean beforeUpgrade) {
        /** Validated once, here: the record's bytes are that resource's JSON. */
        static Story of(FhirStory fhir, Domain domain, PartyKeys owner, Resource resource, boolean beforeUpgrade) {
            return new Story(domain, owner, resource.fhirType(), fhir.validated(resource), beforeUpgrade);
        }
    }
}

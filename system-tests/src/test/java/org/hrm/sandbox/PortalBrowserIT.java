package org.hrm.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.hrm.cli.OutcomeWatcher;
import org.hrm.cli.Session;
import org.hrm.client.kafka.TopicReader;
import org.hrm.client.sdk.PartyKeyFile;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.PartyKind;
import org.hrm.testsupport.Requirements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal in headless Chromium against the embedded platform: the patient opens a record (decrypted in the page),
 * sees a FHIR Observation rendered with its raw JSON one click away and downloads a DocumentReference's PDF, grants it
 * to a doctor who reads it, revokes and the doctor is denied, replaces her key in the page (the new key file is saved,
 * the record written before still opens with both keys), erases with a request signed in the page and sees 410; the
 * doctor replaces a lost key (the gateway attests the login); the operator's dashboard.
 *
 * <p>Each page is saved as a screenshot under system-tests/target/screenshots, so a test run leaves the tracked files
 * alone. To refresh the ones docs/api.md shows, run it with {@code -Dhrm.screenshots=docs}, which writes them to
 * docs/screenshots instead.
 */
class PortalBrowserIT {
    static final String TEXT = "alice: blood pressure 128/82, pulse 64";
    static final String OBSERVATION = """
            {"resourceType":"Observation","status":"final",
             "code":{"coding":[{"system":"http://loinc.org","code":"85354-9","display":"Blood pressure panel"}]},
             "subject":{"reference":"Patient/patient-alice"},"effectiveDateTime":"2026-03-01T09:30:00+01:00",
             "component":[
              {"code":{"coding":[{"system":"http://loinc.org","code":"8480-6","display":"Systolic blood pressure"}]},
               "valueQuantity":{"value":128,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
              {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4","display":"Diastolic blood pressure"}]},
               "valueQuantity":{"value":82,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}
            """;
    static final byte[] LETTER = "%PDF-1.4 discharge letter of patient-alice".getBytes(UTF_8);
    static final String DOCUMENT = """
            {"resourceType":"DocumentReference","status":"current","type":{"text":"Discharge summary"},
             "subject":{"reference":"Patient/patient-alice"},"date":"2026-03-03T16:00:00Z",
             "content":[{"attachment":{"contentType":"application/pdf","title":"Discharge letter","data":"%s"}}]}
            """.formatted(java.util.Base64.getEncoder().encodeToString(LETTER));

    static Platform platform;
    static Session session;
    static Path keys;
    static String recordId;
    static String observationId;
    static String documentId;
    static PartyKeys alice;

    @BeforeAll
    static void platformWithOneCommittedRecord(@TempDir Path home) throws Exception {
        Requirements.require(
                Browser.installed(),
                "PortalBrowserIT",
                "Debian chromium and chromium-driver are not installed (/usr/bin/chromium, "
                        + "/usr/bin/chromedriver); .ci/run installs them with apt-get");
        platform = Platform.start(Platform.Options.ephemeral(home), step -> {});
        session = Session.of(platform.endpoints());
        keys = Files.createDirectories(home.resolve("keys"));
        PartyKeys hospital = party("hospital-a", PartyKind.SYSTEM);
        alice = party("patient-alice", PartyKind.PATIENT);
        party("dr-chen", PartyKind.PRACTITIONER);
        recordId = submit(hospital, TEXT, "Observation");
        observationId = submit(hospital, OBSERVATION, "Observation");
        documentId = submit(hospital, DOCUMENT, "DocumentReference");
        try (EventWatcher watcher = new EventWatcher(platform.kafka(SandboxPrincipals.OBSERVER))) {
            assertThat(watcher.awaitCommitted(
                            List.of(recordId, observationId, documentId), Duration.ofSeconds(90), line -> {}))
                    .isTrue();
        }
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            session.close();
            platform.close();
        }
    }

    @Test
    void aPatientOpensGrantsRevokesAndErasesWhileTheDoctorReadsThenIsDenied(@TempDir Path profile) throws Exception {
        try (Browser browser = new Browser(profile, screenshots())) {
            login(browser, "patient-alice", "login");
            loadKey(browser, "patient-alice");
            browser.awaitText("tr[data-record='" + recordId + "']", "committed", () -> {});
            browser.screenshot("patient-records");
            browser.click("button[data-action='open'][data-record='" + recordId + "']");
            assertThat(browser.awaitText("#plaintext", TEXT, () -> {})).isEqualTo(TEXT);
            assertThat(browser.find("#opened-provenance").getText()).isEqualTo("signed by hospital-a, unchanged since");
            browser.screenshot("patient-open");
            showsFhirResourcesAsRead(browser);
            browser.type("#grantee", "dr-chen");
            browser.click("button[data-action='share'][data-record='" + recordId + "']");
            browser.awaitText("#grants", "dr-chen", () -> browser.click("#refresh"));
            browser.screenshot("patient-grants");

            login(browser, "dr-chen", null);
            loadKey(browser, "dr-chen");
            browser.awaitText("#records", recordId, () -> browser.click("#refresh"));
            browser.click("#records button[data-record='" + recordId + "']");
            assertThat(browser.awaitText("#plaintext", TEXT, () -> {})).isEqualTo(TEXT);
            browser.screenshot("doctor-open");

            login(browser, "patient-alice", null);
            loadKey(browser, "patient-alice");
            browser.click("#grants button[data-grant]");
            browser.awaitText("#message", "revoked", () -> {});

            login(browser, "dr-chen", null);
            loadKey(browser, "dr-chen");
            browser.type("#record-id", recordId);
            browser.awaitText("#message", "denied", () -> browser.click("#open-by-id"));
            browser.screenshot("doctor-denied");

            login(browser, "patient-alice", null);
            loadKey(browser, "patient-alice");
            browser.click("#rotate-key");
            assertThat(browser.awaitText("#rotation-status", "key replaced", () -> {}))
                    .contains("signed with your previous key");
            PartyKeys rotated = PartyKeyFile.load(browser.awaitDownload("patient-alice.key."));
            assertThat(rotated.publicKey()).isNotEqualTo(alice.publicKey());
            browser.screenshot("patient-key-replaced");
            // Written before the rotation: released to the new key, its share opened with the previous one.
            browser.click("button[data-action='open'][data-record='" + recordId + "']");
            assertThat(browser.awaitText("#plaintext", TEXT, () -> {})).isEqualTo(TEXT);

            browser.click("button[data-action='erase'][data-record='" + recordId + "']");
            browser.acceptConfirmation();
            browser.awaitText("#erasures", "signed with your key in this page", () -> {});
            browser.awaitText("#erasures", "download receipt", () -> {});
            ErasureRequested erasure = erasureRequestOf(recordId);
            assertThat(erasure.attestation()).isNull();
            assertThat(erasure.signedBy(rotated.publicKey())).isTrue();
            browser.awaitText("tr[data-record='" + recordId + "']", "erased", () -> {});
            browser.click("button[data-action='open'][data-record='" + recordId + "']");
            assertThat(browser.awaitText("#message", "gone (410)", () -> {})).contains("record erased");
            browser.awaitText("#history", "dr-chen", () -> browser.click("#history-refresh"));
            browser.screenshot("patient-erased");

            // A doctor who lost the key file: the gateway attests the login, the new key is saved and in use.
            login(browser, "dr-chen", null);
            browser.click("#rotate-lost-key");
            browser.acceptConfirmation();
            assertThat(browser.awaitText("#rotation-status", "key replaced", () -> {}))
                    .contains("lost key: the gateway attested your login");
            assertThat(PartyKeyFile.load(browser.awaitDownload("dr-chen.key.")).partyId())
                    .isEqualTo("dr-chen");

            login(browser, "ops-olga", null);
            browser.awaitText("#pipeline", "record-committed", () -> {});
            // The last hour's charts: a bar per minute, and the throughput of this run's work above zero.
            assertThat(browser.countElements("#chart-throughput rect")).isEqualTo(60);
            assertThat(Double.parseDouble(browser.attribute("#chart-throughput", "data-max")))
                    .isGreaterThan(0);
            browser.screenshot("ops-dashboard");
        }
    }

    /** A FHIR Observation is rendered with its raw JSON one click away; a DocumentReference's PDF downloads. */
    private static void showsFhirResourcesAsRead(Browser browser) throws Exception {
        browser.click("button[data-action='open'][data-record='" + observationId + "']");
        String rendered = browser.awaitText("#rendered", "Blood pressure panel", () -> {});
        assertThat(rendered).contains("Systolic blood pressure", "128 mmHg", "82 mmHg", "2026-03-01 09:30 +01:00");
        assertThat(browser.find("#plaintext").isDisplayed()).isFalse();
        assertThat(browser.find("#rendered details.raw-json pre").isDisplayed()).isFalse();
        browser.click("#rendered details.raw-json summary");
        assertThat(browser.awaitText("#rendered details.raw-json pre", "85354-9", () -> {}))
                .isEqualTo(OBSERVATION.strip());
        browser.screenshot("patient-fhir");

        browser.click("button[data-action='open'][data-record='" + documentId + "']");
        browser.awaitText("#rendered", "Discharge summary", () -> {});
        browser.click("#rendered a[download]");
        assertThat(browser.awaitDownload("Discharge letter.pdf")).hasBinaryContent(LETTER);
    }

    private static String submit(PartyKeys author, String text, String category) {
        String id = UUID.randomUUID().toString();
        session.publisher
                .publish(new RecordEncryptor()
                        .encrypt(
                                id,
                                Domain.PATIENT,
                                alice.partyId(),
                                author,
                                text.getBytes(UTF_8),
                                Map.of(alice.partyId(), alice.publicKey()))
                        .toSubmitted(Instant.now(), category))
                .join();
        return id;
    }

    /** The erasure request of the record as it went on the topic the vault reads. */
    private static ErasureRequested erasureRequestOf(String erasedRecordId) {
        EventCodec codec = new EventCodec();
        List<ErasureRequested> found = new ArrayList<>();
        TopicReader.readAll(
                platform.kafkaBootstrapServers(),
                platform.kafka(SandboxPrincipals.OBSERVER).settings(),
                List.of(Topic.ERASURE_REQUESTED.name(Domain.PATIENT)),
                record -> {
                    if (record.value() != null) {
                        ErasureRequested request = codec.decode(record.value(), ErasureRequested.class);
                        if (erasedRecordId.equals(request.recordId())) {
                            found.add(request);
                        }
                    }
                });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static void login(Browser browser, String partyId, String screenshot) throws Exception {
        browser.open(platform.gatewayUrl() + "/index.html");
        browser.find("#users button[data-party='" + partyId + "']");
        if (screenshot != null) {
            browser.screenshot(screenshot);
        }
        browser.click("#users button[data-party='" + partyId + "']");
    }

    private static void loadKey(Browser browser, String partyId) {
        browser.find("#key-file").sendKeys(keys.resolve(partyId + ".key.json").toString());
        browser.awaitText("#key-status", "loaded", () -> {});
    }

    private static PartyKeys party(String partyId, PartyKind kind) throws Exception {
        PartyKeys party = PartyKeys.generate(partyId);
        PartyKeyFile.save(party, keys.resolve(partyId + ".key.json"));
        String institution = kind == PartyKind.PRACTITIONER ? "hospital-a" : null;
        PartyKeys vouching = institution == null ? null : PartyKeyFile.load(keys.resolve(institution + ".key.json"));
        RecordMetadata sent = session.publisher
                .register(platform.attester().register(party, kind, institution, vouching))
                .join();
        // Registered one at a time, each accepted before the next: a practitioner's is checked against its hospital.
        new OutcomeWatcher(platform.kafka(SandboxPrincipals.OBSERVER))
                .await(
                        sent,
                        OutcomeWatcher.CONSENT_PARTIES,
                        org.hrm.contracts.Topic.CONSENT_DEAD_LETTER.topicName(),
                        java.time.Duration.ofSeconds(30));
        return party;
    }

    /** Where the screenshots go: system-tests/target/screenshots, or docs/screenshots with -Dhrm.screenshots=docs. */
    private static Path screenshots() {
        String target = System.getProperty("hrm.screenshots", "target");
        return switch (target) {
            case "target" -> repository().resolve("system-tests/target/screenshots");
            case "docs" -> repository().resolve("docs/screenshots");
            default ->
                throw new IllegalArgumentException(
                        "-Dhrm.screenshots=" + target + ": expected docs (or target, the default)");
        };
    }

    /** The repository's root: failsafe runs in the system-tests module. */
    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("") : dir;
    }
}

package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hrm.client.kafka.RecordFetcher;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.kafka.TopicReader;
import org.hrm.client.sdk.PartyKeyFile;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.RecordSubmitted;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A hospital's EHR posts FHIR R4 to the edge service: a transaction with one invalid resource submits nothing and
 * the OperationOutcome names it; without it, three records are committed that the owner reads back (SDK) as the same
 * resources, and the hospital reads back through the edge.
 */
class FhirEdgeIT {
    private static final FhirContext FHIR = FhirContext.forR4();
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final PartyKeys HOSPITAL = PartyKeys.generate("hospital-fhir-" + SUFFIX);
    private static final PartyKeys PATIENT = PartyKeys.generate("patient-fhir-" + SUFFIX);
    private static final String EHR_PATIENT = "Patient/mrn-" + SUFFIX;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Platform platform;
    private static ConfigurableApplicationContext edge;
    private static String fhirBase;

    @BeforeAll
    static void startEdge(@TempDir Path dir) throws Exception {
        platform = SharedPlatform.get();
        SandboxAttester attester = platform.attester();
        SharedPlatform.register(List.of(
                attester.register(HOSPITAL, PartyKind.SYSTEM, null, null),
                attester.register(PATIENT, PartyKind.PATIENT, null, null)));
        Path keystore = dir.resolve("hospital.key.json");
        PartyKeyFile.save(HOSPITAL, keystore);
        Path mapping = Files.writeString(dir.resolve("owners.properties"), EHR_PATIENT + " = " + PATIENT.partyId());
        edge = FhirEdgeSandbox.start(platform.endpoints(), keystore, mapping, 0);
        fhirBase = FhirEdgeSandbox.url(edge);
    }

    @AfterAll
    static void stopEdge() {
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void aTransactionIsSubmittedWholeOrNotAtAllAndTheOwnerReadsItBackAsFhir() throws Exception {
        List<Resource> valid = List.of(heartRate(), hypertension(), lisinopril());
        Observation invalid = heartRate();
        invalid.setStatus(null);
        List<Resource> withInvalid = new ArrayList<>(valid);
        withInvalid.add(invalid);

        HttpResponse<String> refused = post(transaction(withInvalid));

        assertThat(refused.statusCode()).isEqualTo(422);
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, refused.body());
        assertThat(outcome.getIssue()).isNotEmpty().allSatisfy(issue -> {
            assertThat(issue.getDiagnostics()).startsWith("Bundle.entry[3] (urn:uuid:");
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        });
        assertThat(outcome.getIssue())
                .anySatisfy(issue -> assertThat(issue.getDiagnostics()).contains("Observation.status"));
        assertThat(submissionsOf(PATIENT.partyId())).as("nothing submitted").isZero();

        HttpResponse<String> accepted = post(transaction(valid));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        Bundle response = FHIR.newJsonParser().parseResource(Bundle.class, accepted.body());
        assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        List<String> locations = response.getEntry().stream()
                .map(entry -> {
                    assertThat(entry.getResponse().getStatus()).startsWith("201");
                    return entry.getResponse().getLocation();
                })
                .toList();
        assertThat(locations).hasSize(3);
        assertThat(submissionsOf(PATIENT.partyId())).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            String[] typeAndId = locations.get(i).split("/");
            assertThat(typeAndId[0]).isEqualTo(valid.get(i).fhirType());
            awaitCommitted(typeAndId[1]);
            assertSameResource(readByOwner(typeAndId[1]), valid.get(i));
            assertSameResource(get(locations.get(i)), valid.get(i));
        }
    }

    @Test
    void aSingleResourceIsCreatedWithItsRecordIdAsLocation() throws Exception {
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(fhirBase + "/Condition"))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                FHIR.newJsonParser().encodeResourceToString(hypertension())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).get().asString().contains("/Condition/");
    }

    private static HttpResponse<String> post(Bundle bundle) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(fhirBase))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                FHIR.newJsonParser().encodeResourceToString(bundle)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Resource get(String location) throws Exception {
        HttpResponse<String> read = HTTP.send(
                HttpRequest.newBuilder(URI.create(fhirBase + "/" + location))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return (Resource) FHIR.newJsonParser().parseResource(read.body());
    }

    private static void awaitCommitted(String recordId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String status = "";
        while (System.nanoTime() < deadline && !status.contains("\"COMMITTED\"")) {
            Thread.sleep(500);
            status = HTTP.send(
                            HttpRequest.newBuilder(URI.create(fhirBase.replace("/fhir", "/edge/records/") + recordId))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        }
        assertThat(status).as("status of " + recordId).contains("\"COMMITTED\"");
    }

    private static Resource readByOwner(String recordId) {
        String servers = platform.kafkaBootstrapServers();
        try (RecordPublisher publisher = RecordPublisher.connect(servers)) {
            RecordFetcher.Answer answer = new RecordFetcher(servers, publisher)
                    .fetch(recordId, Domain.PATIENT, PATIENT, "TREAT", null, Duration.ofSeconds(30));
            assertThat(answer.allowed()).as("released to the owner").isTrue();
            RecordCommands.Verified verified = RecordCommands.openVerified(
                    servers, platform.attester().directory(servers), answer.released(), PATIENT, PATIENT);
            assertThat(verified.submission().authorId()).isEqualTo(HOSPITAL.partyId());
            assertThat(verified.submission().category()).isNotBlank();
            return (Resource)
                    FHIR.newJsonParser().parseResource(new String(verified.plaintext(), StandardCharsets.UTF_8));
        }
    }

    private static void assertSameResource(Resource read, Resource posted) {
        Resource expected = posted.copy();
        Resource actual = read.copy();
        expected.setId((String) null);
        actual.setId((String) null);
        assertThat(actual.equalsDeep(expected))
                .as(FHIR.newJsonParser().encodeResourceToString(actual))
                .isTrue();
    }

    /**
     * Counts this owner's submissions. The topic is shared with the other ITs on the shared
     * platform, some of which publish unreadable events on purpose (OpsIT's dead-letter check), so
     * an event that does not decode is not this owner's and is passed over.
     */
    private static long submissionsOf(String ownerId) {
        EventCodec codec = new EventCodec();
        long[] count = {0};
        TopicReader.readAll(
                platform.kafkaBootstrapServers(), List.of(Topic.RECORD_SUBMITTED.name(Domain.PATIENT)), record -> {
                    if (record.value() != null && ownerId.equals(ownerOf(codec, record.value()))) {
                        count[0]++;
                    }
                });
        return count[0];
    }

    private static String ownerOf(EventCodec codec, byte[] value) {
        try {
            return codec.decode(value, RecordSubmitted.class).ownerId();
        } catch (InvalidEventException unreadable) {
            return null;
        }
    }

    private static Bundle transaction(List<Resource> resources) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (Resource resource : resources) {
            bundle.addEntry()
                    .setFullUrl("urn:uuid:" + UUID.randomUUID())
                    .setResource(resource)
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.POST)
                    .setUrl(resource.fhirType());
        }
        return bundle;
    }

    private static Observation heartRate() {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "8867-4", "Heart rate")));
        observation.setSubject(new Reference(EHR_PATIENT));
        observation.setValue(new Quantity()
                .setValue(72)
                .setUnit("beats/minute")
                .setSystem("http://unitsofmeasure.org")
                .setCode("/min"));
        return observation;
    }

    private static Condition hypertension() {
        Condition condition = new Condition();
        condition.setSubject(new Reference(EHR_PATIENT));
        condition.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "38341003", "Hypertension")));
        condition.setClinicalStatus(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")));
        return condition;
    }

    private static MedicationRequest lisinopril() {
        MedicationRequest request = new MedicationRequest();
        request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setSubject(new Reference(EHR_PATIENT));
        request.setMedication(new CodeableConcept(
                new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "314076", "lisinopril 10 MG Oral Tablet")));
        return request;
    }
}

package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hrm.cli.RecordCommands;
import org.hrm.client.gateway.DevLoginTokens;
import org.hrm.client.gateway.GatewayClient;
import org.hrm.client.kafka.TopicReader;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.ReleaseAnswer;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordSubmitted;

/**
 * An EHR talking to a running edge service, and its patient reading back through the gateway: the HTTP calls, the
 * R4 resources and the checks the edge's integration tests share.
 *
 * @param fhirBase the edge's FHIR base URL
 * @param ehrPatient the EHR's reference to the patient, mapped to {@code owner}
 * @param hospitalId the edge's hospital, the author of every record it submits
 */
record FhirEdgeClient(Platform platform, String fhirBase, String ehrPatient, PartyKeys owner, String hospitalId) {
    static final FhirContext FHIR = FhirContext.forR4();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    HttpResponse<String> post(Bundle bundle) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(fhirBase))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                FHIR.newJsonParser().encodeResourceToString(bundle)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(Resource resource) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(fhirBase + "/" + resource.fhirType()))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                FHIR.newJsonParser().encodeResourceToString(resource)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The record at {@code location} ({@code Type/id}) as the edge reads it back for the hospital. */
    Resource get(String location) throws Exception {
        HttpResponse<String> read = HTTP.send(
                HttpRequest.newBuilder(URI.create(fhirBase + "/" + location))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return (Resource) FHIR.newJsonParser().parseResource(read.body());
    }

    void awaitCommitted(String recordId) throws Exception {
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

    /**
     * The record as its owner reads it through the gateway (the vault releases it to the owner), shown only once the
     * hospital's signature verified.
     */
    Resource readByOwner(String recordId) {
        URI gateway = URI.create(platform.gatewayUrl());
        ReleaseAnswer answer = new GatewayClient(gateway, new DevLoginTokens(gateway, owner.partyId()))
                .fetch(recordId, "TREAT", null, Duration.ofSeconds(30));
        assertThat(answer.allowed()).as("released to the owner").isTrue();
        RecordCommands.Verified verified = RecordCommands.openVerified(
                answer,
                platform.attester().directory(platform.kafka(SandboxPrincipals.HOSPITAL)),
                owner,
                owner,
                signature -> Optional.empty());
        assertThat(verified.submission().authorId()).isEqualTo(hospitalId);
        assertThat(verified.submission().category()).isNotBlank();
        return (Resource) FHIR.newJsonParser().parseResource(new String(verified.plaintext(), StandardCharsets.UTF_8));
    }

    static void assertSameResource(Resource read, Resource posted) {
        Resource expected = posted.copy();
        Resource actual = read.copy();
        expected.setId((String) null);
        actual.setId((String) null);
        assertThat(actual.equalsDeep(expected))
                .as(FHIR.newJsonParser().encodeResourceToString(actual))
                .isTrue();
    }

    /**
     * Counts the owner's submissions. The topic is shared with the other ITs on the shared platform, some of which
     * publish unreadable events on purpose (OpsIT's dead-letter check), so an event that does not decode is not this
     * owner's and is passed over.
     */
    long submissions() {
        EventCodec codec = new EventCodec();
        long[] count = {0};
        TopicReader.readAll(
                platform.kafkaBootstrapServers(),
                platform.kafka(SandboxPrincipals.OBSERVER).settings(),
                List.of(Topic.RECORD_SUBMITTED.name(Domain.PATIENT)),
                record -> {
                    if (record.value() != null && owner.partyId().equals(ownerOf(codec, record.value()))) {
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

    static Bundle transaction(List<Resource> resources) {
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

    Observation heartRate() {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "8867-4", "Heart rate")));
        observation.setSubject(new Reference(ehrPatient));
        observation.setValue(new Quantity()
                .setValue(72)
                .setUnit("beats/minute")
                .setSystem("http://unitsofmeasure.org")
                .setCode("/min"));
        return observation;
    }

    Condition hypertension() {
        Condition condition = new Condition();
        condition.setSubject(new Reference(ehrPatient));
        condition.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "38341003", "Hypertension")));
        condition.setClinicalStatus(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")));
        return condition;
    }

    MedicationRequest lisinopril() {
        MedicationRequest request = new MedicationRequest();
        request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setSubject(new Reference(ehrPatient));
        request.setMedication(new CodeableConcept(
                new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "314076", "lisinopril 10 MG Oral Tablet")));
        return request;
    }
}

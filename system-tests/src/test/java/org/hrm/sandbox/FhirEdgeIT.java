package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.sandbox.FhirEdgeClient.FHIR;
import static org.hrm.sandbox.FhirEdgeClient.assertSameResource;
import static org.hrm.sandbox.FhirEdgeClient.transaction;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hrm.client.sdk.PartyKeyFile;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.events.PartyKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A hospital's EHR posts FHIR R4 to the edge service: a transaction with one invalid resource submits nothing and
 * the OperationOutcome names it; without it, three records are committed that the owner reads back (SDK) as the same
 * resources, and the hospital reads back through the edge. The shared platform runs inside the Kafka walls: the edge
 * publishes as its own hospital principal.
 */
class FhirEdgeIT {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final PartyKeys HOSPITAL = PartyKeys.generate("hospital-fhir-" + SUFFIX);
    private static final PartyKeys PATIENT = PartyKeys.generate("patient-fhir-" + SUFFIX);
    private static final String EHR_PATIENT = "Patient/mrn-" + SUFFIX;

    private static ConfigurableApplicationContext edge;
    private static FhirEdgeClient ehr;

    @BeforeAll
    static void startEdge(@TempDir Path dir) throws Exception {
        Platform platform = SharedPlatform.get();
        SandboxAttester attester = platform.attester();
        SharedPlatform.register(List.of(
                attester.register(HOSPITAL, PartyKind.SYSTEM, null, null),
                attester.register(PATIENT, PartyKind.PATIENT, null, null)));
        Path keystore = dir.resolve("hospital.key.json");
        PartyKeyFile.save(HOSPITAL, keystore);
        Path mapping = Files.writeString(dir.resolve("owners.properties"), EHR_PATIENT + " = " + PATIENT.partyId());
        edge = FhirEdgeSandbox.start(platform.endpoints(), keystore, mapping, 0);
        ehr = new FhirEdgeClient(platform, FhirEdgeSandbox.url(edge), EHR_PATIENT, PATIENT, HOSPITAL.partyId());
    }

    @AfterAll
    static void stopEdge() {
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void aTransactionIsSubmittedWholeOrNotAtAllAndTheOwnerReadsItBackAsFhir() throws Exception {
        List<Resource> valid = List.of(ehr.heartRate(), ehr.hypertension(), ehr.lisinopril());
        Observation invalid = ehr.heartRate();
        invalid.setStatus(null);
        List<Resource> withInvalid = new ArrayList<>(valid);
        withInvalid.add(invalid);

        HttpResponse<String> refused = ehr.post(transaction(withInvalid));

        assertThat(refused.statusCode()).isEqualTo(422);
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, refused.body());
        assertThat(outcome.getIssue()).isNotEmpty().allSatisfy(issue -> {
            assertThat(issue.getDiagnostics()).startsWith("Bundle.entry[3] (urn:uuid:");
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        });
        assertThat(outcome.getIssue())
                .anySatisfy(issue -> assertThat(issue.getDiagnostics()).contains("Observation.status"));
        assertThat(ehr.submissions()).as("nothing submitted").isZero();

        HttpResponse<String> accepted = ehr.post(transaction(valid));

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
        assertThat(ehr.submissions()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            String[] typeAndId = locations.get(i).split("/");
            assertThat(typeAndId[0]).isEqualTo(valid.get(i).fhirType());
            ehr.awaitCommitted(typeAndId[1]);
            assertSameResource(ehr.readByOwner(typeAndId[1]), valid.get(i));
            assertSameResource(ehr.get(locations.get(i)), valid.get(i));
        }
    }

    @Test
    void theEdgePublishesInsideTheWallsAsItsOwnHospitalPrincipal() throws Exception {
        assertThat(SharedPlatform.get().kafkaWalls())
                .as("the shared platform runs inside the walls")
                .isTrue();
        // Its login names the FHIR edge's hospital principal, never a service's (the password is not asserted on).
        assertThat(edge.getEnvironment().getProperty("hrm.edge.kafka.sasl.jaas.config"))
                .contains("username=\"" + SandboxPrincipals.FHIR_EDGE + "\"");
        long before = ehr.submissions();

        HttpResponse<String> created = ehr.post(ehr.heartRate());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(ehr.submissions())
                .as("the broker took the edge's submission")
                .isEqualTo(before + 1);
    }

    @Test
    void aSingleResourceIsCreatedWithItsRecordIdAsLocation() throws Exception {
        HttpResponse<String> created = ehr.post(ehr.hypertension());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).get().asString().contains("/Condition/");
    }
}

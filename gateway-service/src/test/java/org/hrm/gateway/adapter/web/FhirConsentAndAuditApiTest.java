package org.hrm.gateway.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.StandingGrants;
import org.hrm.gateway.adapter.kafka.DirectoryMapping;
import org.junit.jupiter.api.Test;

class FhirConsentAndAuditApiTest extends ApiTestSupport {
    private static final Instant EXPIRES = Instant.parse("2027-01-31T00:00:00Z");

    @Test
    void theOwnersGrantsAreValidR4ConsentsInASearchset() throws Exception {
        String owner = unique("patient-fhir");
        String grantId = UUID.randomUUID().toString();
        String recordId = UUID.randomUUID().toString();
        views.directory()
                .standingGrants(DirectoryMapping.grants(new StandingGrants(
                        owner,
                        Domain.PATIENT,
                        List.of(
                                new StandingGrants.Grantee(
                                        "dr-fhir", new byte[65], grantId, GrantScope.category("Observation"), EXPIRES),
                                new StandingGrants.Grantee(
                                        "dr-other",
                                        new byte[65],
                                        UUID.randomUUID().toString(),
                                        GrantScope.records(List.of(recordId)),
                                        EXPIRES)),
                        Instant.parse("2026-12-05T06:00:00Z"))));

        String json = mvc.perform(getAs(owner, "patient", "/fhir/Consent?patient=" + owner))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/fhir+json"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(R4Validation.errors(json)).isEmpty();
        assertThat(R4Validation.errors("{\"resourceType\":\"Consent\"}"))
                .as("the validator does refuse a Consent without status, scope, category or policy")
                .isNotEmpty();
        Bundle bundle = R4Validation.R4.newJsonParser().parseResource(Bundle.class, json);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getTotal()).isEqualTo(2);
        Consent consent = (Consent) bundle.getEntry().get(0).getResource();
        assertThat(consent.getIdPart()).isEqualTo(grantId);
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(consent.getPatient().getReference()).isEqualTo("Patient/" + owner);
        assertThat(consent.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);
        assertThat(consent.getProvision().getPeriod().getEnd().toInstant()).isEqualTo(EXPIRES);
        assertThat(consent.getProvision()
                        .getActorFirstRep()
                        .getReference()
                        .getIdentifier()
                        .getValue())
                .isEqualTo("dr-fhir");
        assertThat(consent.getProvision().getClass_FirstRep().getCode()).isEqualTo("Observation");
        Consent byRecord = (Consent) bundle.getEntry().get(1).getResource();
        assertThat(byRecord.getProvision()
                        .getDataFirstRep()
                        .getReference()
                        .getIdentifier()
                        .getValue())
                .isEqualTo(recordId);
    }

    @Test
    void theOwnersAccessHistoryIsValidR4AuditEventsShapedLikeBalp() throws Exception {
        String owner = unique("patient-fhir");
        String recordId = UUID.randomUUID().toString();
        String grantId = UUID.randomUUID().toString();
        views.audit()
                .add(event(
                        owner,
                        "read",
                        "R",
                        "4",
                        "no standing grant",
                        List.of(new AuditEvent.Agent("dr-fhir", "requester", true)),
                        recordId,
                        grantId));
        views.audit()
                .add(event(
                        owner,
                        "gateway",
                        "C",
                        "0",
                        "record submitted",
                        List.of(new AuditEvent.Agent("hospital-a", "system", true)),
                        recordId,
                        null));

        String json = mvc.perform(getAs(owner, "patient", "/fhir/AuditEvent?patient=Patient/" + owner))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(R4Validation.errors(json)).isEmpty();
        Bundle bundle = R4Validation.R4.newJsonParser().parseResource(Bundle.class, json);
        assertThat(bundle.getTotal()).isEqualTo(2);
        var submitted =
                (org.hl7.fhir.r4.model.AuditEvent) bundle.getEntry().get(0).getResource();
        assertThat(submitted.getType().getCode()).isEqualTo("rest");
        assertThat(submitted.getSubtypeFirstRep().getCode()).isEqualTo("create");
        assertThat(submitted.getAction().toCode()).isEqualTo("C");
        assertThat(submitted.getOutcome().toCode()).isEqualTo("0");
        AuditEventAgentComponent caller = submitted.getAgentFirstRep();
        assertThat(caller.getWho().getIdentifier().getValue()).isEqualTo("hospital-a");
        assertThat(caller.getRequestor()).isTrue();
        assertThat(caller.getType().getCodingFirstRep().getCode()).isEqualTo("110153");
        assertThat(submitted.getEntityFirstRep().getWhat().getReference()).isEqualTo("Patient/" + owner);
        assertThat(submitted.getEntityFirstRep().getRole().getCode()).isEqualTo("1");
        assertThat(submitted.getEntity().get(1).getWhat().getIdentifier().getValue())
                .isEqualTo(recordId);
        var denied = (org.hl7.fhir.r4.model.AuditEvent) bundle.getEntry().get(1).getResource();
        assertThat(denied.getType().getCode()).isEqualTo("110113");
        assertThat(denied.getSubtypeFirstRep().getCode()).isEqualTo("AuthZ-Consent");
        assertThat(denied.getAction().toCode()).isEqualTo("E");
        assertThat(denied.getOutcome().toCode()).isEqualTo("4");
        assertThat(denied.getOutcomeDesc()).isEqualTo("no standing grant");
        assertThat(denied.getAgentFirstRep().getType().getCodingFirstRep().getCode())
                .isEqualTo("IRCP");
        assertThat(denied.getPurposeOfEventFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("TREAT");
        assertThat(denied.getEntity().get(2).getWhat().getReference()).isEqualTo("Consent/" + grantId);
    }

    @Test
    void grantsRevocationsErasuresAndEmergencyReadsAreValidR4Too() throws Exception {
        String owner = unique("patient-fhir");
        String recordId = UUID.randomUUID().toString();
        String grantId = UUID.randomUUID().toString();
        List<AuditEvent.Agent> ownerAndGrantee =
                List.of(new AuditEvent.Agent(owner, "owner", true), new AuditEvent.Agent("dr-fhir", "grantee", false));
        views.audit().add(event(owner, "consent", "C", "0", "grant stored", ownerAndGrantee, recordId, grantId));
        views.audit().add(event(owner, "consent", "D", "0", "grant revoked", ownerAndGrantee, recordId, grantId));
        views.audit()
                .add(event(
                        owner,
                        "erasure",
                        "D",
                        "0",
                        "record erased",
                        List.of(new AuditEvent.Agent(owner, "owner", true)),
                        recordId,
                        null));
        views.audit()
                .add(new AuditEvent(
                        UUID.randomUUID().toString(),
                        "rest",
                        "read",
                        "R",
                        Instant.parse("2026-12-05T06:10:00Z"),
                        "0",
                        "emergency access",
                        List.of(
                                new AuditEvent.Agent("dr-fhir", "requester", true),
                                new AuditEvent.Agent("hospital-b", "share-holder", false)),
                        List.of(new AuditEvent.Entity(recordId, "record"), new AuditEvent.Entity(grantId, "request")),
                        "unconscious in ER",
                        true,
                        Domain.PATIENT,
                        owner));

        String json = mvc.perform(getAs(owner, "patient", "/fhir/AuditEvent?patient=" + owner))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(R4Validation.errors(json)).isEmpty();
        Bundle bundle = R4Validation.R4.newJsonParser().parseResource(Bundle.class, json);
        assertThat(bundle.getTotal()).isEqualTo(4);
        var emergency =
                (org.hl7.fhir.r4.model.AuditEvent) bundle.getEntry().get(0).getResource();
        assertThat(emergency.getPurposeOfEventFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("ETREAT");
        assertThat(emergency.getAgent().get(1).getType().getCodingFirstRep().getCode())
                .isEqualTo("PROV");
        var erased = (org.hl7.fhir.r4.model.AuditEvent) bundle.getEntry().get(1).getResource();
        assertThat(erased.getSubtypeFirstRep().getCode()).isEqualTo("delete");
        assertThat(erased.getAgentFirstRep().getType().getCodingFirstRep().getCode())
                .isEqualTo("PAT");
    }

    @Test
    void anotherPatientsTokenGets403AsAnOperationOutcome() throws Exception {
        String owner = unique("patient-fhir");

        mvc.perform(getAs("patient-bob", "patient", "/fhir/Consent?patient=" + owner))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"))
                .andExpect(jsonPath("$.issue[0].code").value("forbidden"));
        mvc.perform(getAs("patient-bob", "patient", "/fhir/AuditEvent?patient=" + owner))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"));
    }

    @Test
    void aSearchWithoutAPatientIs400AndWithoutATokenIs401() throws Exception {
        mvc.perform(getAs("patient-bob", "patient", "/fhir/AuditEvent"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.issue[0].code").value("invalid"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/fhir/Consent?patient=patient-bob"))
                .andExpect(status().isUnauthorized());
    }

    private static AuditEvent event(
            String owner,
            String subtype,
            String action,
            String outcome,
            String desc,
            List<AuditEvent.Agent> agents,
            String recordId,
            String grantId) {
        List<AuditEvent.Entity> entities = grantId == null
                ? List.of(new AuditEvent.Entity(recordId, "record"))
                : List.of(new AuditEvent.Entity(recordId, "record"), new AuditEvent.Entity(grantId, "grant"));
        return new AuditEvent(
                UUID.randomUUID().toString(),
                "rest",
                subtype,
                action,
                Instant.parse("2026-12-05T06:00:00Z"),
                outcome,
                desc,
                agents,
                entities,
                "TREAT",
                false,
                Domain.PATIENT,
                owner);
    }
}

package org.hrm.gateway.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;
import org.hrm.contracts.Domain;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.events.PartyKind;
import org.hrm.gateway.adapter.fhir.AuditEventResources;
import org.hrm.gateway.adapter.fhir.ConsentResources;
import org.hrm.gateway.adapter.fhir.SearchBundles;
import org.hrm.gateway.application.Views;
import org.hrm.gateway.domain.AccessPolicy;
import org.hrm.gateway.domain.Action;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The owner's grants and access history as FHIR R4 searches, {@code GET /fhir/Consent?patient=<owner>} and
 * {@code GET /fhir/AuditEvent?patient=<owner>}: searchset Bundles of the same views {@code /api/owners/{owner}/grants}
 * and {@code /access-history} answer from, for the owner's token only (as those). The patient is the owner's party
 * id, bare or as {@code Patient/<id>}; grants of both record domains are listed, each tagged with its domain.
 */
@RestController
class FhirController {
    private static final String PATIENT_HELP = "the owner's party id, or Patient/<owner's party id>";

    private final Views views;
    private final Clock clock;
    private final ConsentResources consents;
    private final AuditEventResources auditEvents;

    FhirController(Views views, Clock clock) {
        this.views = views;
        this.clock = clock;
        this.consents = new ConsentResources(this::kindOf);
        this.auditEvents = new AuditEventResources(this::kindOf);
    }

    @Operation(summary = "The owner's standing grants as R4 Consent resources (a searchset Bundle)")
    @GetMapping(
            path = "/fhir/Consent",
            produces = {SearchBundles.FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> consents(
            @Parameter(description = PATIENT_HELP) @RequestParam(required = false) String patient) {
        String ownerId = owner(patient);
        List<Resource> found = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            views.directory().grantsOf(domain, ownerId).map(consents::of).ifPresent(found::addAll);
        }
        return searchset(found);
    }

    @Operation(summary = "The owner's access history, newest first, as R4 AuditEvent resources (a searchset Bundle)")
    @GetMapping(
            path = "/fhir/AuditEvent",
            produces = {SearchBundles.FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> auditEvents(
            @Parameter(description = PATIENT_HELP) @RequestParam(required = false) String patient) {
        String ownerId = owner(patient);
        List<Resource> found = new ArrayList<>();
        AccessHistory.events(views.audit().of(ownerId)).stream()
                .map(auditEvents::of)
                .forEach(found::add);
        return searchset(found);
    }

    /** The owner the search names, after the same check as every owner's view: the caller must be that owner. */
    private static String owner(String patient) {
        if (patient == null || patient.isBlank()) {
            throw ApiProblem.badRequest("search by patient: ?patient=<owner's party id>");
        }
        String ownerId = patient.startsWith("Patient/") ? patient.substring("Patient/".length()) : patient;
        AccessPolicy.checkFor(Callers.current(), Action.READ_OWNER_DATA, ownerId);
        return ownerId;
    }

    private ResponseEntity<String> searchset(List<Resource> found) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/fhir")
                .toUriString();
        String self = ServletUriComponentsBuilder.fromCurrentRequest().toUriString();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(SearchBundles.FHIR_JSON + ";charset=UTF-8"))
                .body(SearchBundles.searchset(base, self, found, clock.instant()));
    }

    private Optional<PartyKind> kindOf(String partyId) {
        return views.directory().party(partyId).map(DirectoryEntry::kind);
    }
}

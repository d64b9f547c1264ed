package org.hrm.gateway.adapter.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.PartyKind;

/** The agents, entities and purpose of one {@link AuditEventResources} event, BALP's way. */
final class AuditParticipants {
    static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    static final String SECURITY_ROLE = "http://terminology.hl7.org/CodeSystem/extra-security-role-type";
    /** Purposes of use the platform's clients send (v3 ActReason), coded; any other purpose stays text. */
    private static final Set<String> PURPOSES_OF_USE = Set.of(
            "TREAT", "ETREAT", "CAREMGT", "COC", "PATRQT", "FAMRQT", "PWATRNY", "HPAYMT", "HOPERAT", "HRESCH",
            "PUBHLTH");

    private final Function<String, Optional<PartyKind>> kinds;

    AuditParticipants(Function<String, Optional<PartyKind>> kinds) {
        this.kinds = kinds;
    }

    /**
     * The event's parties, then the service that recorded it. In a gateway request the caller is BALP's client and
     * the gateway its server; which of them is "Source Role ID" follows the data: the server is the source of a read.
     */
    List<AuditEventAgentComponent> agents(
            AuditEvent event, String recorder, boolean decision, AuditEventAction action) {
        boolean gateway = !decision && AuditEventResources.GATEWAY.equals(event.subtype());
        Coding client = action == AuditEventAction.R ? destination() : source();
        Coding server = action == AuditEventAction.R ? source() : destination();
        List<AuditEventAgentComponent> agents = new ArrayList<>();
        for (AuditEvent.Agent party : event.agent()) {
            AuditEventAgentComponent agent = new AuditEventAgentComponent()
                    .setWho(FhirTerms.party(party.who(), kinds.apply(party.who())))
                    .setRequestor(party.requestor());
            Optional<Coding> role = roleOf(party.role(), event.domain());
            if (gateway) {
                agent.setType(new CodeableConcept(client));
                agent.addRole(concept(role, party.role()));
            } else {
                agent.setType(concept(role, party.role()));
            }
            if (party.requestor()) {
                purpose(event).ifPresent(agent::addPurposeOfUse);
            }
            agents.add(agent);
        }
        Coding serviceType = decision
                ? new Coding(SECURITY_ROLE, "authserver", "authorization server")
                : gateway ? server : destination();
        agents.add(new AuditEventAgentComponent()
                .setType(new CodeableConcept(serviceType))
                .setWho(FhirTerms.service(recorder))
                .setRequestor(false));
        return agents;
    }

    /** The owner as the patient entity first, then what the event acted on. */
    List<AuditEventEntityComponent> entities(AuditEvent event) {
        List<AuditEventEntityComponent> entities = new ArrayList<>();
        entities.add(new AuditEventEntityComponent()
                .setWhat(FhirTerms.patient(event.patientId()))
                .setType(new Coding(ENTITY_TYPE, "1", "Person"))
                .setRole(new Coding(OBJECT_ROLE, "1", "Patient")));
        event.entity().forEach(entity -> entities.add(entity(entity)));
        return entities;
    }

    /** The purpose of use: coded when it is one of v3 ActReason's, emergency treatment when the glass was broken. */
    Optional<CodeableConcept> purpose(AuditEvent event) {
        String purpose =
                event.purposeOfEvent() == null ? "" : event.purposeOfEvent().trim();
        String code = purpose.toUpperCase(Locale.ROOT);
        if (event.emergency() && !"ETREAT".equals(code)) {
            return Optional.of(new CodeableConcept(actReason("ETREAT")).setText(purpose.isEmpty() ? null : purpose));
        }
        if (PURPOSES_OF_USE.contains(code)) {
            return Optional.of(new CodeableConcept(actReason(code)));
        }
        return purpose.isEmpty() ? Optional.empty() : Optional.of(new CodeableConcept().setText(purpose));
    }

    private static AuditEventEntityComponent entity(AuditEvent.Entity entity) {
        AuditEventEntityComponent component = new AuditEventEntityComponent().setDescription(entity.kind());
        switch (entity.kind() == null ? "" : entity.kind()) {
            case "record" ->
                component
                        .setWhat(
                                FhirTerms.identified(FhirTerms.RECORD_SYSTEM, entity.what(), "record " + entity.what()))
                        .setType(new Coding(ENTITY_TYPE, "2", "System Object"))
                        .setRole(new Coding(OBJECT_ROLE, "4", "Domain Resource"));
            case "grant" ->
                component
                        .setWhat(new Reference("Consent/" + FhirTerms.resourceId(entity.what()))
                                .setIdentifier(new org.hl7.fhir.r4.model.Identifier()
                                        .setSystem(FhirTerms.GRANT_SYSTEM)
                                        .setValue(entity.what())))
                        .setType(new Coding(FhirTerms.RESOURCE_TYPES, "Consent", "Consent"));
            case "request" ->
                component
                        .setWhat(FhirTerms.identified(FhirTerms.ACCESS_REQUEST_SYSTEM, entity.what(), "request"))
                        .setType(new Coding(ENTITY_TYPE, "2", "System Object"));
            default ->
                component
                        .setWhat(FhirTerms.identified(FhirTerms.BASE + "sid/other", entity.what(), entity.kind()))
                        .setType(new Coding(ENTITY_TYPE, "4", "Other"));
        }
        return component;
    }

    /** What the platform's role names mean in HL7's terms, when they have a meaning there. */
    private static Optional<Coding> roleOf(String role, Domain domain) {
        return Optional.ofNullable(
                switch (role == null ? "" : role) {
                    case "patient" -> roleClass("PAT", "patient");
                    case "owner" ->
                        domain == Domain.PRACTITIONER
                                ? roleClass("PROV", "healthcare provider")
                                : roleClass("PAT", "patient");
                    case "practitioner", "share-holder" -> roleClass("PROV", "healthcare provider");
                    case "requester", "grantee" ->
                        new Coding(FhirTerms.PARTICIPATION_TYPE, "IRCP", "information recipient");
                    case "system" -> new Coding(FhirTerms.DICOM, "110150", "Application");
                    default -> null;
                });
    }

    private static CodeableConcept concept(Optional<Coding> coding, String text) {
        CodeableConcept concept = new CodeableConcept().setText(text);
        coding.ifPresent(concept::addCoding);
        return concept;
    }

    private static Coding roleClass(String code, String display) {
        return new Coding(FhirTerms.ROLE_CLASS, code, display);
    }

    private static Coding actReason(String code) {
        return new Coding(FhirTerms.ACT_REASON, code, null);
    }

    private static Coding source() {
        return new Coding(FhirTerms.DICOM, "110153", "Source Role ID");
    }

    private static Coding destination() {
        return new Coding(FhirTerms.DICOM, "110152", "Destination Role ID");
    }
}

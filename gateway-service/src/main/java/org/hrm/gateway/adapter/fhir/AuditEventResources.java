package org.hrm.gateway.adapter.fhir;

import java.util.Date;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hrm.contracts.events.PartyKind;

/**
 * One audit event on an owner (consent-service's decisions, grants, revocations and erasures; the gateway's requests)
 * as an R4 {@code AuditEvent} in the shape of IHE's Basic Audit Log Patterns (BALP):
 * <ul>
 *   <li>an access decision follows BALP's consent authorization decision: type DICOM 110113 "Security Alert", subtype
 *       {@code AuthZ-Consent}, action E, the requester an "information recipient", consent-service the authorization
 *       server, the grant used an entity {@code Consent/<grant id>};
 *   <li>everything else follows BALP's RESTful patterns: type {@code rest}, subtype the RESTful interaction of its
 *       action (C create, R read, U update, D delete, E operation), the caller and the service that handled it as
 *       client and server (DICOM "Source Role ID" / "Destination Role ID", by the direction the data flows);
 *   <li>every event names the owner as its patient entity (audit-entity-type 1 "Person", object-role 1 "Patient"),
 *       its records as "System Object"/"Domain Resource" entities, and the recording service as its source.
 * </ul>
 * Outcome is the event's own: 0 allowed or done, 4 denied or refused, with the reason as outcomeDesc. BALP's
 * network and token details are not kept by the platform's audit events, so they are not claimed here; nor is a BALP
 * profile in {@code meta.profile}: the resources are checked against the R4 base profiles.
 */
public final class AuditEventResources {
    static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String AUTHZ_SUBTYPE = "https://profiles.ihe.net/ITI/BALP/CodeSystem/AuthZsubType";
    static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    static final String DECISION = "read";
    static final String GATEWAY = "gateway";

    private final AuditParticipants participants;

    /** {@code kinds} says what kind of party an id is, when the directory knows it. */
    public AuditEventResources(Function<String, Optional<PartyKind>> kinds) {
        this.participants = new AuditParticipants(kinds);
    }

    public AuditEvent of(org.hrm.contracts.events.AuditEvent event) {
        boolean decision = DECISION.equals(event.subtype());
        AuditEvent audit = new AuditEvent();
        audit.setId(FhirTerms.resourceId(event.id()));
        if (event.domain() != null) {
            audit.getMeta().addTag(FhirTerms.domainTag(event.domain()));
        }
        AuditEventAction action = decision ? AuditEventAction.E : action(event.action());
        if (decision) {
            audit.setType(FhirTerms.coding(FhirTerms.DICOM, "110113", "Security Alert"));
            audit.addSubtype(
                    FhirTerms.coding(AUTHZ_SUBTYPE, "AuthZ-Consent", "Authorization Decision using Roles and Consent"));
        } else {
            audit.setType(FhirTerms.coding(EVENT_TYPE, "rest", "Restful Operation"));
            audit.addSubtype(interaction(action));
        }
        audit.setAction(action);
        audit.setRecorded(Date.from(event.recorded()));
        audit.setOutcome(outcome(event.outcome()));
        audit.setOutcomeDesc(event.outcomeDesc());
        participants.purpose(event).ifPresent(audit::addPurposeOfEvent);
        String recorder = recorder(event);
        audit.getSource()
                .setSite("hrm")
                .setObserver(FhirTerms.service(recorder))
                .addType(
                        decision
                                ? new Coding(SOURCE_TYPE, "6", "Security Server")
                                : new Coding(SOURCE_TYPE, "4", "Application Server"));
        participants.agents(event, recorder, decision, action).forEach(audit::addAgent);
        participants.entities(event).forEach(audit::addEntity);
        return audit;
    }

    /** The gateway audits its own requests (subtype "gateway"); every other event is consent-service's. */
    static String recorder(org.hrm.contracts.events.AuditEvent event) {
        return GATEWAY.equals(event.subtype()) ? "gateway-service" : "consent-service";
    }

    private static AuditEventAction action(String code) {
        try {
            return AuditEventAction.fromCode(code);
        } catch (org.hl7.fhir.exceptions.FHIRException unknown) {
            return AuditEventAction.E;
        }
    }

    private static AuditEventOutcome outcome(String code) {
        try {
            return AuditEventOutcome.fromCode(code);
        } catch (org.hl7.fhir.exceptions.FHIRException unknown) {
            return AuditEventOutcome._4;
        }
    }

    private static Coding interaction(AuditEventAction action) {
        String code = switch (action) {
            case C -> "create";
            case R -> "read";
            case U -> "update";
            case D -> "delete";
            default -> "operation";
        };
        return FhirTerms.coding(RESTFUL_INTERACTION, code, code);
    }
}

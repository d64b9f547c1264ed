package org.hrm.gateway.adapter.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.PartyKind;

/**
 * The identifier systems and code systems the gateway's FHIR resources use, and how a party becomes a reference. The
 * platform's own systems live under {@code https://hrm.example/fhir/} (like its problem types); a party is named by
 * identifier, not by a literal reference, because the gateway serves no Patient, Practitioner or Organization
 * resources; the owner alone gets a literal {@code Patient/<owner id>} too, as {@code ?patient=} searches by it.
 */
final class FhirTerms {
    static final String BASE = "https://hrm.example/fhir/";
    static final String PARTY_SYSTEM = BASE + "sid/party";
    static final String RECORD_SYSTEM = BASE + "sid/record";
    static final String ACCESS_REQUEST_SYSTEM = BASE + "sid/access-request";
    static final String GRANT_SYSTEM = BASE + "sid/grant";
    static final String SERVICE_SYSTEM = BASE + "sid/service";
    static final String DOMAIN_SYSTEM = BASE + "CodeSystem/record-domain";
    static final String CATEGORY_SYSTEM = BASE + "CodeSystem/record-category";

    static final String RESOURCE_TYPES = "http://hl7.org/fhir/resource-types";
    static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String ROLE_CLASS = "http://terminology.hl7.org/CodeSystem/v3-RoleClass";
    static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private FhirTerms() {}

    static Coding coding(String system, String code, String display) {
        return new Coding(system, code, display);
    }

    /** The record domain a resource belongs to, as a {@code meta.tag}. */
    static Coding domainTag(Domain domain) {
        return coding(DOMAIN_SYSTEM, domain.id(), domain.id() + " records");
    }

    /** {@code value} itself when it is a valid FHIR id, else a UUID derived from it (the same every time). */
    static String resourceId(String value) {
        if (FHIR_ID.matcher(value).matches()) {
            return value;
        }
        return UUID.nameUUIDFromBytes(value.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The owner: {@code Patient/<owner id>} and the owner's party identifier. */
    static Reference patient(String ownerId) {
        Reference patient = party(ownerId, Optional.of(PartyKind.PATIENT));
        if (FHIR_ID.matcher(ownerId).matches()) {
            patient.setReference("Patient/" + ownerId);
        }
        return patient;
    }

    /** Any party by its identifier, typed by what the directory says it is (when it knows the party). */
    static Reference party(String partyId, Optional<PartyKind> kind) {
        Reference reference = new Reference()
                .setIdentifier(new Identifier().setSystem(PARTY_SYSTEM).setValue(partyId))
                .setDisplay(partyId);
        kind.map(FhirTerms::resourceType).ifPresent(reference::setType);
        return reference;
    }

    /** A platform service (consent-service, the gateway) by name. */
    static Reference service(String name) {
        return new Reference()
                .setIdentifier(new Identifier().setSystem(SERVICE_SYSTEM).setValue(name))
                .setType("Device")
                .setDisplay(name);
    }

    static Reference identified(String system, String value, String display) {
        return new Reference()
                .setIdentifier(new Identifier().setSystem(system).setValue(value))
                .setDisplay(display);
    }

    /** A hospital system is its institution, an Organization; patients and practitioners are themselves. */
    private static String resourceType(PartyKind kind) {
        return switch (kind) {
            case PATIENT -> "Patient";
            case PRACTITIONER -> "Practitioner";
            case SYSTEM -> "Organization";
        };
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}

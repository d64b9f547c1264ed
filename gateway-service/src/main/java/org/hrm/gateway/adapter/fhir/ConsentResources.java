package org.hrm.gateway.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Period;
import org.hrm.contracts.events.PartyKind;
import org.hrm.gateway.application.OwnerGrants;

/**
 * The owner's standing grants (consent-service's view: unexpired, unrevoked) as R4 {@code Consent} resources: a
 * privacy consent of the owner (patient and performer) that permits the grantee (actor, "information recipient")
 * access until the grant expires (provision period end), to the listed records (provision data) or to every record of
 * a category (provision class: the FHIR resource type the record's category names; none for all categories). The id
 * is the grant id. The standing-grants view keeps neither purpose nor start, so neither appears.
 */
public final class ConsentResources {
    static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    static final String CONSENT_ACTION = "http://terminology.hl7.org/CodeSystem/consentaction";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String LOINC = "http://loinc.org";
    private static final Set<String> R4_RESOURCE_TYPES =
            FhirContext.forR4Cached().getResourceTypes();

    private final Function<String, Optional<PartyKind>> kinds;

    /** {@code kinds} says what kind of party an id is, when the directory knows it. */
    public ConsentResources(Function<String, Optional<PartyKind>> kinds) {
        this.kinds = kinds;
    }

    public List<Consent> of(OwnerGrants grants) {
        return grants.grantees().stream()
                .map(grantee -> consent(grants, grantee))
                .toList();
    }

    private Consent consent(OwnerGrants grants, OwnerGrants.Grantee grantee) {
        Consent consent = new Consent();
        consent.setId(grantee.grantId());
        consent.getMeta().setLastUpdated(Date.from(grants.updatedAt())).addTag(FhirTerms.domainTag(grants.domain()));
        consent.addIdentifier().setSystem(FhirTerms.GRANT_SYSTEM).setValue(grantee.grantId());
        consent.setStatus(Consent.ConsentState.ACTIVE);
        consent.setScope(concept(CONSENT_SCOPE, "patient-privacy", "Privacy Consent"));
        consent.addCategory(concept(LOINC, "64292-6", "Release of information consent"));
        consent.setPatient(FhirTerms.patient(grants.ownerId()));
        consent.addPerformer(FhirTerms.patient(grants.ownerId()));
        consent.setPolicyRule(concept(ACT_CODE, "OPTIN", "opt-in"));
        consent.setProvision(provision(grantee));
        return consent;
    }

    private Consent.ProvisionComponent provision(OwnerGrants.Grantee grantee) {
        Consent.ProvisionComponent provision = new Consent.ProvisionComponent()
                .setType(Consent.ConsentProvisionType.PERMIT)
                .setPeriod(new Period().setEnd(Date.from(grantee.expiresAt())));
        provision
                .addActor()
                .setRole(concept(FhirTerms.PARTICIPATION_TYPE, "IRCP", "information recipient"))
                .setReference(FhirTerms.party(grantee.granteeId(), kinds.apply(grantee.granteeId())));
        provision.addAction(concept(CONSENT_ACTION, "access", "Access"));
        OwnerGrants.Scope scope = grantee.scope();
        scope.recordIds()
                .forEach(recordId -> provision
                        .addData()
                        .setMeaning(Consent.ConsentDataMeaning.INSTANCE)
                        .setReference(FhirTerms.identified(FhirTerms.RECORD_SYSTEM, recordId, "record " + recordId)));
        if (scope.recordIds().isEmpty() && !OwnerGrants.Scope.ALL_CATEGORIES.equals(scope.category())) {
            provision.addClass_(categoryClass(scope.category()));
        }
        return provision;
    }

    /** A category that names an R4 resource type is that type; any other is a category of the platform's own. */
    private static Coding categoryClass(String category) {
        if (R4_RESOURCE_TYPES.contains(category)) {
            return FhirTerms.coding(FhirTerms.RESOURCE_TYPES, category, category);
        }
        return FhirTerms.coding(FhirTerms.CATEGORY_SYSTEM, category, category);
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(FhirTerms.coding(system, code, display));
    }
}

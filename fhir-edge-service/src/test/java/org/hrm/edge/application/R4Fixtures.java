package org.hrm.edge.application;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/** Valid R4 resources about one patient, and the one FHIR context and validator the tests share (slow to build). */
final class R4Fixtures {
    static final FhirContext CONTEXT = FhirContext.forR4();
    static final ResourceValidator VALIDATOR = new ResourceValidator(CONTEXT);

    private R4Fixtures() {}

    static Observation heartRate(String patient) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "8867-4", "Heart rate")));
        observation.setSubject(new Reference(patient));
        observation.setValue(new Quantity()
                .setValue(72)
                .setUnit("beats/minute")
                .setSystem("http://unitsofmeasure.org")
                .setCode("/min"));
        return observation;
    }

    static Condition hypertension(String patient) {
        Condition condition = new Condition();
        condition.setSubject(new Reference(patient));
        condition.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "38341003", "Hypertension")));
        condition.setClinicalStatus(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")));
        return condition;
    }

    static MedicationRequest lisinopril(String patient) {
        MedicationRequest request = new MedicationRequest();
        request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setSubject(new Reference(patient));
        request.setMedication(new CodeableConcept(
                new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "314076", "lisinopril 10 MG Oral Tablet")));
        return request;
    }

    /** An Observation without its required status. */
    static Observation withoutStatus(String patient) {
        Observation observation = heartRate(patient);
        observation.setStatus(null);
        return observation;
    }
}

package org.hrm.sandbox;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hrm.contracts.Domain;

/**
 * The FHIR R4 resources the sandbox writes (the demo's records, the chaos run's load), built with HAPI's model
 * classes; a record's plaintext is {@link #json} of one of them and its category is the resource's type. Subjects
 * are the hospital's own references ({@code Patient/mrn-alice}), as an EHR would write them.
 */
public final class R4Resources {
    private static final String LOINC = "http://loinc.org";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String UCUM = "http://unitsofmeasure.org";

    private R4Resources() {}

    /** HAPI's JSON of {@code resource}: the bytes a record carries, and what the edge service stores. */
    public static byte[] json(Resource resource) {
        return FhirContext.forR4Cached()
                .newJsonParser()
                .encodeResourceToString(resource)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A final laboratory or vital-sign result with a LOINC code and a UCUM quantity; {@code subject} may be null. */
    public static Observation observation(
            String subject, String loinc, String display, double value, String unit, String ucum) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(concept(LOINC, loinc, display));
        if (subject != null) {
            observation.setSubject(new Reference(subject));
        }
        observation.setEffective(new DateTimeType("2026-11-30T09:15:00Z"));
        observation.setValue(quantity(value, unit, ucum));
        return observation;
    }

    /** A blood pressure panel: systolic and diastolic as components. */
    public static Observation bloodPressure(String subject, int systolic, int diastolic) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(concept(LOINC, "85354-9", "Blood pressure panel with all children optional"));
        observation.setSubject(new Reference(subject));
        observation.setEffective(new DateTimeType("2026-11-30T09:10:00Z"));
        observation
                .addComponent()
                .setCode(concept(LOINC, "8480-6", "Systolic blood pressure"))
                .setValue(quantity(systolic, "mmHg", "mm[Hg]"));
        observation
                .addComponent()
                .setCode(concept(LOINC, "8462-4", "Diastolic blood pressure"))
                .setValue(quantity(diastolic, "mmHg", "mm[Hg]"));
        return observation;
    }

    /**
     * A heart-rate observation carrying {@code note} as its annotation (the chaos run's load and probes): about a
     * patient, or, for a {@code Practitioner/...} owner (a practitioner-domain record), made by that practitioner.
     */
    public static Observation notedHeartRate(String owner, int beatsPerMinute, String note) {
        boolean practitioner = owner.startsWith("Practitioner/");
        Observation observation = observation(
                practitioner ? null : owner, "8867-4", "Heart rate", beatsPerMinute, "beats/minute", "/min");
        if (practitioner) {
            observation.addPerformer(new Reference(owner));
        }
        observation.addNote(new Annotation().setText(note));
        return observation;
    }

    /** The sandbox's convention for an owner's reference: {@code Patient/<party id>} or {@code Practitioner/<id>}. */
    public static String ownerReference(Domain domain, String partyId) {
        return (domain == Domain.PRACTITIONER ? "Practitioner/" : "Patient/") + partyId;
    }

    /**
     * A heart rate of about {@code bytes} bytes of JSON for load runs: a random rate, and a note of random hex that
     * pads it to size, so no two records (and no two ciphertexts' plaintexts) are alike.
     */
    public static Observation loadObservation(String owner, java.util.Random random, int bytes) {
        Observation observation = notedHeartRate(owner, 50 + random.nextInt(70), "");
        StringBuilder note = new StringBuilder();
        int size = json(observation).length;
        while (size + note.length() < bytes) {
            note.append(Long.toHexString(random.nextLong()));
        }
        observation.getNoteFirstRep().setText(note.toString());
        return observation;
    }

    /** An active diagnosis coded in SNOMED CT. */
    public static Condition condition(String subject, String snomed, String display) {
        Condition condition = new Condition();
        condition.setClinicalStatus(
                concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"));
        condition.setCode(concept(SNOMED, snomed, display));
        condition.setSubject(new Reference(subject));
        return condition;
    }

    /** An active order for an RxNorm-coded medicine, with its dosage as text. */
    public static MedicationRequest medicationRequest(String subject, String rxnorm, String display, String dosage) {
        MedicationRequest request = new MedicationRequest();
        request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setMedication(concept("http://www.nlm.nih.gov/research/umls/rxnorm", rxnorm, display));
        request.setSubject(new Reference(subject));
        request.addDosageInstruction().setText(dosage);
        return request;
    }

    /** A confirmed, active, high-criticality allergy to a SNOMED-coded substance, with a severe reaction. */
    public static AllergyIntolerance allergy(String patient, String snomed, String display, String manifestation) {
        AllergyIntolerance allergy = new AllergyIntolerance();
        allergy.setClinicalStatus(
                concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active"));
        allergy.setVerificationStatus(concept(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed", "Confirmed"));
        allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
        allergy.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
        allergy.setCode(concept(SNOMED, snomed, display));
        allergy.setPatient(new Reference(patient));
        allergy.addReaction()
                .addManifestation(new CodeableConcept().setText(manifestation))
                .setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE);
        return allergy;
    }

    /** A completed vaccination, coded in CVX. */
    public static Immunization immunization(String patient, String cvx, String display, String date) {
        Immunization immunization = new Immunization();
        immunization.setStatus(Immunization.ImmunizationStatus.COMPLETED);
        immunization.setVaccineCode(concept("http://hl7.org/fhir/sid/cvx", cvx, display));
        immunization.setPatient(new Reference(patient));
        immunization.setOccurrence(new DateTimeType(date));
        return immunization;
    }

    /** A current clinical document of LOINC type {@code loinc}, its text attached inline (base64 in the JSON). */
    public static DocumentReference document(String subject, String loinc, String display, String title, String text) {
        DocumentReference document = new DocumentReference();
        document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        document.setType(concept(LOINC, loinc, display));
        document.setSubject(new Reference(subject));
        document.addContent()
                .getAttachment()
                .setContentType("text/plain")
                .setLanguage("en")
                .setTitle(title)
                .setData(text.getBytes(StandardCharsets.UTF_8));
        return document;
    }

    /** A practitioner's own record: name and one qualification held since {@code since} (a year). */
    public static Practitioner practitioner(
            String id, String family, String given, String qualification, String since) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(id);
        practitioner.setActive(true);
        practitioner.addName(new HumanName().setFamily(family).addGiven(given).addPrefix("Dr"));
        practitioner
                .addQualification()
                .setCode(new CodeableConcept().setText(qualification))
                .setPeriod(new Period().setStartElement(new DateTimeType(since)));
        return practitioner;
    }

    /** The practitioner's role: a SNOMED-coded specialty at an organisation named by display. */
    public static PractitionerRole practitionerRole(
            String practitioner, String organization, String snomedSpecialty, String display) {
        PractitionerRole role = new PractitionerRole();
        role.setActive(true);
        role.setPractitioner(new Reference(practitioner));
        role.setOrganization(new Reference().setDisplay(organization));
        role.addSpecialty(concept(SNOMED, snomedSpecialty, display));
        return role;
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display)).setText(display);
    }

    private static Quantity quantity(double value, String unit, String ucum) {
        return new Quantity()
                .setValueElement(new org.hl7.fhir.r4.model.DecimalType(BigDecimal.valueOf(value)))
                .setUnit(unit)
                .setSystem(UCUM)
                .setCode(ucum);
    }
}

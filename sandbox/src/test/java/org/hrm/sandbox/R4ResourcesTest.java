package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.hrm.edge.application.ResourceValidator;
import org.junit.jupiter.api.Test;

/** Every builder the demo and the chaos run use yields valid R4, by the edge service's validator. */
class R4ResourcesTest {
    private static final ResourceValidator VALIDATOR = new ResourceValidator(FhirContext.forR4Cached());
    private static final String PATIENT = "Patient/mrn-alice";

    @Test
    void everyBuilderYieldsValidR4() {
        List<Resource> built = List.of(
                R4Resources.bloodPressure(PATIENT, 128, 82),
                R4Resources.observation(PATIENT, "4548-4", "Hemoglobin A1c", 6.1, "%", "%"),
                R4Resources.notedHeartRate(PATIENT, 72, "probe"),
                R4Resources.condition(PATIENT, "44054006", "Diabetes mellitus type 2"),
                R4Resources.medicationRequest(PATIENT, "861007", "metformin 500 MG Oral Tablet", "twice daily"),
                R4Resources.allergy(PATIENT, "764146007", "Penicillin", "hives"),
                R4Resources.immunization(PATIENT, "141", "Influenza, seasonal, injectable", "2026-10-02"),
                R4Resources.document(PATIENT, "18842-5", "Discharge summary", "Discharge letter", "Home on day 3."),
                R4Resources.practitioner("dr-chen", "Chen", "Wei", "Board certified in cardiology", "2019"),
                R4Resources.practitionerRole("Practitioner/dr-chen", "St Mary's", "394579002", "Cardiology"),
                R4Resources.loadObservation(PATIENT, new java.util.Random(7), 700),
                R4Resources.notedHeartRate("Practitioner/chaos-dr-lee", 64, "the doctor's own record"));

        for (Resource resource : built) {
            assertThat(VALIDATOR.problems(resource.fhirType(), resource))
                    .as(new String(R4Resources.json(resource), StandardCharsets.UTF_8))
                    .isEmpty();
        }
    }

    @Test
    void theValidatorRefusesAnObservationWithoutItsStatus() {
        Observation observation = R4Resources.notedHeartRate(PATIENT, 72, "probe");
        observation.setStatus(null);

        assertThat(VALIDATOR.problems("Observation", observation))
                .anySatisfy(problem -> assertThat(problem.path()).contains("Observation"));
    }

    @Test
    void theLoadObservationHasTheAskedSizeAndVaries() {
        java.util.Random random = new java.util.Random(7);

        byte[] one = R4Resources.json(R4Resources.loadObservation(PATIENT, random, 700));
        byte[] two = R4Resources.json(R4Resources.loadObservation(PATIENT, random, 700));

        assertThat(one.length).isBetween(700, 760);
        assertThat(one).isNotEqualTo(two);
    }
}

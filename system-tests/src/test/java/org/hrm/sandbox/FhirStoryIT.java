package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Observation;
import org.hrm.client.sdk.PartyKeys;
import org.junit.jupiter.api.Test;

/** The demo's FHIR story judges what it stores: one invalid resource makes fhirResourcesValid false and fails it. */
class FhirStoryIT {
    private static final String EHR_PATIENT = "Patient/mrn-story";

    private final PartyKeys hospital = PartyKeys.generate("hospital-story-" + System.nanoTime());
    private final PartyKeys patient = PartyKeys.generate("patient-story-" + System.nanoTime());

    @Test
    void anInvalidResourceMakesTheStoryReportInvalidAndFail() throws Exception {
        try (FhirStory story =
                FhirStory.start(SharedPlatform.get().endpoints(), hospital, Map.of(EHR_PATIENT, patient), line -> {})) {
            story.validated(R4Resources.notedHeartRate(EHR_PATIENT, 72, "valid"));
            assertThat(story.results()).containsEntry("fhirResourcesValid", true);
            Observation invalid = R4Resources.notedHeartRate(EHR_PATIENT, 72, "no status");
            invalid.setStatus(null);

            story.validated(invalid);

            assertThat(story.results())
                    .containsEntry("fhirResourcesValid", false)
                    .containsEntry("edgeSubmissions", 0);
            assertThat(story.held()).isFalse();
        }
    }

    @Test
    void aBundleTheEdgeRefusesSubmitsNothingAndReportsInvalid() throws Exception {
        Observation invalid = R4Resources.notedHeartRate(EHR_PATIENT, 72, "no status");
        invalid.setStatus(null);
        try (FhirStory story =
                FhirStory.start(SharedPlatform.get().endpoints(), hospital, Map.of(EHR_PATIENT, patient), line -> {})) {
            story.validated(R4Resources.notedHeartRate(EHR_PATIENT, 72, "valid"));

            List<String> recordIds = story.postTransaction(patient, List.of(invalid));

            assertThat(recordIds).isEmpty();
            assertThat(story.results()).containsEntry("fhirResourcesValid", false);
            assertThat(story.held()).isFalse();
        }
    }
}

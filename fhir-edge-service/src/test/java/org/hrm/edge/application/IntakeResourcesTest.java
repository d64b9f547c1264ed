package org.hrm.edge.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hrm.contracts.Domain;
import org.hrm.edge.domain.Owner;
import org.hrm.edge.domain.OwnerMapping;
import org.hrm.edge.domain.PreparedRecord;
import org.hrm.edge.domain.Problem;
import org.hrm.edge.domain.RecordSubmitter;
import org.hrm.edge.domain.SubmittedRecord;
import org.junit.jupiter.api.Test;

class IntakeResourcesTest {
    private final List<PreparedRecord> submitted = new ArrayList<>();
    private final RecordSubmitter fakeSubmitter = record -> {
        submitted.add(record);
        return UUID.randomUUID().toString();
    };
    private final OwnerMapping mapping = OwnerMapping.of(Map.of("Patient/p1", "patient-1"));

    private IntakeResources intake(int maxRecordBytes) {
        return new IntakeResources(
                R4Fixtures.CONTEXT,
                R4Fixtures.VALIDATOR,
                mapping,
                fakeSubmitter,
                new SubmittedRecords(),
                maxRecordBytes,
                Clock.systemUTC());
    }

    private static List<IncomingResource> entries(IBaseResource... resources) {
        List<IncomingResource> entries = new ArrayList<>();
        for (int i = 0; i < resources.length; i++) {
            entries.add(new IncomingResource("Bundle.entry[" + i + "]", resources[i], null));
        }
        return entries;
    }

    @Test
    void submitsNothingOfATransactionWithOneInvalidEntry() {
        List<IncomingResource> entries = entries(
                R4Fixtures.heartRate("Patient/p1"),
                R4Fixtures.hypertension("Patient/p1"),
                R4Fixtures.lisinopril("Patient/p1"),
                R4Fixtures.withoutStatus("Patient/p1"));

        assertThatThrownBy(() -> intake(1 << 20).transaction(entries))
                .isInstanceOfSatisfying(
                        ResourcesRefused.class,
                        refused -> assertThat(refused.problems())
                                .isNotEmpty()
                                .allSatisfy(problem ->
                                        assertThat(problem.resource()).isEqualTo("Bundle.entry[3]")));
        assertThat(submitted).isEmpty();
    }

    @Test
    void submitsEveryEntryOfAValidTransactionWithItsTypeAsCategory() {
        List<IncomingResource> entries = entries(
                R4Fixtures.heartRate("Patient/p1"),
                R4Fixtures.hypertension("Patient/p1"),
                R4Fixtures.lisinopril("Patient/p1"));

        List<SubmittedRecord> records = intake(1 << 20).transaction(entries);

        assertThat(records)
                .extracting(SubmittedRecord::category)
                .containsExactly("Observation", "Condition", "MedicationRequest");
        assertThat(submitted).extracting(PreparedRecord::owner).containsOnly(new Owner("patient-1", Domain.PATIENT));
        String json = new String(submitted.get(0).plaintext(), StandardCharsets.UTF_8);
        assertThat(R4Fixtures.CONTEXT
                        .newJsonParser()
                        .parseResource(Observation.class, json)
                        .equalsDeep(R4Fixtures.heartRate("Patient/p1")))
                .isTrue();
    }

    @Test
    void refusesAnUnmappedPatientNamingTheMissingMapping() {
        List<IncomingResource> entries = entries(R4Fixtures.heartRate("Patient/someone-else"));

        assertThatThrownBy(() -> intake(1 << 20).transaction(entries))
                .isInstanceOfSatisfying(
                        ResourcesRefused.class,
                        refused -> assertThat(refused.problems())
                                .extracting(Problem::message)
                                .anySatisfy(message -> assertThat(message)
                                        .contains("Patient/someone-else is not in the hospital's owner mapping")));
        assertThat(submitted).isEmpty();
    }

    @Test
    void refusesAResourceAboutNoPatient() {
        Observation observation = R4Fixtures.heartRate("Patient/p1");
        observation.setSubject(new Reference("Device/d1"));

        assertThatThrownBy(() -> intake(1 << 20).one(IncomingResource.posted(observation)))
                .isInstanceOfSatisfying(
                        ResourcesRefused.class,
                        refused -> assertThat(refused.problems())
                                .extracting(Problem::message)
                                .anySatisfy(message ->
                                        assertThat(message).contains("no Patient or Practitioner reference")));
        assertThat(submitted).isEmpty();
    }

    @Test
    void refusesAResourceLargerThanThePlatformTakes() {
        assertThatThrownBy(() -> intake(100).one(IncomingResource.posted(R4Fixtures.heartRate("Patient/p1"))))
                .isInstanceOfSatisfying(
                        ResourcesRefused.class,
                        refused -> assertThat(refused.problems())
                                .extracting(Problem::message)
                                .anySatisfy(message -> assertThat(message).contains("at most 100 bytes")));
        assertThat(submitted).isEmpty();
    }

    @Test
    void answersABatchEntryByEntry() {
        List<IncomingResource> entries = entries(
                R4Fixtures.heartRate("Patient/p1"),
                R4Fixtures.withoutStatus("Patient/p1"),
                R4Fixtures.hypertension("Patient/p1"));

        List<EntryOutcome> outcomes = intake(1 << 20).batch(entries);

        assertThat(outcomes).extracting(EntryOutcome::accepted).containsExactly(true, false, true);
        assertThat(outcomes.get(1).problems())
                .allSatisfy(problem -> assertThat(problem.resource()).isEqualTo("Bundle.entry[1]"));
        assertThat(submitted).extracting(PreparedRecord::category).containsExactly("Observation", "Condition");
    }

    @Test
    void refusesAnEntryThatIsNotACreate() {
        List<IncomingResource> entries =
                List.of(new IncomingResource("Bundle.entry[0]", R4Fixtures.heartRate("Patient/p1"), "only POST"));

        assertThatThrownBy(() -> intake(1 << 20).transaction(entries)).isInstanceOf(ResourcesRefused.class);
        assertThat(submitted).isEmpty();
    }
}

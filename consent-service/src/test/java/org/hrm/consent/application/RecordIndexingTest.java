package org.hrm.consent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.consent.domain.Fixtures.record;
import static org.hrm.consent.domain.RecordDomain.PATIENT;
import static org.hrm.consent.domain.RecordDomain.PRACTITIONER;

import java.util.List;
import java.util.Optional;
import org.hrm.consent.domain.RecordEntry;
import org.junit.jupiter.api.Test;

class RecordIndexingTest {
    private final InMemoryStores stores = new InMemoryStores();
    private final RecordIndexing indexing = new RecordIndexing(stores.recordIndex);

    @Test
    void indexesEachRecordInItsOwnDomain() {
        RecordEntry patient = record(PATIENT, "alice", "st-mary", "lab");
        RecordEntry practitioner = record(PRACTITIONER, "dr-who", "st-mary", null);

        List<Optional<String>> results = indexing.index(List.of(patient, practitioner));

        assertThat(results).containsExactly(Optional.empty(), Optional.empty());
        assertThat(stores.records.get(PATIENT)).containsOnlyKeys(patient.recordId());
        assertThat(stores.records.get(PRACTITIONER)).containsOnlyKeys(practitioner.recordId());
    }

    @Test
    void acceptsTheSameRecordAgainAndRefusesAnotherOwnerUnderItsId() {
        RecordEntry entry = record(PATIENT, "alice", "st-mary", "lab");
        indexing.index(List.of(entry));
        RecordEntry hijack = new RecordEntry(entry.recordId(), PATIENT, "mallory", "st-mary", "lab");

        List<Optional<String>> results = indexing.index(List.of(entry, hijack));

        assertThat(results.get(0)).isEmpty();
        assertThat(results.get(1))
                .contains("record " + entry.recordId()
                        + " is already indexed with a different owner, author or category");
        assertThat(stores.records.get(PATIENT).get(entry.recordId()).ownerId()).isEqualTo("alice");
    }
}

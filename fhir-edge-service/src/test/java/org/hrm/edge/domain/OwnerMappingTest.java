package org.hrm.edge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hrm.contracts.Domain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerMappingTest {
    @Test
    void readsPatientsAndPractitionersFromAPropertiesFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("owners.properties");
        Files.writeString(file, """
                # EHR reference = platform owner id
                Patient/mrn-123 = patient-7
                Practitioner/dr-9 = practitioner-3
                """);

        OwnerMapping mapping = OwnerMapping.read(file);

        assertThat(mapping.ownerOf("Patient/mrn-123")).contains(new Owner("patient-7", Domain.PATIENT));
        assertThat(mapping.ownerOf("Practitioner/dr-9")).contains(new Owner("practitioner-3", Domain.PRACTITIONER));
        assertThat(mapping.ownerOf("Patient/mrn-999")).isEmpty();
    }

    @Test
    void refusesAReferenceThatIsNotAPatientOrPractitioner() {
        assertThatThrownBy(() -> OwnerMapping.of(Map.of("Device/d1", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Device/d1");
        assertThatThrownBy(() -> OwnerMapping.of(Map.of("mrn-123", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Patient/<id>");
    }

    @Test
    void refusesAnEmptyOwnerId() {
        assertThatThrownBy(() -> OwnerMapping.of(Map.of("Patient/p1", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty owner id");
    }
}

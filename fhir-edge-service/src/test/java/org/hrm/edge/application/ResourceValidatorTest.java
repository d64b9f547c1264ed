package org.hrm.edge.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hrm.edge.domain.Problem;
import org.junit.jupiter.api.Test;

class ResourceValidatorTest {
    @Test
    void acceptsAValidObservation() {
        List<Problem> problems = R4Fixtures.VALIDATOR.problems("Observation", R4Fixtures.heartRate("Patient/p1"));

        assertThat(problems).isEmpty();
    }

    @Test
    void namesThePathOfAMissingRequiredElement() {
        List<Problem> problems = R4Fixtures.VALIDATOR.problems("Observation", R4Fixtures.withoutStatus("Patient/p1"));

        assertThat(problems).isNotEmpty();
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.resource()).isEqualTo("Observation");
            assertThat(problem.path() + " " + problem.message()).contains("Observation.status");
        });
    }

    @Test
    void refusesACodeOutsideARequiredValueSet() {
        var condition = R4Fixtures.hypertension("Patient/p1");
        condition.getClinicalStatus().getCodingFirstRep().setCode("probably");

        List<Problem> problems = R4Fixtures.VALIDATOR.problems("Condition", condition);

        assertThat(problems).anySatisfy(problem -> assertThat(problem.path()).startsWith("Condition.clinicalStatus"));
    }
}

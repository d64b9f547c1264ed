package org.hrm.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {

    @ParameterizedTest(name = "{0} may {1}: {2}")
    @CsvSource({
        "PATIENT, GRANT, true",
        "PATIENT, ERASE, true",
        "PATIENT, OPERATE, false",
        "PRACTITIONER, GRANT, false",
        "PRACTITIONER, FETCH, true",
        "PRACTITIONER, ERASE, true",
        "SYSTEM, ERASE, false",
        "SYSTEM, GRANT, false",
        "SYSTEM, SUBMIT, true",
        "SYSTEM, READ_OWNER_DATA, false",
        "OPERATOR, OPERATE, true",
        "OPERATOR, FETCH, false",
        "OPERATOR, READ_STATUS, false",
        "OPERATOR, READ_OWNER_DATA, false"
    })
    void eachRoleMayDoOnlyItsActions(Role role, Action action, boolean allowed) {
        assertThat(AccessPolicy.allows(new Caller("someone", Set.of(role)), action))
                .isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"GRANT", "ERASE", "READ_OWNER_DATA"})
    void aPatientActsOnlyForThemselves(Action action) {
        Caller alice = new Caller("patient-alice", Set.of(Role.PATIENT));

        AccessPolicy.checkFor(alice, action, "patient-alice");

        assertThatThrownBy(() -> AccessPolicy.checkFor(alice, action, "patient-bob"))
                .isInstanceOf(AccessRefused.class)
                .hasMessageContaining("patient-bob");
    }

    @ParameterizedTest
    @CsvSource({"patient-alice, hospital-a, true", "hospital-a, hospital-a, true", "dr-chen, hospital-a, false"})
    void aRecordsStatusIsForItsOwnerAndAuthor(String caller, String author, boolean allowed) {
        Caller who = new Caller(caller, Set.of(Role.PATIENT, Role.SYSTEM, Role.PRACTITIONER));

        boolean passed;
        try {
            AccessPolicy.checkStatus(who, "patient-alice", author);
            passed = true;
        } catch (AccessRefused refused) {
            passed = false;
        }

        assertThat(passed).isEqualTo(allowed);
    }
}

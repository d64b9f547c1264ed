package org.hrm.keyvault.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PseudonymsTest {
    private final MasterKeyRing ring = TestRings.fresh();
    private final Pseudonyms pseudonyms = new Pseudonyms(TestRings.custody(ring));

    @Test
    void givesTheSamePartyTheSame32BytePseudonymEveryTime() {
        byte[] first = pseudonyms.of(RecordDomain.PATIENT, "patient-42");

        byte[] again = new Pseudonyms(TestRings.custody(ring)).of(RecordDomain.PATIENT, "patient-42");

        assertThat(first).hasSize(32).isEqualTo(again);
    }

    @Test
    void givesTheSamePartyDifferentPseudonymsInTheTwoDomains() {
        byte[] asPatient = pseudonyms.of(RecordDomain.PATIENT, "party-7");

        byte[] asPractitioner = pseudonyms.of(RecordDomain.PRACTITIONER, "party-7");

        assertThat(asPatient).isNotEqualTo(asPractitioner);
    }

    @Test
    void givesDifferentPartiesDifferentPseudonyms() {
        byte[] first = pseudonyms.of(RecordDomain.PATIENT, "patient-1");

        byte[] second = pseudonyms.of(RecordDomain.PATIENT, "patient-2");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void cannotBeRecomputedWithoutThePseudonymKey() {
        byte[] ours = pseudonyms.of(RecordDomain.PATIENT, "patient-42");

        byte[] otherVault = new Pseudonyms(TestRings.custody(TestRings.fresh())).of(RecordDomain.PATIENT, "patient-42");

        assertThat(ours).isNotEqualTo(otherVault);
    }
}

package org.hrm.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.consent.domain.Fixtures.NOW;
import static org.hrm.consent.domain.Fixtures.party;
import static org.hrm.consent.domain.Fixtures.practitioner;

import org.hrm.consent.TestKeys;
import org.junit.jupiter.api.Test;

class PartyDirectoryTest {
    private final TestKeys keys = TestKeys.generate();

    @Test
    void acceptsANewPartyAndTheSameRegistrationAgain() {
        Party alice = party("alice", PartyKind.PATIENT, keys);

        assertThat(PartyDirectory.refusal(alice, null)).isEmpty();
        assertThat(PartyDirectory.refusal(alice, party("alice", PartyKind.PATIENT, keys)))
                .isEmpty();
    }

    @Test
    void rejectsReRegisteringAnIdWithADifferentKey() {
        Party stored = party("alice", PartyKind.PATIENT, keys);

        Party rotated = party("alice", PartyKind.PATIENT, TestKeys.generate());

        assertThat(PartyDirectory.refusal(rotated, stored))
                .contains("party alice is already registered with a different key (key rotation is not supported yet)");
    }

    @Test
    void rejectsReRegisteringAnIdAsAnotherKindOrInstitution() {
        Party stored = practitioner("dr-who", "st-mary", keys);

        assertThat(PartyDirectory.refusal(practitioner("dr-who", "other-clinic", keys), stored))
                .contains("party dr-who is already registered as PRACTITIONER of st-mary");
        assertThat(PartyDirectory.refusal(party("dr-who", PartyKind.PATIENT, keys), stored))
                .isPresent();
    }

    @Test
    void rejectsAKeyThatIsNotAPointOnP256() {
        byte[] offCurve = keys.publicKey();
        offCurve[64] ^= 1;

        assertThat(PartyDirectory.refusal(new Party("alice", PartyKind.PATIENT, offCurve, null, NOW), null))
                .contains("public key of party alice is not an uncompressed P-256 point");
    }
}

package org.hrm.contracts.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.contracts.AuthorityFixtures.DR_CHEN;
import static org.hrm.contracts.AuthorityFixtures.DR_CHEN_NEXT;
import static org.hrm.contracts.AuthorityFixtures.GATEWAY;
import static org.hrm.contracts.AuthorityFixtures.ST_MARY;
import static org.hrm.contracts.AuthorityFixtures.attest;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.AuthorityFixtures;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.crypto.P256KeyPair;
import org.junit.jupiter.api.Test;

class DirectoryRulesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final String ALICE = "patient-alice";

    private final DirectoryRules rules = new DirectoryRules(AuthorityFixtures.trusted());
    private final P256KeyPair aliceKey = P256KeyPair.generate();
    private final P256KeyPair mallory = P256KeyPair.generate();
    private final DirectoryEntry stMary = entry(AuthorityFixtures.institutionRegistered());

    @Test
    void anAttestedRegistrationWithProofOfPossessionIsAccepted() {
        DirectoryDecision decision = rules.register(patient(ALICE, aliceKey, T0), null, null);

        assertThat(decision.accepted()).isTrue();
        assertThat(decision.entry().publicKey()).isEqualTo(aliceKey.publicKey());
        assertThat(decision.entry().attested()).isTrue();
        assertThat(decision.entry().previousKeys()).isEmpty();
    }

    @Test
    void anUnattestedRegistrationIsRefused() {
        PartyRegistered unattested =
                draft(ALICE, PartyKind.PATIENT, aliceKey, null, T0).provenBy(aliceKey);

        assertThat(rules.register(unattested, null, null).refusal())
                .isEqualTo("registration of patient-alice is not attested: no attestation");
    }

    @Test
    void aRegistrationWithoutProofOfPossessionIsRefused() {
        PartyRegistered draft = draft(ALICE, PartyKind.PATIENT, aliceKey, null, T0);
        PartyRegistered unproven = draft.withAttestation(attest(ALICE, Attestation.REGISTER, draft.signedBytes(), T0));

        assertThat(rules.register(unproven, null, null).refusal()).contains("no valid proof of possession");
    }

    @Test
    void squattingIsRefused() {
        // Mallory holds an attestation for her own id only; bound to her statement, it vouches for nothing else.
        PartyRegistered hers = patient("patient-mallory", mallory, T0);
        PartyRegistered squat = draft(ALICE, PartyKind.PATIENT, mallory, null, T0)
                .provenBy(mallory)
                .withAttestation(hers.attestation());
        PartyRegistered selfAttested =
                draft(ALICE, PartyKind.PATIENT, mallory, null, T0).provenBy(mallory);
        selfAttested = selfAttested.withAttestation(Attestation.issue(
                mallory, AuthorityFixtures.GATEWAY_KEY_ID, ALICE, "register", selfAttested.signedBytes(), T0));

        assertThat(rules.register(squat, null, null).refusal()).contains("attestation is for patient-mallory");
        assertThat(rules.register(selfAttested, null, null).refusal())
                .contains("attestation signature does not verify");
    }

    @Test
    void anAttestedRegistrationReplacesAFirstComeV1EntryAndKeepsItsKeyAsHistory() {
        // What a pre-v2 store may still hold: a first-come entry from an unsigned registration.
        DirectoryEntry squatted =
                new DirectoryEntry(ALICE, PartyKind.PATIENT, null, mallory.publicKey(), T0, false, List.of());

        DirectoryDecision decision = rules.register(patient(ALICE, aliceKey, T0.plusSeconds(60)), squatted, null);

        assertThat(decision.accepted()).isTrue();
        assertThat(decision.entry().publicKey()).isEqualTo(aliceKey.publicKey());
        assertThat(decision.entry().everHeld(mallory.publicKey())).isTrue();
        assertThat(decision.entry().isCurrentKey(mallory.publicKey())).isFalse();
        assertThat(decision.entry().retired(mallory.publicKey()).orElseThrow().ended())
                .isEqualTo(RetiredKey.Ending.SUPERSEDED_UNATTESTED);
    }

    @Test
    void anAttestedEntryKeepsItsKeyAgainstAnotherAttestedRegistration() {
        DirectoryEntry alice =
                rules.register(patient(ALICE, aliceKey, T0), null, null).entry();
        P256KeyPair other = P256KeyPair.generate();

        DirectoryDecision again = rules.register(patient(ALICE, aliceKey, T0.plusSeconds(5)), alice, null);
        DirectoryDecision another = rules.register(patient(ALICE, other, T0.plusSeconds(5)), alice, null);

        assertThat(again.accepted()).isTrue();
        assertThat(again.entry()).isSameAs(alice);
        assertThat(another.refusal())
                .contains("already registered with another key")
                .contains("rotation");
    }

    @Test
    void aPractitionerNeedsItsInstitutionsVouch() {
        PartyRegistered vouched = AuthorityFixtures.partyRegistered();
        PartyRegistered unvouched = new PartyRegistered(
                vouched.partyId(),
                vouched.kind(),
                vouched.publicKey(),
                vouched.institutionId(),
                vouched.registeredAt(),
                vouched.proofOfPossession(),
                vouched.attestation(),
                null);
        PartyRegistered vouchedByAStranger = unvouched.vouchedBy(mallory);
        DirectoryEntry patientAsInstitution = new DirectoryEntry(
                "hospital-st-mary", PartyKind.PATIENT, null, ST_MARY.publicKey(), T0, true, List.of());

        assertThat(rules.register(vouched, null, stMary).accepted()).isTrue();
        assertThat(rules.register(unvouched, null, stMary).refusal())
                .isEqualTo("practitioner practitioner-dr-chen is not vouched for by institution hospital-st-mary");
        assertThat(rules.register(vouchedByAStranger, null, stMary).accepted()).isFalse();
        assertThat(rules.register(vouched, null, null).refusal()).contains("is not registered");
        assertThat(rules.register(vouched, null, patientAsInstitution).refusal())
                .contains("is not an institution");
    }

    @Test
    void aPractitionerMustNameAnInstitution() {
        PartyRegistered draft = draft("practitioner-x", PartyKind.PRACTITIONER, aliceKey, null, T0)
                .provenBy(aliceKey);
        PartyRegistered attested =
                draft.withAttestation(attest("practitioner-x", Attestation.REGISTER, draft.signedBytes(), T0));

        assertThat(rules.register(attested, null, stMary).refusal()).contains("names no institution");
    }

    @Test
    void rotationSignedByTheCurrentKeyIsAcceptedAndKeepsTheOldKeyAsHistory() {
        DirectoryEntry chen = rules.register(AuthorityFixtures.partyRegistered(), null, stMary)
                .entry();

        DirectoryDecision decision = rules.rotate(AuthorityFixtures.partyKeyRotated(), chen);

        assertThat(decision.accepted()).isTrue();
        assertThat(decision.entry().publicKey()).isEqualTo(DR_CHEN_NEXT.publicKey());
        assertThat(decision.entry().previousKeys()).singleElement().isEqualTo(DR_CHEN.publicKey());
        assertThat(decision.entry().retiredKeys())
                .singleElement()
                .isEqualTo(new RetiredKey(
                        DR_CHEN.publicKey(),
                        AuthorityFixtures.partyKeyRotated().rotatedAt(),
                        RetiredKey.Ending.ROTATED));
        assertThat(decision.entry().kind()).isEqualTo(PartyKind.PRACTITIONER);
        assertThat(decision.entry().institutionId()).isEqualTo("hospital-st-mary");
    }

    @Test
    void rotationByAStrangerIsRefused() {
        DirectoryEntry alice =
                rules.register(patient(ALICE, aliceKey, T0), null, null).entry();
        P256KeyPair stolenAway = P256KeyPair.generate();
        PartyKeyRotated draft = PartyKeyRotated.draft(
                        ALICE, aliceKey.publicKey(), stolenAway.publicKey(), T0.plusSeconds(60))
                .provenBy(stolenAway);
        PartyKeyRotated signedByMallory = new PartyKeyRotated(
                draft.partyId(),
                draft.previousPublicKey(),
                draft.newPublicKey(),
                draft.rotatedAt(),
                draft.proofOfPossession(),
                mallory.sign(draft.signedBytes()),
                null);
        PartyKeyRotated claimingMallorysKeyIsCurrent =
                PartyKeyRotated.rotate(ALICE, mallory, stolenAway, T0.plusSeconds(60));

        assertThat(rules.rotate(signedByMallory, alice).refusal())
                .contains("signed by neither its current key nor a valid attestation");
        assertThat(rules.rotate(claimingMallorysKeyIsCurrent, alice).refusal()).contains("not its current key");
        assertThat(rules.rotate(draft, alice).accepted()).isFalse();
    }

    @Test
    void rotationByAFreshAttestationIsAcceptedForALostKey() {
        DirectoryEntry alice =
                rules.register(patient(ALICE, aliceKey, T0), null, null).entry();
        P256KeyPair replacement = P256KeyPair.generate();
        Instant at = T0.plus(java.time.Duration.ofDays(30));
        PartyKeyRotated draft = PartyKeyRotated.draft(ALICE, aliceKey.publicKey(), replacement.publicKey(), at)
                .provenBy(replacement);

        DirectoryDecision attested = rules.rotate(
                draft.withAttestation(attest(ALICE, Attestation.ROTATE_KEY, draft.signedBytes(), at)), alice);
        DirectoryDecision staleAttestation = rules.rotate(
                draft.withAttestation(
                        attest(ALICE, Attestation.ROTATE_KEY, draft.signedBytes(), at.minusSeconds(3600))),
                alice);
        DirectoryDecision wrongPurpose = rules.rotate(
                draft.withAttestation(attest(ALICE, Attestation.REGISTER, draft.signedBytes(), at)), alice);

        assertThat(attested.accepted()).isTrue();
        assertThat(attested.entry().publicKey()).isEqualTo(replacement.publicKey());
        assertThat(attested.entry().everHeld(aliceKey.publicKey())).isTrue();
        assertThat(attested.entry().retired(aliceKey.publicKey()).orElseThrow())
                .as("retired as reported lost, at the rotation's time (the attestation was issued at the same time)")
                .isEqualTo(new RetiredKey(aliceKey.publicKey(), at, RetiredKey.Ending.REPORTED_LOST));
        assertThat(staleAttestation.refusal()).contains("window");
        assertThat(wrongPurpose.refusal()).contains("not 'rotate-key'");
    }

    @Test
    void aLostKeyIsRetiredAtTheEarlierOfTheRotationAndItsAttestation() {
        DirectoryEntry alice =
                rules.register(patient(ALICE, aliceKey, T0), null, null).entry();
        P256KeyPair replacement = P256KeyPair.generate();
        Instant at = T0.plus(java.time.Duration.ofDays(30));
        Instant reported = at.minusSeconds(120);
        PartyKeyRotated draft = PartyKeyRotated.draft(ALICE, aliceKey.publicKey(), replacement.publicKey(), at)
                .provenBy(replacement);

        DirectoryEntry rotated = rules.rotate(
                        draft.withAttestation(attest(ALICE, Attestation.ROTATE_KEY, draft.signedBytes(), reported)),
                        alice)
                .entry();

        assertThat(rotated.retired(aliceKey.publicKey()).orElseThrow().retiredAt())
                .as("a rotation dated after the report does not stretch the time the lost key stays good")
                .isEqualTo(reported);
        assertThat(rotated.since()).isEqualTo(at);
    }

    @Test
    void aReplayedOldRotationOrAReusedKeyChangesNothing() {
        DirectoryEntry chen = rules.register(AuthorityFixtures.partyRegistered(), null, stMary)
                .entry();
        PartyKeyRotated first = AuthorityFixtures.partyKeyRotated();
        DirectoryEntry rotated = rules.rotate(first, chen).entry();
        PartyKeyRotated back = PartyKeyRotated.rotate(
                chen.partyId(), DR_CHEN_NEXT, DR_CHEN, first.rotatedAt().plusSeconds(60));

        assertThat(rules.rotate(first, rotated).refusal()).contains("not its current key (stale or replayed)");
        assertThat(rules.rotate(back, rotated).refusal()).contains("was already one of its keys");
        assertThat(rules.rotate(first, null).refusal()).contains("is not registered");
    }

    @Test
    void aRotationCannotPredateTheCurrentKey() {
        DirectoryEntry alice =
                rules.register(patient(ALICE, aliceKey, T0), null, null).entry();

        PartyKeyRotated early = PartyKeyRotated.rotate(ALICE, aliceKey, P256KeyPair.generate(), T0.minusSeconds(1));

        assertThat(rules.rotate(early, alice).refusal()).contains("predates its current key");
    }

    @Test
    void anUntrustedGatewayKeyAttestsNothing() {
        DirectoryRules trustingNobody = new DirectoryRules(AttestationKeys.none());

        assertThat(trustingNobody
                        .register(patient(ALICE, aliceKey, T0), null, null)
                        .refusal())
                .contains("attestation key gateway-attestation-1 is not trusted");
        assertThat(GATEWAY.publicKey()).hasSize(65);
    }

    static PartyRegistered patient(String partyId, P256KeyPair key, Instant at) {
        PartyRegistered proven =
                draft(partyId, PartyKind.PATIENT, key, null, at).provenBy(key);
        return proven.withAttestation(attest(partyId, Attestation.REGISTER, proven.signedBytes(), at));
    }

    private static PartyRegistered draft(
            String partyId, PartyKind kind, P256KeyPair key, String institutionId, Instant at) {
        return new PartyRegistered(partyId, kind, key.publicKey(), institutionId, at, null, null, null);
    }

    private static DirectoryEntry entry(PartyRegistered registered) {
        return new DirectoryEntry(
                registered.partyId(),
                registered.kind(),
                registered.institutionId(),
                registered.publicKey(),
                registered.registeredAt(),
                true,
                List.of());
    }
}

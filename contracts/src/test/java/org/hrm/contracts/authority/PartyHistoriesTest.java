package org.hrm.contracts.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.contracts.AuthorityFixtures.DR_CHEN;
import static org.hrm.contracts.AuthorityFixtures.DR_CHEN_NEXT;
import static org.hrm.contracts.AuthorityFixtures.ST_MARY;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hrm.contracts.AuthorityFixtures;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.PartyHistory;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.crypto.P256KeyPair;
import org.junit.jupiter.api.Test;

class PartyHistoriesTest {
    private static final String DR = "practitioner-dr-chen";
    private static final String HOSPITAL = "hospital-st-mary";

    private final PartyHistories histories = new PartyHistories(new DirectoryRules(AuthorityFixtures.trusted()));
    private final PartyHistory stMary = PartyHistory.of(AuthorityFixtures.institutionRegistered());

    @Test
    void aHistoryReplaysToItsLastKeyWithEveryEarlierKeyRetired() {
        PartyHistory history = AuthorityFixtures.partyHistory();

        DirectoryDecision decision = histories.verify(history, directory(stMary));

        assertThat(decision.accepted()).as(decision.refusal()).isTrue();
        assertThat(decision.entry().publicKey()).isEqualTo(DR_CHEN_NEXT.publicKey());
        assertThat(decision.entry().retired(DR_CHEN.publicKey()).orElseThrow().ended())
                .isEqualTo(RetiredKey.Ending.ROTATED);
    }

    @Test
    void aRotationNotSignedByTheKeyBeforeItIsRefused() {
        P256KeyPair mallory = P256KeyPair.generate();
        PartyKeyRotated forged =
                PartyKeyRotated.rotate(DR, mallory, DR_CHEN_NEXT, Instant.parse("2026-11-27T09:00:00Z"));
        PartyKeyRotated spliced = new PartyKeyRotated(
                DR,
                DR_CHEN.publicKey(),
                forged.newPublicKey(),
                forged.rotatedAt(),
                forged.proofOfPossession(),
                forged.previousKeySignature(),
                null);

        DirectoryDecision decision = histories.verify(
                PartyHistory.of(AuthorityFixtures.partyRegistered()).with(spliced), directory(stMary));

        assertThat(decision.accepted()).isFalse();
        assertThat(decision.refusal()).startsWith("history of practitioner-dr-chen does not verify: rotation of");
    }

    @Test
    void aRegistrationWithATamperedKeyIsRefused() {
        PartyRegistered genuine = AuthorityFixtures.partyRegistered();
        PartyRegistered tampered = new PartyRegistered(
                genuine.partyId(),
                genuine.kind(),
                P256KeyPair.generate().publicKey(),
                genuine.institutionId(),
                genuine.registeredAt(),
                genuine.proofOfPossession(),
                genuine.attestation(),
                genuine.institutionSignature());

        DirectoryDecision decision = histories.verify(PartyHistory.of(tampered), directory(stMary));

        assertThat(decision.refusal()).contains("no valid proof of possession");
    }

    @Test
    void aPractitionerWhoseInstitutionHasNoHistoryIsRefused() {
        DirectoryDecision decision = histories.verify(AuthorityFixtures.partyHistory(), directory());

        assertThat(decision.refusal())
                .contains("institution hospital-st-mary of practitioner " + DR + " is not registered");
    }

    @Test
    void aPractitionerStaysVerifiedAfterItsInstitutionRotates() {
        PartyKeyRotated later = PartyKeyRotated.rotate(
                HOSPITAL, ST_MARY, P256KeyPair.generate(), Instant.parse("2026-12-01T09:00:00Z"));

        DirectoryDecision decision = histories.verify(AuthorityFixtures.partyHistory(), directory(stMary.with(later)));

        assertThat(decision.accepted()).as(decision.refusal()).isTrue();
    }

    @Test
    void aHistoryFiledUnderAnotherPartysRotationIsRefused() {
        PartyKeyRotated theirs =
                PartyKeyRotated.rotate(HOSPITAL, DR_CHEN, DR_CHEN_NEXT, Instant.parse("2026-11-27T09:00:00Z"));

        DirectoryDecision decision = histories.verify(
                PartyHistory.of(AuthorityFixtures.partyRegistered()).with(theirs), directory(stMary));

        assertThat(decision.refusal()).endsWith("it holds a rotation of hospital-st-mary");
    }

    @Test
    void onlyAnAppendedHistoryContinuesAnEarlierOne() {
        EventCodec codec = new EventCodec();
        PartyHistory registered = PartyHistory.of(AuthorityFixtures.partyRegistered());
        PartyHistory rotated = AuthorityFixtures.partyHistory();

        assertThat(PartyHistories.continues(rotated, registered, codec)).isTrue();
        assertThat(PartyHistories.continues(rotated, rotated, codec)).isTrue();
        assertThat(PartyHistories.continues(registered, rotated, codec)).isFalse();
        assertThat(PartyHistories.continues(stMary, registered, codec)).isFalse();
    }

    private static Function<String, Optional<PartyHistory>> directory(PartyHistory... histories) {
        Map<String, PartyHistory> byId = new java.util.HashMap<>();
        List.of(histories).forEach(history -> byId.put(history.partyId(), history));
        return id -> Optional.ofNullable(byId.get(id));
    }
}

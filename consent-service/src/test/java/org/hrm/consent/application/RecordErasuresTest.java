package org.hrm.consent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.consent.domain.Fixtures.NOW;
import static org.hrm.consent.domain.Fixtures.category;
import static org.hrm.consent.domain.Fixtures.erasure;
import static org.hrm.consent.domain.Fixtures.grant;
import static org.hrm.consent.domain.Fixtures.party;
import static org.hrm.consent.domain.Fixtures.record;
import static org.hrm.consent.domain.Fixtures.records;
import static org.hrm.consent.domain.Fixtures.request;
import static org.hrm.consent.domain.Fixtures.signed;
import static org.hrm.consent.domain.RecordDomain.PATIENT;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrm.consent.TestKeys;
import org.hrm.consent.domain.Audit;
import org.hrm.consent.domain.Decision;
import org.hrm.consent.domain.Erasure;
import org.hrm.consent.domain.Grant;
import org.hrm.consent.domain.GrantStatus;
import org.hrm.consent.domain.PartyKind;
import org.hrm.consent.domain.RecordEntry;
import org.hrm.consent.domain.StandingGrantList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordErasuresTest {
    private final Scenario scenario = new Scenario();
    private final TestKeys aliceKeys = TestKeys.generate();
    private final RecordEntry lab = record(PATIENT, "alice", "st-mary", "lab");
    private final RecordEntry imaging = record(PATIENT, "alice", "st-mary", "imaging");
    private final Grant labOnly = grant(PATIENT, "alice", "bob", records(lab.recordId()));
    private final Grant labAndImaging = grant(PATIENT, "alice", "bob", records(lab.recordId(), imaging.recordId()));
    private final Grant allCategories = grant(PATIENT, "alice", "carol", category("*"));

    @BeforeEach
    void registerIndexAndGrant() {
        scenario.registration.register(party("alice", PartyKind.PATIENT, aliceKeys));
        scenario.registration.register(party("bob", PartyKind.PRACTITIONER, TestKeys.generate()));
        scenario.registration.register(party("carol", PartyKind.PRACTITIONER, TestKeys.generate()));
        scenario.indexing.index(List.of(lab, imaging));
        List.of(labOnly, labAndImaging, allCategories)
                .forEach(grant -> scenario.changes.grant(signed(grant, aliceKeys)));
    }

    @Test
    void deniesTheErasedRecordToItsOwnerAndGranteesWhileTheOtherRecordStaysReadable() {
        scenario.erasures.erase(erasure(PATIENT, "alice", false, lab.recordId()));

        List<DecisionOutcome> outcomes = scenario.decisions.decide(List.of(
                request(PATIENT, lab.recordId(), "alice"),
                request(PATIENT, lab.recordId(), "bob"),
                request(PATIENT, lab.recordId(), "carol"),
                request(PATIENT, imaging.recordId(), "bob")));

        assertThat(outcomes.subList(0, 3)).allSatisfy(outcome -> {
            assertThat(outcome.decision().decision().allowed()).isFalse();
            assertThat(outcome.decision().decision().reason()).isEqualTo("record erased");
            assertThat(outcome.audit().outcome()).isEqualTo("4");
            assertThat(outcome.audit().outcomeDesc()).isEqualTo("record erased");
            assertThat(outcome.audit().patientId()).isEqualTo("alice");
        });
        Decision imagingForBob = outcomes.get(3).decision().decision();
        assertThat(imagingForBob.allowed()).isTrue();
        assertThat(imagingForBob.grantId()).isEqualTo(labAndImaging.grantId());
    }

    @Test
    void endsTheGrantsThatListOnlyErasedRecordsAndKeepsTheOthers() {
        ErasureOutcome outcome = scenario.erasures.erase(erasure(PATIENT, "alice", false, lab.recordId()));

        Grant ended = stored(labOnly);
        assertThat(ended.status(NOW)).isEqualTo(GrantStatus.ENDED);
        assertThat(ended.endedAt()).isEqualTo(NOW);
        assertThat(ended.endReason()).isEqualTo("records erased");
        assertThat(stored(labAndImaging).ended()).isFalse();
        assertThat(stored(allCategories).ended()).isFalse();
        assertThat(outcome.standingGrants().grantees())
                .extracting(StandingGrantList.Grantee::grantId)
                .containsExactlyInAnyOrder(labAndImaging.grantId(), allCategories.grantId());
    }

    @Test
    void endsAGrantOnceTheLastRecordItListsIsErased() {
        scenario.erasures.erase(erasure(PATIENT, "alice", false, lab.recordId()));

        scenario.erasures.erase(erasure(PATIENT, "alice", false, imaging.recordId()));

        assertThat(stored(labAndImaging).status(NOW)).isEqualTo(GrantStatus.ENDED);
        assertThat(stored(allCategories).status(NOW)).isEqualTo(GrantStatus.ACTIVE);
    }

    @Test
    void erasesEachListedRecordOfAnErasureOfAllTheOwnersRecords() {
        RecordEntry sealedLater = record(PATIENT, "alice", "st-mary", "lab");

        scenario.erasures.erase(erasure(PATIENT, "alice", true, lab.recordId(), imaging.recordId()));
        scenario.indexing.index(List.of(sealedLater));

        assertThat(index(lab).erased()).isTrue();
        assertThat(index(imaging).erased()).isTrue();
        assertThat(stored(labOnly).ended()).isTrue();
        assertThat(stored(labAndImaging).ended()).isTrue();
        assertThat(decide(sealedLater, "carol").allowed()).isTrue();
    }

    @Test
    void changesNothingWhenTheErasureIsReplayedOrTheRecordErasedAgain() {
        Erasure erasure = erasure(PATIENT, "alice", false, lab.recordId());
        ErasureOutcome first = scenario.erasures.erase(erasure);
        Map<String, RecordEntry> records = Map.copyOf(scenario.stores.records.get(PATIENT));
        Map<String, StoredGrant> grants = Map.copyOf(scenario.stores.grants.get(PATIENT));

        ErasureOutcome replay = scenario.erasures.erase(erasure);
        scenario.erasures.erase(erasure(PATIENT, "alice", false, lab.recordId()));

        assertThat(scenario.stores.records.get(PATIENT)).isEqualTo(records);
        assertThat(scenario.stores.grants.get(PATIENT)).isEqualTo(grants);
        assertThat(index(lab).erasure().requestId()).isEqualTo(erasure.requestId());
        assertThat(replay.audit().id()).isEqualTo(first.audit().id());
        assertThat(replay.standingGrants().grantees())
                .isEqualTo(first.standingGrants().grantees());
    }

    @Test
    void entersARecordNotIndexedYetAsErasedSoItsLateSubmissionDoesNotReviveIt() {
        RecordEntry late = record(PATIENT, "alice", "st-mary", "lab");
        scenario.erasures.erase(erasure(PATIENT, "alice", false, late.recordId()));

        List<Optional<String>> indexed = scenario.indexing.index(List.of(late));

        assertThat(indexed).containsExactly(Optional.empty());
        assertThat(index(late).erased()).isTrue();
        assertThat(decide(late, "alice").reason()).isEqualTo("record erased");
    }

    @Test
    void storesAGrantThatArrivesAfterEveryRecordItListsWasErasedAsEnded() {
        scenario.erasures.erase(erasure(PATIENT, "alice", false, imaging.recordId()));
        Grant late = grant(PATIENT, "alice", "bob", records(imaging.recordId()));

        ConsentOutcome outcome = scenario.changes.grant(signed(late, aliceKeys));

        assertThat(outcome.accepted()).isTrue();
        assertThat(stored(late).status(NOW)).isEqualTo(GrantStatus.ENDED);
        assertThat(outcome.standingGrants().grantees())
                .extracting(StandingGrantList.Grantee::grantId)
                .doesNotContain(late.grantId());
    }

    @Test
    void auditsTheErasureOnceNamingEachRecordAndTheOwner() {
        Erasure erasure = erasure(PATIENT, "alice", true, lab.recordId(), imaging.recordId());

        Audit audit = scenario.erasures.erase(erasure).audit();

        assertThat(audit.subtype()).isEqualTo("erasure");
        assertThat(audit.action()).isEqualTo("D");
        assertThat(audit.outcome()).isEqualTo("0");
        assertThat(audit.patientId()).isEqualTo("alice");
        assertThat(audit.domain()).isEqualTo(PATIENT);
        assertThat(audit.agents()).containsExactly(new Audit.Agent("alice", "owner", true));
        assertThat(audit.entities())
                .containsExactly(
                        new Audit.Entity(lab.recordId(), "record"),
                        new Audit.Entity(imaging.recordId(), "record"),
                        new Audit.Entity(erasure.requestId(), "request"));
    }

    private Grant stored(Grant grant) {
        return scenario.stores.grants.get(PATIENT).get(grant.grantId()).grant();
    }

    private RecordEntry index(RecordEntry record) {
        return scenario.stores.records.get(PATIENT).get(record.recordId());
    }

    private Decision decide(RecordEntry record, String requesterId) {
        return scenario.decisions
                .decide(List.of(request(PATIENT, record.recordId(), requesterId)))
                .get(0)
                .decision()
                .decision();
    }
}

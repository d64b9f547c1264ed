package org.hrm.consent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.consent.domain.Fixtures.NOW;
import static org.hrm.consent.domain.Fixtures.category;
import static org.hrm.consent.domain.Fixtures.grant;
import static org.hrm.consent.domain.Fixtures.party;
import static org.hrm.consent.domain.Fixtures.record;
import static org.hrm.consent.domain.Fixtures.request;
import static org.hrm.consent.domain.Fixtures.signed;
import static org.hrm.consent.domain.RecordDomain.PATIENT;
import static org.hrm.consent.domain.RecordDomain.PRACTITIONER;

import java.util.List;
import org.hrm.consent.TestKeys;
import org.hrm.consent.domain.AccessRequest;
import org.hrm.consent.domain.Basis;
import org.hrm.consent.domain.Decision;
import org.hrm.consent.domain.Grant;
import org.hrm.consent.domain.PartyKind;
import org.hrm.consent.domain.RecordEntry;
import org.hrm.consent.domain.Revocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessDecisionsTest {
    private final Scenario scenario = new Scenario();
    private final TestKeys aliceKeys = TestKeys.generate();
    private final RecordEntry aliceLab = record(PATIENT, "alice", "st-mary", "lab");

    @BeforeEach
    void registerPartiesAndIndexARecord() {
        scenario.registration.register(party("alice", PartyKind.PATIENT, aliceKeys));
        scenario.registration.register(party("bob", PartyKind.PRACTITIONER, TestKeys.generate()));
        scenario.indexing.index(List.of(aliceLab));
    }

    @Test
    void deniesFromTheNextDecisionOnOnceTheGrantIsRevoked() {
        Grant grant = grant(PATIENT, "alice", "bob", category("lab"));
        scenario.changes.grant(signed(grant, aliceKeys));
        Decision before = decide(request(PATIENT, aliceLab.recordId(), "bob"));

        scenario.changes.revoke(signed(new Revocation(grant.grantId(), PATIENT, "alice", NOW), aliceKeys));

        Decision after = decide(request(PATIENT, aliceLab.recordId(), "bob"));
        assertThat(before.allowed()).isTrue();
        assertThat(before.basis()).isEqualTo(Basis.GRANT);
        assertThat(after.allowed()).isFalse();
        assertThat(after.reason()).isEqualTo("grant revoked");
    }

    @Test
    void decidesARequestOnceAndGivesTheSameSignedDecisionBackWhenItIsReplayed() {
        Grant grant = grant(PATIENT, "alice", "bob", category("lab"));
        scenario.changes.grant(signed(grant, aliceKeys));
        AccessRequest request = request(PATIENT, aliceLab.recordId(), "bob");
        DecisionOutcome first = scenario.decisions.decide(List.of(request)).get(0);
        scenario.changes.revoke(signed(new Revocation(grant.grantId(), PATIENT, "alice", NOW), aliceKeys));

        List<DecisionOutcome> replays = scenario.decisions.decide(List.of(request, request));

        assertThat(replays).allSatisfy(replay -> {
            assertThat(replay.decision().decision()).isEqualTo(first.decision().decision());
            assertThat(replay.decision().signature()).isEqualTo(first.decision().signature());
            assertThat(replay.audit().id()).isEqualTo(first.audit().id());
        });
        assertThat(scenario.stores.decisions.get(PATIENT)).hasSize(1);
    }

    @Test
    void refusesARequestIdReusedForAnotherRecord() {
        AccessRequest request = request(PATIENT, aliceLab.recordId(), "alice");
        scenario.decisions.decide(List.of(request));
        AccessRequest reused = new AccessRequest(
                request.requestId(),
                record(PATIENT, "alice", "x", null).recordId(),
                PATIENT,
                "alice",
                "TREAT",
                null,
                NOW);

        DecisionOutcome outcome = scenario.decisions.decide(List.of(reused)).get(0);

        assertThat(outcome.decided()).isFalse();
        assertThat(outcome.refusal()).contains("was already decided for another record or requester");
    }

    @Test
    void neverLooksUpARecordOrGrantOfTheOtherDomain() {
        scenario.changes.grant(signed(grant(PATIENT, "alice", "bob", category("*")), aliceKeys));

        Decision decision = decide(request(PRACTITIONER, aliceLab.recordId(), "bob"));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("unknown record");
        assertThat(scenario.stores.decisions.get(PATIENT)).isEmpty();
        assertThat(scenario.stores.decisions.get(PRACTITIONER)).hasSize(1);
    }

    @Test
    void decidesABatchInOrderWithOneOutcomePerRequest() {
        AccessRequest owner = request(PATIENT, aliceLab.recordId(), "alice");
        AccessRequest stranger = request(PATIENT, aliceLab.recordId(), "bob");
        AccessRequest unknown =
                request(PATIENT, record(PATIENT, "alice", "x", null).recordId(), "alice");

        List<DecisionOutcome> outcomes = scenario.decisions.decide(List.of(owner, stranger, unknown));

        assertThat(outcomes)
                .extracting(outcome -> outcome.decision().decision().reason())
                .containsExactly("requester owns the record", "no grant covers this record", "unknown record");
    }

    private Decision decide(AccessRequest request) {
        return scenario.decisions.decide(List.of(request)).get(0).decision().decision();
    }
}

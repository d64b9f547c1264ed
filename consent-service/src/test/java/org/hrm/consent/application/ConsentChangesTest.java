package org.hrm.consent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.consent.domain.Fixtures.NOW;
import static org.hrm.consent.domain.Fixtures.category;
import static org.hrm.consent.domain.Fixtures.grant;
import static org.hrm.consent.domain.Fixtures.party;
import static org.hrm.consent.domain.Fixtures.signed;
import static org.hrm.consent.domain.RecordDomain.PATIENT;

import java.time.Duration;
import org.hrm.consent.TestKeys;
import org.hrm.consent.domain.Audit;
import org.hrm.consent.domain.Grant;
import org.hrm.consent.domain.PartyKind;
import org.hrm.consent.domain.Revocation;
import org.hrm.consent.domain.StandingGrantList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsentChangesTest {
    private final Scenario scenario = new Scenario();
    private final TestKeys aliceKeys = TestKeys.generate();
    private final TestKeys bobKeys = TestKeys.generate();

    @BeforeEach
    void registerParties() {
        scenario.registration.register(party("alice", PartyKind.PATIENT, aliceKeys));
        scenario.registration.register(party("bob", PartyKind.PRACTITIONER, bobKeys));
    }

    @Test
    void storesAnOwnersGrantAndGivesBackTheStandingGrantsWithTheGranteesKey() {
        Grant grant = grant(PATIENT, "alice", "bob", category("lab"));

        ConsentOutcome outcome = scenario.changes.grant(signed(grant, aliceKeys));

        assertThat(outcome.accepted()).isTrue();
        StandingGrantList standing = outcome.standingGrants();
        assertThat(standing.ownerId()).isEqualTo("alice");
        assertThat(standing.grantees()).singleElement().satisfies(grantee -> {
            assertThat(grantee.granteeId()).isEqualTo("bob");
            assertThat(grantee.publicKey()).isEqualTo(bobKeys.publicKey());
            assertThat(grantee.grantId()).isEqualTo(grant.grantId());
        });
        Audit audit = outcome.audit();
        assertThat(audit.subtype()).isEqualTo("consent");
        assertThat(audit.action()).isEqualTo("C");
        assertThat(audit.outcome()).isEqualTo("0");
        assertThat(audit.patientId()).isEqualTo("alice");
    }

    @Test
    void tellsWhetherEveryPartyAChangeNamesIsRegistered() {
        Grant toKnown = grant(PATIENT, "alice", "bob", category("lab"));
        Grant toUnknown = grant(PATIENT, "alice", "carol", category("lab"));
        Grant fromUnknown = grant(PATIENT, "dave", "bob", category("lab"));

        assertThat(scenario.changes.partiesRegistered(toKnown)).isTrue();
        assertThat(scenario.changes.partiesRegistered(toUnknown)).isFalse();
        assertThat(scenario.changes.partiesRegistered(fromUnknown)).isFalse();
        assertThat(scenario.changes.partiesRegistered(new Revocation("g", PATIENT, "alice", NOW)))
                .isTrue();
        assertThat(scenario.changes.partiesRegistered(new Revocation("g", PATIENT, "dave", NOW)))
                .isFalse();
    }

    @Test
    void rejectsAGrantSignedByTheGranteeAndAuditsTheRejection() {
        Grant grant = grant(PATIENT, "alice", "bob", category("lab"));

        ConsentOutcome outcome = scenario.changes.grant(signed(grant, bobKeys));

        assertThat(outcome.refusal()).isEqualTo("grant not signed by the owner");
        assertThat(outcome.audit().outcome()).isEqualTo("4");
        assertThat(outcome.audit().outcomeDesc()).isEqualTo("grant not signed by the owner");
        assertThat(scenario.stores.grants.get(PATIENT)).isEmpty();
    }

    @Test
    void acceptsTheSameGrantAgainButNotADifferentGrantUnderItsId() {
        Grant grant = grant(PATIENT, "alice", "bob", category("lab"));
        ConsentOutcome first = scenario.changes.grant(signed(grant, aliceKeys));
        Grant other = new Grant(
                grant.grantId(),
                PATIENT,
                "alice",
                "bob",
                category("*"),
                "TREAT",
                grant.validFrom(),
                grant.expiresAt(),
                NOW,
                new byte[32],
                null);

        ConsentOutcome again = scenario.changes.grant(signed(grant, aliceKeys));
        ConsentOutcome different = scenario.changes.grant(signed(other, aliceKeys));

        assertThat(again.accepted()).isTrue();
        assertThat(again.audit().id()).isEqualTo(first.audit().id());
        assertThat(different.refusal()).isEqualTo("grant id already used for a different grant");
    }

    @Test
    void revokesAGrantSoTheStandingGrantsNoLongerListIt() {
        Grant grant = grant(PATIENT, "alice", "bob", category("lab"));
        scenario.changes.grant(signed(grant, aliceKeys));

        ConsentOutcome outcome =
                scenario.changes.revoke(signed(new Revocation(grant.grantId(), PATIENT, "alice", NOW), aliceKeys));

        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.audit().action()).isEqualTo("D");
        assertThat(outcome.standingGrants().grantees()).isEmpty();
        assertThat(scenario.stores
                        .grants
                        .get(PATIENT)
                        .get(grant.grantId())
                        .grant()
                        .revoked())
                .isTrue();
    }

    @Test
    void storesAGrantWhoseRevocationArrivedFirstAsRevoked() {
        Grant grant = grant(PATIENT, "alice", "bob", category("lab"));
        scenario.changes.revoke(signed(new Revocation(grant.grantId(), PATIENT, "alice", NOW), aliceKeys));

        ConsentOutcome outcome = scenario.changes.grant(signed(grant, aliceKeys));

        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.standingGrants().grantees()).isEmpty();
        assertThat(scenario.stores
                        .grants
                        .get(PATIENT)
                        .get(grant.grantId())
                        .grant()
                        .revoked())
                .isTrue();
    }

    @Test
    void rejectsARevocationByAnyoneButTheGrantsOwner() {
        Grant grant = grant(PATIENT, "alice", "bob", category("lab"));
        scenario.changes.grant(signed(grant, aliceKeys));

        ConsentOutcome outcome =
                scenario.changes.revoke(signed(new Revocation(grant.grantId(), PATIENT, "bob", NOW), bobKeys));

        assertThat(outcome.refusal()).isEqualTo("only the grant's owner can revoke");
        assertThat(outcome.audit().outcome()).isEqualTo("4");
        assertThat(scenario.stores
                        .grants
                        .get(PATIENT)
                        .get(grant.grantId())
                        .grant()
                        .revoked())
                .isFalse();
    }

    @Test
    void leavesExpiredGrantsOutOfTheStandingGrants() {
        Grant expired = grant(PATIENT, "alice", "bob", category("lab"), NOW.minus(Duration.ofDays(2)), NOW);

        ConsentOutcome outcome = scenario.changes.grant(signed(expired, aliceKeys));

        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.standingGrants().grantees()).isEmpty();
    }
}

package org.hrm.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.consent.domain.Fixtures.NOW;
import static org.hrm.consent.domain.Fixtures.category;
import static org.hrm.consent.domain.Fixtures.grant;
import static org.hrm.consent.domain.Fixtures.party;
import static org.hrm.consent.domain.Fixtures.record;
import static org.hrm.consent.domain.Fixtures.records;
import static org.hrm.consent.domain.Fixtures.signed;
import static org.hrm.consent.domain.RecordDomain.PATIENT;
import static org.hrm.consent.domain.RecordDomain.PRACTITIONER;

import java.security.SecureRandom;
import java.util.List;
import org.hrm.consent.TestKeys;
import org.junit.jupiter.api.Test;

class ConsentRulesTest {
    private final TestKeys aliceKeys = TestKeys.generate();
    private final TestKeys bobKeys = TestKeys.generate();
    private final Party alice = party("alice", PartyKind.PATIENT, aliceKeys);
    private final Party bob = party("bob", PartyKind.PRACTITIONER, bobKeys);
    private final Grant grant = grant(PATIENT, "alice", "bob", category("lab"));

    @Test
    void acceptsAGrantSignedByTheOwner() {
        assertThat(ConsentRules.grantRefusal(signed(grant, aliceKeys), alice, bob, List.of()))
                .isEmpty();
    }

    @Test
    void rejectsAGrantWithABadSignature() {
        Signed<Grant> good = signed(grant, aliceKeys);
        byte[] garbage = new byte[64];
        new SecureRandom().nextBytes(garbage);

        Signed<Grant> forged = new Signed<>(grant, good.signedBytes(), garbage);

        assertThat(ConsentRules.grantRefusal(forged, alice, bob, List.of())).contains("grant not signed by the owner");
    }

    @Test
    void rejectsAGrantSignedByTheGranteeInsteadOfTheOwner() {
        assertThat(ConsentRules.grantRefusal(signed(grant, bobKeys), alice, bob, List.of()))
                .contains("grant not signed by the owner");
    }

    @Test
    void rejectsAGrantWhoseSignedBytesWereChanged() {
        Signed<Grant> good = signed(grant, aliceKeys);
        byte[] changed = good.signedBytes().clone();
        changed[changed.length - 1] ^= 1;

        Signed<Grant> tampered = new Signed<>(grant, changed, good.signature());

        assertThat(ConsentRules.grantRefusal(tampered, alice, bob, List.of()))
                .contains("grant not signed by the owner");
    }

    @Test
    void rejectsAGrantOfAnOwnerOrToAGranteeWhoIsNotRegistered() {
        Signed<Grant> signed = signed(grant, aliceKeys);

        assertThat(ConsentRules.grantRefusal(signed, null, bob, List.of()))
                .contains("owner alice is not a registered party");
        assertThat(ConsentRules.grantRefusal(signed, alice, null, List.of()))
                .contains("grantee bob is not a registered party");
    }

    @Test
    void rejectsAGrantListingARecordOfAnotherOwner() {
        RecordEntry carols = record(PATIENT, "carol", "st-mary", "lab");
        Grant listing = grant(PATIENT, "alice", "bob", records(carols.recordId()));

        assertThat(ConsentRules.grantRefusal(signed(listing, aliceKeys), alice, bob, List.of(carols)))
                .contains("record " + carols.recordId() + " is not owned by alice in domain PATIENT");
    }

    @Test
    void keepsAGrantListingARecordNotIndexedYet() {
        Grant listing = grant(PATIENT, "alice", "bob", records(Fixtures.id()));

        assertThat(ConsentRules.grantRefusal(signed(listing, aliceKeys), alice, bob, List.of()))
                .isEmpty();
    }

    @Test
    void acceptsARevocationSignedByTheGrantsOwner() {
        Revocation revocation = new Revocation(grant.grantId(), PATIENT, "alice", NOW);

        assertThat(ConsentRules.revocationRefusal(signed(revocation, aliceKeys), alice, grant))
                .isEmpty();
    }

    @Test
    void rejectsARevocationNotSignedByTheOwnerItNames() {
        Revocation revocation = new Revocation(grant.grantId(), PATIENT, "alice", NOW);

        assertThat(ConsentRules.revocationRefusal(signed(revocation, bobKeys), alice, grant))
                .contains("revocation not signed by the owner");
    }

    @Test
    void rejectsARevocationByAPartyWhoDoesNotOwnTheGrant() {
        Revocation byBob = new Revocation(grant.grantId(), PATIENT, "bob", NOW);

        assertThat(ConsentRules.revocationRefusal(signed(byBob, bobKeys), bob, grant))
                .contains("only the grant's owner can revoke");
    }

    @Test
    void appliesARevocationThatArrivedFirstOnlyToTheSameOwnersGrant() {
        Revocation byAlice = new Revocation(grant.grantId(), PATIENT, "alice", NOW);
        Revocation byBob = new Revocation(grant.grantId(), PATIENT, "bob", NOW);

        assertThat(ConsentRules.afterEarlyRevocation(grant, byAlice).revoked()).isTrue();
        assertThat(ConsentRules.afterEarlyRevocation(grant, byBob).revoked()).isFalse();
    }

    @Test
    void checksListedRecordsInTheGrantsDomainOnly() {
        RecordEntry practitionerRecord = record(PRACTITIONER, "alice", "st-mary", "lab");
        Grant listing = grant(PATIENT, "alice", "bob", records(practitionerRecord.recordId()));

        assertThat(ConsentRules.grantRefusal(signed(listing, aliceKeys), alice, bob, List.of(practitionerRecord)))
                .isPresent();
    }
}

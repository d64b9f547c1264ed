package org.hrm.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.consent.domain.Fixtures.EMERGENCY_TTL;
import static org.hrm.consent.domain.Fixtures.NOW;
import static org.hrm.consent.domain.Fixtures.TTL;
import static org.hrm.consent.domain.Fixtures.category;
import static org.hrm.consent.domain.Fixtures.emergency;
import static org.hrm.consent.domain.Fixtures.erased;
import static org.hrm.consent.domain.Fixtures.erasure;
import static org.hrm.consent.domain.Fixtures.grant;
import static org.hrm.consent.domain.Fixtures.party;
import static org.hrm.consent.domain.Fixtures.practitioner;
import static org.hrm.consent.domain.Fixtures.record;
import static org.hrm.consent.domain.Fixtures.records;
import static org.hrm.consent.domain.Fixtures.request;
import static org.hrm.consent.domain.RecordDomain.PATIENT;
import static org.hrm.consent.domain.RecordDomain.PRACTITIONER;

import java.time.Duration;
import java.util.List;
import org.hrm.consent.TestKeys;
import org.junit.jupiter.api.Test;

class AccessRuleTest {
    private final AccessRule rule = new AccessRule(TTL, EMERGENCY_TTL);
    private final Party alice = party("alice", PartyKind.PATIENT, TestKeys.generate());
    private final Party bob = party("bob", PartyKind.PATIENT, TestKeys.generate());
    private final Party hospital = party("st-mary", PartyKind.SYSTEM, TestKeys.generate());
    private final Party doctor = practitioner("dr-who", "st-mary", TestKeys.generate());
    private final RecordEntry aliceLab = record(PATIENT, "alice", "st-mary", "lab");

    @Test
    void allowsTheOwner() {
        Decision decision = decide(request(PATIENT, aliceLab.recordId(), "alice"), alice, aliceLab, List.of());

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.basis()).isEqualTo(Basis.OWNER);
        assertThat(decision.shareHolderId()).isEqualTo("alice");
        assertThat(decision.expiresAt()).isEqualTo(NOW.plus(TTL));
        assertThat(decision.patientId()).isEqualTo("alice");
    }

    @Test
    void allowsTheAuthor() {
        Decision decision = decide(request(PATIENT, aliceLab.recordId(), "st-mary"), hospital, aliceLab, List.of());

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.basis()).isEqualTo(Basis.AUTHOR);
        assertThat(decision.shareHolderId()).isEqualTo("st-mary");
    }

    @Test
    void allowsAGranteeWhoseStandingGrantCoversTheRecord() {
        Grant grant = grant(PATIENT, "alice", "bob", records(aliceLab.recordId()));

        Decision decision = decide(request(PATIENT, aliceLab.recordId(), "bob"), bob, aliceLab, List.of(grant));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.basis()).isEqualTo(Basis.GRANT);
        assertThat(decision.grantId()).isEqualTo(grant.grantId());
        assertThat(decision.shareHolderId()).isEqualTo("bob");
    }

    @Test
    void letsNoDecisionOutliveTheGrantItRestsOn() {
        Grant grant = grant(PATIENT, "alice", "bob", category("*"), NOW.minusSeconds(60), NOW.plusSeconds(5));

        Decision decision = decide(request(PATIENT, aliceLab.recordId(), "bob"), bob, aliceLab, List.of(grant));

        assertThat(decision.expiresAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void neverOpensPractitionerDataWithAGrantForPatientData() {
        RecordEntry practitionerRecord = record(PRACTITIONER, "alice", "st-mary", "lab");
        Grant patientGrant = grant(PATIENT, "alice", "bob", category("*"));

        Decision decision = decide(
                request(PRACTITIONER, practitionerRecord.recordId(), "bob"),
                bob,
                practitionerRecord,
                List.of(patientGrant));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo(AccessRule.NO_GRANT);
    }

    @Test
    void neverOpensPatientDataWithAGrantForPractitionerData() {
        Grant practitionerGrant = grant(PRACTITIONER, "alice", "bob", records(aliceLab.recordId()));

        Decision decision =
                decide(request(PATIENT, aliceLab.recordId(), "bob"), bob, aliceLab, List.of(practitionerGrant));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo(AccessRule.NO_GRANT);
    }

    @Test
    void deniesAGranteeOfOnePatientTheRecordsOfAnother() {
        RecordEntry carolRecord = record(PATIENT, "carol", "st-mary", "lab");
        Grant aliceGrant = grant(PATIENT, "alice", "bob", category("*"));
        Grant aliceListsCarolsRecord = grant(PATIENT, "alice", "bob", records(carolRecord.recordId()));

        Decision decision = decide(
                request(PATIENT, carolRecord.recordId(), "bob"),
                bob,
                carolRecord,
                List.of(aliceGrant, aliceListsCarolsRecord));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo(AccessRule.NO_GRANT);
        assertThat(decision.patientId()).isEqualTo("carol");
    }

    @Test
    void deniesARevokedGrant() {
        Grant revoked = grant(PATIENT, "alice", "bob", category("*")).revokedAt(NOW.minusSeconds(1));

        Decision decision = decide(request(PATIENT, aliceLab.recordId(), "bob"), bob, aliceLab, List.of(revoked));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.basis()).isEqualTo(Basis.NONE);
        assertThat(decision.reason()).isEqualTo("grant revoked");
    }

    @Test
    void deniesAnExpiredGrant() {
        Grant expired = grant(PATIENT, "alice", "bob", category("*"), NOW.minusSeconds(60), NOW);

        Decision decision = decide(request(PATIENT, aliceLab.recordId(), "bob"), bob, aliceLab, List.of(expired));

        assertThat(decision.reason()).isEqualTo("grant expired");
    }

    @Test
    void deniesAGrantThatIsNotValidYet() {
        Grant future = grant(PATIENT, "alice", "bob", category("*"), NOW.plusSeconds(1), NOW.plusSeconds(60));

        Decision decision = decide(request(PATIENT, aliceLab.recordId(), "bob"), bob, aliceLab, List.of(future));

        assertThat(decision.reason()).isEqualTo("grant not yet valid");
    }

    @Test
    void opensRecordsOfTheGrantedCategoryOnly() {
        RecordEntry imaging = record(PATIENT, "alice", "st-mary", "imaging");
        RecordEntry uncategorised = record(PATIENT, "alice", "st-mary", null);
        Grant labOnly = grant(PATIENT, "alice", "bob", category("lab"));

        Decision lab = decide(request(PATIENT, aliceLab.recordId(), "bob"), bob, aliceLab, List.of(labOnly));
        Decision image = decide(request(PATIENT, imaging.recordId(), "bob"), bob, imaging, List.of(labOnly));
        Decision none = decide(request(PATIENT, uncategorised.recordId(), "bob"), bob, uncategorised, List.of(labOnly));

        assertThat(lab.allowed()).isTrue();
        assertThat(image.reason()).isEqualTo(AccessRule.NO_GRANT);
        assertThat(none.reason()).isEqualTo(AccessRule.NO_GRANT);
    }

    @Test
    void opensEveryCategoryWithTheWildcardScope() {
        RecordEntry uncategorised = record(PATIENT, "alice", "st-mary", null);
        Grant all = grant(PATIENT, "alice", "bob", category("*"));

        Decision decision = decide(request(PATIENT, uncategorised.recordId(), "bob"), bob, uncategorised, List.of(all));

        assertThat(decision.allowed()).isTrue();
    }

    @Test
    void opensOnlyTheListedRecordsOfARecordScope() {
        RecordEntry other = record(PATIENT, "alice", "st-mary", "lab");
        Grant one = grant(PATIENT, "alice", "bob", records(aliceLab.recordId()));

        Decision decision = decide(request(PATIENT, other.recordId(), "bob"), bob, other, List.of(one));

        assertThat(decision.reason()).isEqualTo(AccessRule.NO_GRANT);
    }

    @Test
    void deniesAnErasedRecordToEveryoneItsOwnerAndAuthorIncluded() {
        RecordEntry erasedLab = erased(aliceLab, erasure(PATIENT, "alice", false, aliceLab.recordId()));
        List<Grant> grants = List.of(
                grant(PATIENT, "alice", "bob", records(aliceLab.recordId())),
                grant(PATIENT, "alice", "st-mary", category("*")));

        List<Decision> decisions = List.of(
                decide(request(PATIENT, aliceLab.recordId(), "alice"), alice, erasedLab, grants),
                decide(request(PATIENT, aliceLab.recordId(), "st-mary"), hospital, erasedLab, grants),
                decide(request(PATIENT, aliceLab.recordId(), "bob"), bob, erasedLab, grants),
                decide(emergency(PATIENT, aliceLab.recordId(), "dr-who"), doctor, erasedLab, grants));

        assertThat(decisions).allSatisfy(decision -> {
            assertThat(decision.allowed()).isFalse();
            assertThat(decision.basis()).isEqualTo(Basis.NONE);
            assertThat(decision.shareHolderId()).isNull();
            assertThat(decision.reason()).isEqualTo("record erased");
            assertThat(decision.patientId()).isEqualTo("alice");
        });
    }

    @Test
    void deniesARecordErasedBeforeItWasIndexedToItsOwner() {
        Erasure erasure = erasure(PATIENT, "alice", false, Fixtures.id());
        RecordEntry neverIndexed =
                erasure.entryBeforeIndexed(erasure.recordIds().get(0));

        Decision decision = decide(request(PATIENT, neverIndexed.recordId(), "alice"), alice, neverIndexed, List.of());

        assertThat(decision.reason()).isEqualTo(AccessRule.RECORD_ERASED);
    }

    @Test
    void deniesAnUnknownRecord() {
        Decision decision = decide(request(PATIENT, Fixtures.id(), "bob"), bob, null, List.of());

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("unknown record");
        assertThat(decision.patientId()).isNull();
    }

    @Test
    void deniesARequesterWhoIsNotARegisteredParty() {
        Decision decision = decide(request(PATIENT, aliceLab.recordId(), "mallory"), null, aliceLab, List.of());

        assertThat(decision.reason()).isEqualTo("requester is not a registered party");
    }

    @Test
    void allowsEmergencyAccessToAPractitionerWhoseInstitutionAuthoredTheRecord() {
        Decision decision = decide(emergency(PATIENT, aliceLab.recordId(), "dr-who"), doctor, aliceLab, List.of());

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.basis()).isEqualTo(Basis.EMERGENCY);
        assertThat(decision.shareHolderId()).isEqualTo("st-mary");
        assertThat(decision.expiresAt()).isEqualTo(NOW.plus(EMERGENCY_TTL));
        assertThat(decision.emergency()).isTrue();
        assertThat(decision.patientId()).isEqualTo("alice");
    }

    @Test
    void allowsEmergencyAccessWhenThePractitionersInstitutionHoldsACoveringGrant() {
        RecordEntry fromElsewhere = record(PATIENT, "alice", "other-clinic", "lab");
        Grant toHospital = grant(PATIENT, "alice", "st-mary", category("lab"));

        Decision decision = decide(
                emergency(PATIENT, fromElsewhere.recordId(), "dr-who"), doctor, fromElsewhere, List.of(toHospital));

        assertThat(decision.basis()).isEqualTo(Basis.EMERGENCY);
        assertThat(decision.shareHolderId()).isEqualTo("st-mary");
    }

    @Test
    void deniesEmergencyAccessWhenTheInstitutionHoldsNoShare() {
        RecordEntry fromElsewhere = record(PATIENT, "alice", "other-clinic", "lab");
        Grant revoked = grant(PATIENT, "alice", "st-mary", category("lab")).revokedAt(NOW.minusSeconds(1));

        Decision decision =
                decide(emergency(PATIENT, fromElsewhere.recordId(), "dr-who"), doctor, fromElsewhere, List.of(revoked));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason())
                .isEqualTo("emergency access: the practitioner's institution holds no share of this record");
        assertThat(decision.emergency()).isTrue();
        assertThat(decision.expiresAt()).isEqualTo(NOW.plus(EMERGENCY_TTL));
    }

    @Test
    void deniesEmergencyAccessToAnyoneButAPractitioner() {
        Decision decision = decide(emergency(PATIENT, aliceLab.recordId(), "bob"), bob, aliceLab, List.of());

        assertThat(decision.reason()).isEqualTo("emergency access is only for registered practitioners");
    }

    @Test
    void deniesEmergencyAccessToAPractitionerWithoutInstitution() {
        Party freelancer = practitioner("dr-solo", null, TestKeys.generate());

        Decision decision = decide(emergency(PATIENT, aliceLab.recordId(), "dr-solo"), freelancer, aliceLab, List.of());

        assertThat(decision.reason()).isEqualTo("emergency access needs the practitioner's institution");
    }

    @Test
    void deniesAPractitionerWhoseInstitutionAuthoredTheRecordWithoutBreakingTheGlass() {
        Decision decision = decide(request(PATIENT, aliceLab.recordId(), "dr-who"), doctor, aliceLab, List.of());

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo(AccessRule.NO_GRANT);
    }

    @Test
    void givesADeniedDecisionTheNormalTtl() {
        Decision decision = decide(request(PATIENT, aliceLab.recordId(), "bob"), bob, aliceLab, List.of());

        assertThat(decision.expiresAt()).isEqualTo(NOW.plus(Duration.ofSeconds(60)));
        assertThat(decision.shareHolderId()).isNull();
    }

    private Decision decide(AccessRequest request, Party requester, RecordEntry record, List<Grant> grants) {
        return rule.decide(request, requester, record, grants, NOW);
    }
}

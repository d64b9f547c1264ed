package org.hrm.keyvault.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.AccessBasis;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.keyvault.TestConsent;
import org.hrm.keyvault.domain.ConsentKey;
import org.hrm.keyvault.domain.DecisionUse;
import org.hrm.keyvault.domain.ErasureRequest;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.MasterKeyCustody;
import org.hrm.keyvault.domain.OuterLayer;
import org.hrm.keyvault.domain.Pseudonyms;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.ReleaseRule;
import org.hrm.keyvault.domain.SealedRecord;
import org.hrm.keyvault.domain.Submission;
import org.junit.jupiter.api.Test;

class RecordReleaseTest {
    private final SecureRandom random = new SecureRandom();
    private final TestCustody.KeyFile keyFile = new TestCustody.KeyFile();
    private final MasterKeyCustody ring = keyFile.custody();
    private final KeyHierarchy hierarchy = new KeyHierarchy(ring, random);
    private final OuterLayer outerLayer = new OuterLayer(random);
    private final Pseudonyms pseudonyms = new Pseudonyms(ring);
    private final InMemoryKeyStores keys = new InMemoryKeyStores();
    private final InMemoryErasures erasures = new InMemoryErasures();
    private final RecordSealing sealing = new RecordSealing(
            keys.recordKeys, keys.ownerKeys, erasures, hierarchy, outerLayer, pseudonyms, Clock.systemUTC());
    private final FakeLedger ledger = new FakeLedger();
    private final InMemoryUsedDecisions used = new InMemoryUsedDecisions();
    private final TestConsent consent = TestConsent.generate();
    private final RecordRelease release = new RecordRelease(
            ConsentKey.fromSec1(consent.publicKeySec1()),
            used,
            erasures,
            ledger,
            new OuterDecryption(keys.recordKeys, keys.ownerKeys, hierarchy, outerLayer),
            pseudonyms,
            Clock.systemUTC());

    @Test
    void releasesC1AndTheOwnersShareFoundUnderTheOwnersPseudonym() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");

        ReleaseOutcome.Released out = released(releaseOne(allow(record, AccessBasis.OWNER, "patient-1", null)));

        assertThat(out.innerCiphertext()).isEqualTo(record.innerCiphertext());
        assertThat(out.share()).isEqualTo(record.shares().get(0).share());
    }

    @Test
    void aReleaseCarriesTheProvenanceOfTheSubmissionTheVaultSealed() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");

        ReleaseOutcome.Released out = released(releaseOne(allow(record, AccessBasis.OWNER, "patient-1", null)));

        assertThat(out.ownerId()).isEqualTo("patient-1");
        assertThat(out.provenance().authorId()).isEqualTo(record.authorId());
        assertThat(out.provenance().authorSignature()).isEqualTo(record.authorSignature());
        assertThat(out.provenance().shares())
                .extracting(share -> share.readerId())
                .containsExactlyElementsOf(
                        record.shares().stream().map(share -> share.readerId()).toList());
        for (int i = 0; i < record.shares().size(); i++) {
            assertThat(out.provenance().shares().get(i).share())
                    .isEqualTo(record.shares().get(i).share());
        }
    }

    @Test
    void findsTheShareOfARecordSealedBeforeAPseudonymRotationUnderTheOldPseudonym() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");
        byte[] before = pseudonyms.of(RecordDomain.PATIENT, "patient-1");
        keyFile.appendPseudonym(2);
        ring.rotatePseudonym();

        ReleaseOutcome.Released out = released(releaseOne(allow(record, AccessBasis.OWNER, "patient-1", null)));

        assertThat(pseudonyms.of(RecordDomain.PATIENT, "patient-1")).isNotEqualTo(before);
        assertThat(out.share()).isEqualTo(record.shares().get(0).share());
        assertThat(released(releaseOne(allow(
                                onChain(RecordDomain.PATIENT, "patient-1"), AccessBasis.OWNER, "patient-1", null)))
                        .innerCiphertext())
                .isNotNull();
    }

    @Test
    void releasesTheAuthorsShareToTheAuthor() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");

        ReleaseOutcome.Released out = released(releaseOne(allow(record, AccessBasis.AUTHOR, "author-1", null)));

        assertThat(out.share()).isEqualTo(record.shares().get(1).share());
    }

    @Test
    void releasesTheShareWrappedToTheGranteeAtCreationWithoutLookingForAGrantLog() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");
        String grantId = UUID.randomUUID().toString();
        ledger.grant(RecordDomain.PATIENT, grantId, record.recordId(), Submissions.random(113));

        ReleaseOutcome.Released out = released(releaseOne(allow(record, AccessBasis.GRANT, "author-1", grantId)));

        assertThat(out.share()).isEqualTo(record.shares().get(1).share());
        assertThat(ledger.grantLookups).isEmpty();
    }

    @Test
    void releasesTheLatestShareGrantedLogWhenTheRecordHoldsNoShareForTheGrantee() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");
        String grantId = UUID.randomUUID().toString();
        byte[] rewrapped = Submissions.random(113);
        ledger.grant(RecordDomain.PATIENT, grantId, record.recordId(), Submissions.random(113));
        ledger.grant(RecordDomain.PATIENT, grantId, record.recordId(), rewrapped);

        ReleaseOutcome.Released out = released(releaseOne(allow(record, AccessBasis.GRANT, "doctor-1", grantId)));

        assertThat(out.share()).isEqualTo(rewrapped);
        assertThat(out.innerCiphertext()).isEqualTo(record.innerCiphertext());
    }

    @Test
    void releasesNothingUnderAGrantRevokedOnChainEvenWithAShareInTheRecord() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");
        String grantId = UUID.randomUUID().toString();
        ledger.revoke(RecordDomain.PATIENT, grantId);

        ReleaseOutcome out = releaseOne(allow(record, AccessBasis.GRANT, "author-1", grantId));

        assertThat(denial(out)).isEqualTo("grant revoked on chain");
    }

    @Test
    void deniesAGrantDecisionThatNamesNoGrant() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");

        assertThat(denial(releaseOne(allow(record, AccessBasis.GRANT, "author-1", null))))
                .isEqualTo("grant decision names no grant");
    }

    @Test
    void deniesAReaderWhoHoldsNoShareOfTheRecord() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");

        assertThat(denial(releaseOne(allow(record, AccessBasis.EMERGENCY, "hospital-9", null))))
                .isEqualTo("no key share for this reader");
        assertThat(denial(releaseOne(allow(
                        record, AccessBasis.GRANT, "doctor-1", UUID.randomUUID().toString()))))
                .isEqualTo("no key share for this reader");
    }

    @Test
    void deniesARecordThatIsNotOnChainEvenThoughTheVaultHoldsItsKey() {
        Submission sealedOnly = Submissions.of(RecordDomain.PATIENT, "patient-1");
        sealing.seal(List.of(sealedOnly));

        assertThat(denial(releaseOne(allow(sealedOnly, AccessBasis.OWNER, "patient-1", null))))
                .isEqualTo("record not on chain");
    }

    @Test
    void deniesARecordWhoseKeysWereDestroyed() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-erased");
        keys.owners.get(RecordDomain.PATIENT).remove("patient-erased");

        assertThat(denial(releaseOne(allow(record, AccessBasis.OWNER, "patient-erased", null))))
                .isEqualTo("record erased");
    }

    @Test
    void readsOnlyTheLedgerOfTheDecisionsDomain() {
        Submission practitionerRecord = onChain(RecordDomain.PRACTITIONER, "doctor-7");
        AccessDecided asPatient =
                consent.allow(Domain.PATIENT, practitionerRecord.recordId(), AccessBasis.OWNER, "doctor-7", null);

        ReleaseOutcome out = releaseOne(asPatient);

        assertThat(denial(out)).isEqualTo("record not on chain");
        assertThat(ledger.domainsRead).containsOnly(RecordDomain.PATIENT);
    }

    @Test
    void deniesAForgedDecisionWithoutSpendingItsRequestId() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");
        AccessDecided real = allow(record, AccessBasis.OWNER, "patient-1", null);
        AccessDecided forged = TestConsent.generate().resign(real);

        ReleaseOutcome forgedOut = releaseOne(forged);
        ReleaseOutcome realOut = releaseOne(real);

        assertThat(denial(forgedOut)).isEqualTo("decision signature invalid");
        assertThat(forgedOut.claimed()).isFalse();
        assertThat(realOut).isInstanceOf(ReleaseOutcome.Released.class);
        assertThat(ledger.domainsRead).hasSize(1);
    }

    @Test
    void passesOnConsentsReasonAndSpendsNothingForADenial() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");
        AccessDecided denied =
                consent.deny(Domain.PATIENT, record.recordId(), "doctor-1", "no standing grant for doctor-1");

        ReleaseOutcome out = releaseOne(denied);

        assertThat(denial(out)).isEqualTo("no standing grant for doctor-1");
        assertThat(used.state(RecordDomain.PATIENT, denied.requestId())).isNull();
        assertThat(ledger.domainsRead).isEmpty();
    }

    @Test
    void deniesAnExpiredDecisionAndSpendsNothing() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");
        AccessDecided expired =
                consent.expired(allow(record, AccessBasis.OWNER, "patient-1", null), Duration.ofSeconds(1));

        ReleaseOutcome out = releaseOne(expired);

        assertThat(denial(out)).isEqualTo("decision expired");
        assertThat(used.state(RecordDomain.PATIENT, expired.requestId())).isNull();
    }

    @Test
    void marksADecisionReleasingBeforeReleaseAndReleasedOnceSettled() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");
        AccessDecided decision = allow(record, AccessBasis.OWNER, "patient-1", null);

        List<ReleaseOutcome> outcomes = release.release(List.of(TestConsent.asReleaseDecision(decision)));
        DecisionUse.State beforeSettling = used.state(RecordDomain.PATIENT, decision.requestId());
        release.settle(outcomes);

        assertThat(beforeSettling).isEqualTo(DecisionUse.State.RELEASING);
        assertThat(used.state(RecordDomain.PATIENT, decision.requestId())).isEqualTo(DecisionUse.State.RELEASED);
    }

    @Test
    void deniesASecondDecisionWithAUsedRequestIdEvenWhenConsentSignedIt() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");
        AccessDecided first = allow(record, AccessBasis.OWNER, "patient-1", null);
        settle(release.release(List.of(TestConsent.asReleaseDecision(first))));

        ReleaseOutcome replay = releaseOne(consent.resign(first));

        assertThat(denial(replay)).isEqualTo("decision already used");
        assertThat(replay.claimed()).isFalse();
        assertThat(used.state(RecordDomain.PATIENT, first.requestId())).isEqualTo(DecisionUse.State.RELEASED);
    }

    @Test
    void deniesAReplayWithANewSignatureWhileTheFirstReleaseIsStillUnsettled() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");
        AccessDecided first = allow(record, AccessBasis.OWNER, "patient-1", null);
        releaseOne(first);

        assertThat(denial(releaseOne(consent.resign(first)))).isEqualTo("decision already used");
    }

    @Test
    void deniesTheVeryDecisionAgainOnceItsReleaseIsSettled() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");
        AccessDecided decision = allow(record, AccessBasis.OWNER, "patient-1", null);
        settle(release.release(List.of(TestConsent.asReleaseDecision(decision))));

        assertThat(denial(releaseOne(decision))).isEqualTo("decision already used");
    }

    @Test
    void finishesTheReleaseWhenTheVeryDecisionIsRedeliveredBeforeItsOutcomeWasSettled() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");
        AccessDecided decision = allow(record, AccessBasis.OWNER, "patient-1", null);
        releaseOne(decision);

        ReleaseOutcome redelivered = releaseOne(decision);

        assertThat(released(redelivered).innerCiphertext()).isEqualTo(record.innerCiphertext());
    }

    @Test
    void leavesTheMarkReleasingWhenTheChainIsDownSoTheRetryReleases() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");
        AccessDecided decision = allow(record, AccessBasis.OWNER, "patient-1", null);
        ledger.down = new UncheckedIOException(new java.io.IOException("connection refused"));
        assertThatThrownBy(() -> releaseOne(decision)).isInstanceOf(UncheckedIOException.class);
        ledger.down = null;

        ReleaseOutcome retried = releaseOne(decision);

        assertThat(retried).isInstanceOf(ReleaseOutcome.Released.class);
    }

    @Test
    void releasesOnlyTheFirstOfTwoCopiesOfOneDecisionInABatch() {
        Submission record = onChain(RecordDomain.PATIENT, "patient-1");
        AccessDecided decision = allow(record, AccessBasis.OWNER, "patient-1", null);

        List<ReleaseOutcome> outcomes = release.release(
                List.of(TestConsent.asReleaseDecision(decision), TestConsent.asReleaseDecision(decision)));

        assertThat(outcomes.get(0)).isInstanceOf(ReleaseOutcome.Released.class);
        assertThat(denial(outcomes.get(1))).isEqualTo("decision already used");
    }

    @Test
    void readsTheChainOnceForAWholeBatchOfDecisions() {
        List<Submission> records = List.of(
                onChain(RecordDomain.PATIENT, "patient-1"),
                onChain(RecordDomain.PATIENT, "patient-2"),
                onChain(RecordDomain.PATIENT, "patient-1"));

        List<ReleaseOutcome> outcomes = release.release(records.stream()
                .map(record -> TestConsent.asReleaseDecision(allow(record, AccessBasis.OWNER, record.ownerId(), null)))
                .toList());

        assertThat(ledger.batchReads).isEqualTo(1);
        for (int i = 0; i < records.size(); i++) {
            assertThat(released(outcomes.get(i)).innerCiphertext())
                    .isEqualTo(records.get(i).innerCiphertext());
        }
    }

    @Test
    void deniesOnlyTheRecordWhoseLogDoesNotDecodeAndReleasesTheRestOfItsBatch() {
        Submission before = onChain(RecordDomain.PATIENT, "patient-1");
        Submission broken = onChain(RecordDomain.PATIENT, "patient-1");
        Submission after = onChain(RecordDomain.PATIENT, "patient-2");
        ledger.unreadable.add(broken.recordId());

        List<ReleaseOutcome> outcomes = release.release(List.of(
                TestConsent.asReleaseDecision(allow(before, AccessBasis.OWNER, "patient-1", null)),
                TestConsent.asReleaseDecision(allow(broken, AccessBasis.OWNER, "patient-1", null)),
                TestConsent.asReleaseDecision(allow(after, AccessBasis.OWNER, "patient-2", null))));

        assertThat(released(outcomes.get(0)).innerCiphertext()).isEqualTo(before.innerCiphertext());
        assertThat(denial(outcomes.get(1))).isEqualTo(ReleaseRule.UNREADABLE);
        assertThat(outcomes.get(1).claimed()).isTrue();
        assertThat(released(outcomes.get(2)).innerCiphertext()).isEqualTo(after.innerCiphertext());
    }

    @Test
    void settlesADecisionDeniedAfterItWasClaimedAsDenied() {
        AccessDecided decision =
                consent.allow(Domain.PATIENT, UUID.randomUUID().toString(), AccessBasis.OWNER, "patient-1", null);

        List<ReleaseOutcome> outcomes = release.release(List.of(TestConsent.asReleaseDecision(decision)));
        release.settle(outcomes);

        assertThat(denial(outcomes.get(0))).isEqualTo("record not on chain");
        assertThat(outcomes.get(0).claimed()).isTrue();
        assertThat(used.state(RecordDomain.PATIENT, decision.requestId())).isEqualTo(DecisionUse.State.DENIED);
    }

    @Test
    void keepsTheOrderOfAMixedBatchAcrossDomains() {
        Submission patient = onChain(RecordDomain.PATIENT, "patient-1");
        Submission practitioner = onChain(RecordDomain.PRACTITIONER, "doctor-1");
        AccessDecided denied = consent.deny(Domain.PATIENT, patient.recordId(), "x", "no");

        List<ReleaseOutcome> outcomes = release.release(List.of(
                TestConsent.asReleaseDecision(allow(practitioner, AccessBasis.OWNER, "doctor-1", null)),
                TestConsent.asReleaseDecision(denied),
                TestConsent.asReleaseDecision(allow(patient, AccessBasis.OWNER, "patient-1", null))));

        assertThat(released(outcomes.get(0)).innerCiphertext()).isEqualTo(practitioner.innerCiphertext());
        assertThat(denial(outcomes.get(1))).isEqualTo("no");
        assertThat(released(outcomes.get(2)).innerCiphertext()).isEqualTo(patient.innerCiphertext());
    }

    @Test
    void deniesAnErasedRecordAsRecordErasedWhoeverAsksAndTheOwnersOtherRecordsStillRelease() {
        Submission erased = onChain(RecordDomain.PATIENT, "patient-1");
        Submission kept = onChain(RecordDomain.PATIENT, "patient-1");
        RecordErasure erasure = new RecordErasure(
                keys.recordKeys,
                keys.ownerKeys,
                keys.erasableKeys,
                erasures,
                erasures,
                hierarchy,
                pseudonyms,
                Clock.systemUTC());
        erasure.erase(List.of(new ErasureRequest(
                UUID.randomUUID().toString(), RecordDomain.PATIENT, "patient-1", erased.recordId(), Instant.now())));

        ReleaseOutcome toOwner = releaseOne(allow(erased, AccessBasis.OWNER, "patient-1", null));
        ReleaseOutcome toStranger = releaseOne(allow(erased, AccessBasis.EMERGENCY, "hospital-9", null));

        assertThat(denial(toOwner)).isEqualTo("record erased");
        assertThat(denial(toStranger)).isEqualTo("record erased");
        assertThat(released(releaseOne(allow(kept, AccessBasis.OWNER, "patient-1", null)))
                        .innerCiphertext())
                .isEqualTo(kept.innerCiphertext());
    }

    private Submission onChain(RecordDomain domain, String ownerId) {
        Submission submission = Submissions.of(domain, ownerId);
        SealOutcome outcome = sealing.seal(List.of(submission)).get(0);
        SealedRecord sealed = ((SealOutcome.Sealed) outcome).record();
        ledger.store(sealed);
        return submission;
    }

    private AccessDecided allow(Submission record, AccessBasis basis, String shareHolderId, String grantId) {
        return consent.allow(
                VaultDomains.toContract(record.domain()), record.recordId(), basis, shareHolderId, grantId);
    }

    private ReleaseOutcome releaseOne(AccessDecided decision) {
        return release.release(List.of(TestConsent.asReleaseDecision(decision))).get(0);
    }

    private void settle(List<ReleaseOutcome> outcomes) {
        release.settle(outcomes);
    }

    private static ReleaseOutcome.Released released(ReleaseOutcome outcome) {
        assertThat(outcome).isInstanceOf(ReleaseOutcome.Released.class);
        return (ReleaseOutcome.Released) outcome;
    }

    private static String denial(ReleaseOutcome outcome) {
        assertThat(outcome).isInstanceOf(ReleaseOutcome.Denied.class);
        return ((ReleaseOutcome.Denied) outcome).reason();
    }
}

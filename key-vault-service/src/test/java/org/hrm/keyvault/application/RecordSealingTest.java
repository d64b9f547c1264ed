package org.hrm.keyvault.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.contracts.Domain;
import org.hrm.keyvault.domain.CiphertextRejectedException;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.MasterKeyCustody;
import org.hrm.keyvault.domain.OuterLayer;
import org.hrm.keyvault.domain.Pseudonyms;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.SealedRecord;
import org.hrm.keyvault.domain.StoredOwnerKeys;
import org.hrm.keyvault.domain.Submission;
import org.hrm.keyvault.domain.WrappedOwnerKey;
import org.hrm.keyvault.domain.WrappedRecordKey;
import org.junit.jupiter.api.Test;

class RecordSealingTest {
    private final SecureRandom random = new SecureRandom();
    private final MasterKeyCustody ring = TestCustody.fresh();
    private final KeyHierarchy hierarchy = new KeyHierarchy(ring, random);
    private final OuterLayer outerLayer = new OuterLayer(random);
    private final Pseudonyms pseudonyms = new Pseudonyms(ring);
    private final InMemoryKeyStores stores = new InMemoryKeyStores();
    private final InMemoryErasures erasures = new InMemoryErasures();
    private final RecordSealing sealing = new RecordSealing(
            stores.recordKeys, stores.ownerKeys, erasures, hierarchy, outerLayer, pseudonyms, Clock.systemUTC());
    private final OuterDecryption decryption =
            new OuterDecryption(stores.recordKeys, stores.ownerKeys, hierarchy, outerLayer);

    @Test
    void sealsANewRecordSoThatRemovingTheOuterLayerGivesBackItsC1() {
        Submission submission = Submissions.of(RecordDomain.PATIENT, "patient-1");

        SealedRecord sealed = sealedRecord(sealing.seal(List.of(submission)).get(0));

        assertThat(sealed.ownerPseudonym()).isEqualTo(pseudonyms.of(RecordDomain.PATIENT, "patient-1"));
        assertThat(sealed.shares().get(1).readerPseudonym()).isEqualTo(pseudonyms.of(RecordDomain.PATIENT, "author-1"));
        assertThat(sealed.shares().get(1).share())
                .isEqualTo(submission.shares().get(1).share());
        assertThat(decryption.removeOuterLayer(Domain.PATIENT, submission.recordId(), sealed.outerCiphertext()))
                .isEqualTo(submission.innerCiphertext());
    }

    @Test
    void givesTwoRecordsOfANewOwnerInOneBatchOneSharedKek() {
        Submission first = Submissions.of(RecordDomain.PATIENT, "patient-new");
        Submission second = Submissions.of(RecordDomain.PATIENT, "patient-new");

        sealing.seal(List.of(first, second));

        assertThat(stores.owners.get(RecordDomain.PATIENT)).hasSize(1);
        String kekId =
                stores.owners.get(RecordDomain.PATIENT).get("patient-new").kekId();
        assertThat(stores.records.get(RecordDomain.PATIENT).values())
                .extracting(key -> key.kekId())
                .containsExactly(kekId, kekId);
    }

    @Test
    void storesTheKeysOfABatchInOneBulkInsertPerDomain() {
        List<Submission> batch = List.of(
                Submissions.of(RecordDomain.PATIENT, "p1"),
                Submissions.of(RecordDomain.PATIENT, "p2"),
                Submissions.of(RecordDomain.PRACTITIONER, "d1"));

        List<SealOutcome> outcomes = sealing.seal(batch);

        assertThat(stores.recordInserts).isEqualTo(2);
        assertThat(stores.ownerInserts).isEqualTo(2);
        assertThat(outcomes)
                .extracting(SealOutcome::recordId)
                .containsExactly(batch.stream().map(Submission::recordId).toArray(String[]::new));
    }

    @Test
    void sealsTheSameSubmissionAgainUnderTheStoredKeyWithAFreshNonce() {
        Submission submission = Submissions.of(RecordDomain.PATIENT, "patient-1");
        SealedRecord first = sealedRecord(sealing.seal(List.of(submission)).get(0));

        SealedRecord again = sealedRecord(sealing.seal(List.of(submission)).get(0));

        assertThat(stores.records.get(RecordDomain.PATIENT)).hasSize(1);
        assertThat(again.outerCiphertext()).isNotEqualTo(first.outerCiphertext());
        assertThat(decryption.removeOuterLayer(Domain.PATIENT, submission.recordId(), again.outerCiphertext()))
                .isEqualTo(submission.innerCiphertext());
    }

    @Test
    void sealsADuplicateWithinOneBatchTwiceButStoresOneKey() {
        Submission submission = Submissions.of(RecordDomain.PATIENT, "patient-1");

        List<SealOutcome> outcomes = sealing.seal(List.of(submission, submission));

        assertThat(outcomes).allMatch(outcome -> outcome instanceof SealOutcome.Sealed);
        assertThat(stores.records.get(RecordDomain.PATIENT)).hasSize(1);
    }

    @Test
    void refusesDifferentContentUnderAStoredRecordId() {
        Submission submission = Submissions.of(RecordDomain.PATIENT, "patient-1");
        sealing.seal(List.of(submission));

        SealOutcome outcome =
                sealing.seal(List.of(Submissions.withOtherC1(submission))).get(0);

        assertThat(outcome)
                .isEqualTo(new SealOutcome.Refused(
                        submission.recordId(),
                        "record " + submission.recordId() + " already sealed with different content"));
    }

    @Test
    void refusesTheSecondOfTwoDifferentSubmissionsWithOneIdInOneBatch() {
        Submission submission = Submissions.of(RecordDomain.PATIENT, "patient-1");

        List<SealOutcome> outcomes = sealing.seal(List.of(submission, Submissions.withOtherC1(submission)));

        assertThat(outcomes.get(0)).isInstanceOf(SealOutcome.Sealed.class);
        assertThat(outcomes.get(1)).isInstanceOf(SealOutcome.Refused.class);
        assertThat(stores.records.get(RecordDomain.PATIENT)).hasSize(1);
    }

    @Test
    void sealsNothingAgainAndReleasesNothingOnceTheOwnersKekIsDestroyed() {
        Submission submission = Submissions.of(RecordDomain.PATIENT, "patient-erased");
        byte[] c2 = sealedRecord(sealing.seal(List.of(submission)).get(0)).outerCiphertext();

        stores.owners.get(RecordDomain.PATIENT).remove("patient-erased");

        assertThat(sealing.seal(List.of(submission)).get(0))
                .isEqualTo(new SealOutcome.Refused(
                        submission.recordId(), "keys of record " + submission.recordId() + " were destroyed"));
        assertThat(stores.owners.get(RecordDomain.PATIENT)).isEmpty();
        assertThatThrownBy(() -> decryption.removeOuterLayer(Domain.PATIENT, submission.recordId(), c2))
                .isInstanceOf(RecordKeyNotFoundException.class);
    }

    @Test
    void judgesARecordLostToAConcurrentWriterAgainstWhatTheWinnerStored() {
        Submission submission = Submissions.of(RecordDomain.PATIENT, "patient-1");
        RecordSealing otherInstance = new RecordSealing(
                stores.recordKeys, stores.ownerKeys, erasures, hierarchy, outerLayer, pseudonyms, Clock.systemUTC());
        RecordKeyStore racing = racingStore(() -> otherInstance.seal(List.of(Submissions.withOtherC1(submission))));
        RecordSealing loser = new RecordSealing(
                racing, stores.ownerKeys, erasures, hierarchy, outerLayer, pseudonyms, Clock.systemUTC());

        SealOutcome outcome = loser.seal(List.of(submission)).get(0);

        assertThat(outcome).isInstanceOf(SealOutcome.Refused.class);
        assertThat(stores.records.get(RecordDomain.PATIENT)).hasSize(1);
    }

    @Test
    void readsBackTheKekOfAnOwnerCreatedConcurrently() {
        Submission mine = Submissions.of(RecordDomain.PATIENT, "patient-race");
        RecordSealing otherInstance = new RecordSealing(
                stores.recordKeys, stores.ownerKeys, erasures, hierarchy, outerLayer, pseudonyms, Clock.systemUTC());
        OwnerKeyStore racing = racingOwnerStore(
                () -> otherInstance.seal(List.of(Submissions.of(RecordDomain.PATIENT, "patient-race"))));
        RecordSealing loser = new RecordSealing(
                stores.recordKeys, racing, erasures, hierarchy, outerLayer, pseudonyms, Clock.systemUTC());

        SealedRecord sealed = sealedRecord(loser.seal(List.of(mine)).get(0));

        assertThat(stores.owners.get(RecordDomain.PATIENT)).hasSize(1);
        assertThat(decryption.removeOuterLayer(Domain.PATIENT, mine.recordId(), sealed.outerCiphertext()))
                .isEqualTo(mine.innerCiphertext());
    }

    @Test
    void keepsEachDomainsKeysApart() {
        Submission patient = Submissions.of(RecordDomain.PATIENT, "same-id");
        Submission practitioner = Submissions.of(RecordDomain.PRACTITIONER, "same-id");

        List<SealOutcome> outcomes = sealing.seal(List.of(patient, practitioner));

        assertThat(stores.records.get(RecordDomain.PATIENT)).containsOnlyKeys(patient.recordId());
        assertThat(stores.records.get(RecordDomain.PRACTITIONER)).containsOnlyKeys(practitioner.recordId());
        assertThat(stores.owners.get(RecordDomain.PATIENT).get("same-id").kekId())
                .isNotEqualTo(stores.owners
                        .get(RecordDomain.PRACTITIONER)
                        .get("same-id")
                        .kekId());
        byte[] patientC2 = sealedRecord(outcomes.get(0)).outerCiphertext();
        assertThatThrownBy(() -> decryption.removeOuterLayer(Domain.PRACTITIONER, patient.recordId(), patientC2))
                .isInstanceOf(RecordKeyNotFoundException.class)
                .hasMessageContaining("in domain practitioner");
    }

    @Test
    void refusesToRemoveTheOuterLayerOfATamperedC2() {
        Submission submission = Submissions.of(RecordDomain.PATIENT, "patient-1");
        byte[] c2 = sealedRecord(sealing.seal(List.of(submission)).get(0)).outerCiphertext();

        c2[c2.length - 1] ^= 0x40;

        assertThatThrownBy(() -> decryption.removeOuterLayer(Domain.PATIENT, submission.recordId(), c2))
                .isInstanceOf(CiphertextRejectedException.class);
    }

    private static SealedRecord sealedRecord(SealOutcome outcome) {
        assertThat(outcome).isInstanceOf(SealOutcome.Sealed.class);
        return ((SealOutcome.Sealed) outcome).record();
    }

    /** A record store where another writer inserts the same record ids just before this one does. */
    private RecordKeyStore racingStore(Runnable otherWriter) {
        return new RecordKeyStore() {
            @Override
            public Map<String, WrappedRecordKey> findAll(RecordDomain domain, Collection<String> ids) {
                return stores.recordKeys.findAll(domain, ids);
            }

            @Override
            public Set<String> insertNew(RecordDomain domain, List<WrappedRecordKey> keys) {
                otherWriter.run();
                return stores.recordKeys.insertNew(domain, keys);
            }

            @Override
            public void withdraw(RecordDomain domain, Collection<WrappedRecordKey> keys) {
                stores.recordKeys.withdraw(domain, keys);
            }
        };
    }

    /** An owner store where another writer creates the same owner's KEK just before this one does. */
    private OwnerKeyStore racingOwnerStore(Runnable otherWriter) {
        return new OwnerKeyStore() {
            @Override
            public Map<String, WrappedOwnerKey> findAll(RecordDomain domain, Collection<String> ids) {
                return stores.ownerKeys.findAll(domain, ids);
            }

            @Override
            public Map<String, StoredOwnerKeys> findWithPending(RecordDomain domain, Collection<String> ids) {
                return stores.ownerKeys.findWithPending(domain, ids);
            }

            @Override
            public Set<String> insertNew(RecordDomain domain, List<WrappedOwnerKey> keys) {
                otherWriter.run();
                return stores.ownerKeys.insertNew(domain, keys);
            }
        };
    }
}

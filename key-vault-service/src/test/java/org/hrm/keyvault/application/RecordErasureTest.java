package org.hrm.keyvault.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hrm.keyvault.domain.ErasedKey;
import org.hrm.keyvault.domain.Erasure;
import org.hrm.keyvault.domain.ErasureRequest;
import org.hrm.keyvault.domain.IssuedReceipt;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.MasterKeyCustody;
import org.hrm.keyvault.domain.OuterLayer;
import org.hrm.keyvault.domain.Pseudonyms;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.SealedRecord;
import org.hrm.keyvault.domain.Submission;
import org.hrm.keyvault.domain.WrappedOwnerKey;
import org.hrm.keyvault.domain.WrappedRecordKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordErasureTest {
    private final SecureRandom random = new SecureRandom();
    private final TestCustody.KeyFile keyFile = new TestCustody.KeyFile();
    private final MasterKeyCustody ring = keyFile.custody();
    private final KeyHierarchy hierarchy = new KeyHierarchy(ring, random);
    private final OuterLayer outerLayer = new OuterLayer(random);
    private final Pseudonyms pseudonyms = new Pseudonyms(ring);
    private final InMemoryKeyStores stores = new InMemoryKeyStores();
    private final InMemoryErasures erasures = new InMemoryErasures();
    private final Interruptions interruptions = new Interruptions();
    private final RecordSealing sealing = new RecordSealing(
            stores.recordKeys, stores.ownerKeys, erasures, hierarchy, outerLayer, pseudonyms, Clock.systemUTC());
    private final OuterDecryption decryption =
            new OuterDecryption(stores.recordKeys, stores.ownerKeys, hierarchy, outerLayer);
    private final RecordErasure erasure = new RecordErasure(
            stores.recordKeys,
            stores.ownerKeys,
            interruptions.erasable(stores.erasableKeys),
            interruptions.store(erasures),
            interruptions.markers(erasures),
            hierarchy,
            pseudonyms,
            Clock.systemUTC());

    @Test
    void erasesOneRecordByDestroyingItsK2AndReKeyingTheOwner() {
        Map<Submission, byte[]> mine = seal(RecordDomain.PATIENT, "owner-1", 3);
        Map<Submission, byte[]> theirs = seal(RecordDomain.PATIENT, "owner-2", 2);
        Submission erased = mine.keySet().iterator().next();
        WrappedOwnerKey kekBefore = stores.owners.get(RecordDomain.PATIENT).get("owner-1");
        String otherKekBefore = kekId(RecordDomain.PATIENT, "owner-2");

        ErasureOutcome.Destroyed out = destroyed(erasure.erase(List.of(one("owner-1", erased.recordId()))));

        assertThat(out.erasure().recordIds()).containsExactly(erased.recordId());
        assertThat(out.erasure().keys()).containsExactly(ErasedKey.kek(kekBefore), ErasedKey.k2(erased.recordId()));
        assertThat(out.erasure().state()).isEqualTo(Erasure.State.DESTROYED);
        assertThat(out.ownerPseudonym()).isEqualTo(pseudonyms.of(RecordDomain.PATIENT, "owner-1"));
        assertReKeyed("owner-1", kekBefore, erased.recordId(), 2);
        assertThat(kekId(RecordDomain.PATIENT, "owner-2")).isEqualTo(otherKekBefore);
        assertThatThrownBy(() -> open(RecordDomain.PATIENT, erased, mine.get(erased)))
                .isInstanceOf(RecordKeyNotFoundException.class);
        mine.forEach((record, c2) -> {
            if (record != erased) {
                assertThat(open(RecordDomain.PATIENT, record, c2)).isEqualTo(record.innerCiphertext());
            }
        });
        theirs.forEach((record, c2) ->
                assertThat(open(RecordDomain.PATIENT, record, c2)).isEqualTo(record.innerCiphertext()));
    }

    @ParameterizedTest(name = "interrupted {0}")
    @ValueSource(
            strings = {
                "before marking the records",
                "before deleting the K2s",
                "before staging the new KEK",
                "after staging the new KEK",
                "before re-wrapping a K2",
                "after re-wrapping a K2",
                "before switching the KEK",
                "after switching the KEK",
                "before marking it destroyed",
                "after marking it destroyed"
            })
    void resumesASingleRecordErasureInterruptedAtAnyStepOfTheReKey(String step) {
        Map<Submission, byte[]> mine = seal(RecordDomain.PATIENT, "owner-1", 4);
        Map<Submission, byte[]> theirs = seal(RecordDomain.PATIENT, "owner-2", 1);
        Submission erased = mine.keySet().iterator().next();
        WrappedOwnerKey kekBefore = stores.owners.get(RecordDomain.PATIENT).get("owner-1");
        ErasureRequest request = one("owner-1", erased.recordId());
        interruptions.at(step);

        assertThatThrownBy(() -> erasure.erase(List.of(request))).hasMessage("interrupted " + step);
        // Whatever the crash left, every surviving record of the owner still opens.
        mine.forEach((record, c2) -> {
            if (record != erased) {
                assertThat(open(RecordDomain.PATIENT, record, c2)).isEqualTo(record.innerCiphertext());
            }
        });
        Erasure resumed = destroyed(erasure.erase(List.of(request))).erasure();
        Erasure repeated = destroyed(erasure.erase(List.of(request))).erasure();

        assertThat(resumed.state()).isEqualTo(Erasure.State.DESTROYED);
        assertThat(resumed.keys()).containsExactly(ErasedKey.kek(kekBefore), ErasedKey.k2(erased.recordId()));
        assertThat(repeated).isEqualTo(resumed);
        assertReKeyed("owner-1", kekBefore, erased.recordId(), 3);
        assertThatThrownBy(() -> open(RecordDomain.PATIENT, erased, mine.get(erased)))
                .isInstanceOf(RecordKeyNotFoundException.class);
        mine.forEach((record, c2) -> {
            if (record != erased) {
                assertThat(open(RecordDomain.PATIENT, record, c2)).isEqualTo(record.innerCiphertext());
            }
        });
        theirs.forEach((record, c2) ->
                assertThat(open(RecordDomain.PATIENT, record, c2)).isEqualTo(record.innerCiphertext()));
    }

    @Test
    void sealsUnderTheStagedKekWhileTheOwnerIsReKeyedAndTheRecordSurvivesTheSwitch() {
        Map<Submission, byte[]> mine = seal(RecordDomain.PATIENT, "owner-1", 2);
        Submission erased = mine.keySet().iterator().next();
        WrappedOwnerKey kekBefore = stores.owners.get(RecordDomain.PATIENT).get("owner-1");
        ErasureRequest request = one("owner-1", erased.recordId());
        interruptions.at("before switching the KEK");
        assertThatThrownBy(() -> erasure.erase(List.of(request)));
        String staged = stores.pending.get(RecordDomain.PATIENT).get("owner-1").kekId();

        Map<Submission, byte[]> late = seal(RecordDomain.PATIENT, "owner-1", 1);
        Submission lateRecord = late.keySet().iterator().next();
        assertThat(stores.records
                        .get(RecordDomain.PATIENT)
                        .get(lateRecord.recordId())
                        .kekId())
                .isEqualTo(staged);
        destroyed(erasure.erase(List.of(request)));

        assertReKeyed("owner-1", kekBefore, erased.recordId(), 2);
        assertThat(kekId(RecordDomain.PATIENT, "owner-1")).isEqualTo(staged);
        assertThat(open(RecordDomain.PATIENT, lateRecord, late.get(lateRecord)))
                .isEqualTo(lateRecord.innerCiphertext());
    }

    @Test
    void erasesAllOfAnOwnersRecordsByDestroyingTheirKekAndK2sInThatDomainOnly() {
        Map<Submission, byte[]> mine = seal(RecordDomain.PATIENT, "owner-1", 3);
        Map<Submission, byte[]> theirs = seal(RecordDomain.PATIENT, "owner-2", 2);
        Map<Submission, byte[]> mineElsewhere = seal(RecordDomain.PRACTITIONER, "owner-1", 1);
        WrappedOwnerKey kek = stores.owners.get(RecordDomain.PATIENT).get("owner-1");

        ErasureOutcome.Destroyed out = destroyed(erasure.erase(List.of(all(RecordDomain.PATIENT, "owner-1"))));

        assertThat(out.erasure().recordIds())
                .containsExactlyInAnyOrderElementsOf(
                        mine.keySet().stream().map(Submission::recordId).toList());
        assertThat(out.erasure().keys()).contains(ErasedKey.kek(kek)).hasSize(4);
        assertThat(stores.owners.get(RecordDomain.PATIENT)).containsOnlyKeys("owner-2");
        assertThat(stores.records.get(RecordDomain.PATIENT).values())
                .allMatch(key -> key.ownerId().equals("owner-2"))
                .hasSize(2);
        mine.forEach((record, c2) -> assertThatThrownBy(() -> open(RecordDomain.PATIENT, record, c2))
                .isInstanceOf(RecordKeyNotFoundException.class));
        theirs.forEach((record, c2) ->
                assertThat(open(RecordDomain.PATIENT, record, c2)).isEqualTo(record.innerCiphertext()));
        mineElsewhere.forEach((record, c2) ->
                assertThat(open(RecordDomain.PRACTITIONER, record, c2)).isEqualTo(record.innerCiphertext()));
    }

    @Test
    void erasureDeletesTheProvenanceTheVaultKeptWithTheKey() {
        Submission record =
                seal(RecordDomain.PATIENT, "owner-1", 1).keySet().iterator().next();
        WrappedRecordKey kept = stores.records.get(RecordDomain.PATIENT).get(record.recordId());
        assertThat(kept.provenance().authorSignature()).isEqualTo(record.authorSignature());

        destroyed(erasure.erase(List.of(one("owner-1", record.recordId()))));

        assertThat(stores.recordKeys.findAll(RecordDomain.PATIENT, List.of(record.recordId())))
                .isEmpty();
        assertThat(stores.erasableKeys.recordKeysOf(RecordDomain.PATIENT, "owner-1"))
                .isEmpty();
    }

    @Test
    void tombstonesNameTheOwnerAsEachRecordsLedgerEntryDoesAcrossAPseudonymRotation() {
        Submission older = Submissions.of(RecordDomain.PATIENT, "owner-1");
        byte[] olderEntry = sealedRecord(older).ownerPseudonym();
        keyFile.appendPseudonym(2);
        ring.rotatePseudonym();
        Submission newer = Submissions.of(RecordDomain.PATIENT, "owner-1");
        byte[] newerEntry = sealedRecord(newer).ownerPseudonym();
        Submission alone = Submissions.of(RecordDomain.PATIENT, "owner-2");
        byte[] aloneEntry = sealedRecord(alone).ownerPseudonym();
        keyFile.appendPseudonym(3);
        ring.rotatePseudonym();

        ErasureOutcome.Destroyed all = destroyed(erasure.erase(List.of(all(RecordDomain.PATIENT, "owner-1"))));
        ErasureOutcome.Destroyed one = destroyed(erasure.erase(List.of(one("owner-2", alone.recordId()))));

        assertThat(olderEntry).isNotEqualTo(newerEntry);
        assertThat(all.ownerPseudonymOf(older.recordId())).isEqualTo(olderEntry);
        assertThat(all.ownerPseudonymOf(newer.recordId())).isEqualTo(newerEntry);
        assertThat(one.ownerPseudonymOf(alone.recordId())).isEqualTo(aloneEntry);
        assertThat(all.ownerPseudonym()).isEqualTo(pseudonyms.of(RecordDomain.PATIENT, "owner-1"));
        // Answered again from the stored erasure (the keys are gone): the same pseudonyms.
        ErasureRequest again =
                new ErasureRequest(all.erasure().requestId(), RecordDomain.PATIENT, "owner-1", null, Instant.now());
        assertThat(destroyed(erasure.erase(List.of(again))).ownerPseudonymOf(older.recordId()))
                .isEqualTo(olderEntry);
    }

    @Test
    void aRecordSealedBeforeTheVaultKeptItsPseudonymVersionGetsTheNewestPseudonym() {
        stores.records
                .get(RecordDomain.PATIENT)
                .put(
                        "0d5f3a3e-1a1b-4c1d-8e1f-123456789abc",
                        new WrappedRecordKey(
                                "0d5f3a3e-1a1b-4c1d-8e1f-123456789abc",
                                "owner-3",
                                "kek-old",
                                new byte[60],
                                new byte[32],
                                Instant.now()));

        ErasureOutcome.Destroyed out =
                destroyed(erasure.erase(List.of(one("owner-3", "0d5f3a3e-1a1b-4c1d-8e1f-123456789abc"))));

        assertThat(out.ownerPseudonymOf("0d5f3a3e-1a1b-4c1d-8e1f-123456789abc"))
                .isEqualTo(pseudonyms.of(RecordDomain.PATIENT, "owner-3"));
    }

    private SealedRecord sealedRecord(Submission submission) {
        return ((SealOutcome.Sealed) sealing.seal(List.of(submission)).get(0)).record();
    }

    @Test
    void answersTheSameRequestAgainWithTheSameErasureOnceDestroyedAndOnceReceipted() {
        Submission record =
                seal(RecordDomain.PATIENT, "owner-1", 2).keySet().iterator().next();
        ErasureRequest request = one("owner-1", record.recordId());
        Erasure first = destroyed(erasure.erase(List.of(request))).erasure();

        Erasure again = destroyed(erasure.erase(List.of(request))).erasure();
        erasures.markReceipted(
                RecordDomain.PATIENT,
                request.requestId(),
                new IssuedReceipt("0x1", List.of(), Instant.now(), new byte[64]));
        Erasure receipted = destroyed(erasure.erase(List.of(request))).erasure();

        assertThat(again).isEqualTo(first);
        assertThat(receipted.state()).isEqualTo(Erasure.State.RECEIPTED);
        assertThat(keysDestroyedContent(receipted)).isEqualTo(keysDestroyedContent(first));
        assertThat(stores.records.get(RecordDomain.PATIENT)).hasSize(1);
    }

    @ParameterizedTest(name = "interrupted {0}")
    @ValueSource(
            strings = {
                "before marking the records",
                "before deleting the KEK",
                "before deleting the K2s",
                "before marking it destroyed",
                "after marking it destroyed"
            })
    void resumesAnErasureInterruptedAtAnyStepAndEndsAsIfNeverInterrupted(String step) {
        Map<Submission, byte[]> mine = seal(RecordDomain.PATIENT, "owner-1", 3);
        seal(RecordDomain.PATIENT, "owner-2", 1);
        ErasureRequest request = all(RecordDomain.PATIENT, "owner-1");
        interruptions.at(step);

        assertThatThrownBy(() -> erasure.erase(List.of(request))).hasMessage("interrupted " + step);
        Erasure resumed = destroyed(erasure.erase(List.of(request))).erasure();
        Erasure repeated = destroyed(erasure.erase(List.of(request))).erasure();

        assertThat(resumed.state()).isEqualTo(Erasure.State.DESTROYED);
        assertThat(resumed.recordIds())
                .containsExactlyInAnyOrderElementsOf(
                        mine.keySet().stream().map(Submission::recordId).toList());
        assertThat(repeated).isEqualTo(resumed);
        assertThat(stores.owners.get(RecordDomain.PATIENT)).containsOnlyKeys("owner-2");
        assertThat(stores.records.get(RecordDomain.PATIENT)).hasSize(1);
        assertThat(erasures.find(RecordDomain.PATIENT, resumed.recordIds())).hasSize(3);
    }

    @Test
    void takesInARecordSealedUnderTheKekBetweenPlanningAndItsDestruction() {
        seal(RecordDomain.PATIENT, "owner-1", 2);
        ErasureRequest request = all(RecordDomain.PATIENT, "owner-1");
        interruptions.at("before deleting the KEK");
        assertThatThrownBy(() -> erasure.erase(List.of(request)));
        Submission late =
                seal(RecordDomain.PATIENT, "owner-1", 1).keySet().iterator().next();

        Erasure erased = destroyed(erasure.erase(List.of(request))).erasure();

        assertThat(erased.recordIds()).hasSize(3).contains(late.recordId());
        assertThat(erased.keys()).contains(ErasedKey.k2(late.recordId()));
        assertThat(stores.records.get(RecordDomain.PATIENT)).isEmpty();
    }

    @Test
    void refusesASealWhoseKekAnEraseAllDestroyedWhileItSealedAndThenTheRecordForGood() {
        seal(RecordDomain.PATIENT, "owner-1", 1);
        Submission racing = Submissions.of(RecordDomain.PATIENT, "owner-1");
        RecordKeyStore eraseFirst = new DelegatingRecordKeys(stores.recordKeys) {
            @Override
            public Set<String> insertNew(RecordDomain domain, List<WrappedRecordKey> keys) {
                erasure.erase(List.of(all(RecordDomain.PATIENT, "owner-1")));
                return super.insertNew(domain, keys);
            }
        };
        RecordSealing sealer = new RecordSealing(
                eraseFirst, stores.ownerKeys, erasures, hierarchy, outerLayer, pseudonyms, Clock.systemUTC());

        assertThatThrownBy(() -> sealer.seal(List.of(racing))).hasMessageContaining("owner key was destroyed");
        SealOutcome retried = sealing.seal(List.of(racing)).get(0);

        assertThat(retried).isInstanceOf(SealOutcome.Refused.class);
        assertThat(((SealOutcome.Refused) retried).reason()).contains(racing.recordId());
    }

    @Test
    void sealsAgainUnderTheNewKekARecordWhoseSealRacedTheReKeyOfAnotherRecordsErasure() {
        Submission erased =
                seal(RecordDomain.PATIENT, "owner-1", 1).keySet().iterator().next();
        Submission racing = Submissions.of(RecordDomain.PATIENT, "owner-1");
        RecordKeyStore eraseFirst = new DelegatingRecordKeys(stores.recordKeys) {
            @Override
            public Set<String> insertNew(RecordDomain domain, List<WrappedRecordKey> keys) {
                destroyed(erasure.erase(List.of(one("owner-1", erased.recordId()))));
                return super.insertNew(domain, keys);
            }
        };
        RecordSealing sealer = new RecordSealing(
                eraseFirst, stores.ownerKeys, erasures, hierarchy, outerLayer, pseudonyms, Clock.systemUTC());

        assertThatThrownBy(() -> sealer.seal(List.of(racing))).hasMessageContaining("owner key was destroyed");
        SealOutcome retried = sealing.seal(List.of(racing)).get(0);

        assertThat(retried)
                .as("the owner erased another record: this one must not be lost")
                .isInstanceOf(SealOutcome.Sealed.class);
        assertThat(stores.records
                        .get(RecordDomain.PATIENT)
                        .get(racing.recordId())
                        .kekId())
                .isEqualTo(kekId(RecordDomain.PATIENT, "owner-1"));
        byte[] c2 = ((SealOutcome.Sealed) retried).record().outerCiphertext();
        assertThat(open(RecordDomain.PATIENT, racing, c2)).isEqualTo(racing.innerCiphertext());
    }

    @Test
    void refusesAReplayedSubmissionOfAnErasedRecordAndSealsNewRecordsUnderANewKek() {
        Submission erased =
                seal(RecordDomain.PATIENT, "owner-1", 1).keySet().iterator().next();
        String destroyedKek = kekId(RecordDomain.PATIENT, "owner-1");
        erasure.erase(List.of(all(RecordDomain.PATIENT, "owner-1")));

        SealOutcome replay = sealing.seal(List.of(erased)).get(0);
        Map<Submission, byte[]> fresh = seal(RecordDomain.PATIENT, "owner-1", 1);

        assertThat(replay)
                .isEqualTo(new SealOutcome.Refused(erased.recordId(), "record " + erased.recordId() + " was erased"));
        assertThat(stores.records.get(RecordDomain.PATIENT)).doesNotContainKey(erased.recordId());
        assertThat(kekId(RecordDomain.PATIENT, "owner-1")).isNotEqualTo(destroyedKek);
        fresh.forEach((record, c2) ->
                assertThat(open(RecordDomain.PATIENT, record, c2)).isEqualTo(record.innerCiphertext()));
    }

    @Test
    void refusesToEraseAnotherOwnersRecordOrAnUnknownOneAndTouchesNothing() {
        Submission theirs =
                seal(RecordDomain.PATIENT, "owner-2", 1).keySet().iterator().next();

        List<ErasureOutcome> outcomes = erasure.erase(List.of(
                one("owner-1", theirs.recordId()),
                one("owner-1", UUID.randomUUID().toString())));

        assertThat(((ErasureOutcome.Refused) outcomes.get(0)).reason())
                .isEqualTo("record " + theirs.recordId() + " is not owned by owner-1");
        assertThat(((ErasureOutcome.Refused) outcomes.get(1)).reason()).startsWith("no record ");
        assertThat(stores.records.get(RecordDomain.PATIENT)).containsKey(theirs.recordId());
        assertThat(erasures.erasures).isEmpty();
        assertThat(erasures.markers).isEmpty();
    }

    @Test
    void neverErasesInTheOtherDomain() {
        Submission patientRecord =
                seal(RecordDomain.PATIENT, "owner-1", 1).keySet().iterator().next();

        ErasureOutcome out = erasure.erase(List.of(new ErasureRequest(
                        UUID.randomUUID().toString(),
                        RecordDomain.PRACTITIONER,
                        "owner-1",
                        patientRecord.recordId(),
                        Instant.now())))
                .get(0);

        assertThat(out).isInstanceOf(ErasureOutcome.Refused.class);
        assertThat(stores.records.get(RecordDomain.PATIENT)).containsKey(patientRecord.recordId());
        assertThat(stores.owners.get(RecordDomain.PATIENT)).containsKey("owner-1");
    }

    @Test
    void refusesARequestIdReusedForAnotherErasure() {
        Submission record =
                seal(RecordDomain.PATIENT, "owner-1", 1).keySet().iterator().next();
        ErasureRequest first = one("owner-1", record.recordId());
        erasure.erase(List.of(first));

        ErasureOutcome out = erasure.erase(List.of(
                        new ErasureRequest(first.requestId(), RecordDomain.PATIENT, "owner-1", null, Instant.now())))
                .get(0);

        assertThat(((ErasureOutcome.Refused) out).reason()).contains("already names another erasure");
        assertThat(stores.owners.get(RecordDomain.PATIENT)).containsKey("owner-1");
    }

    private Map<Submission, byte[]> seal(RecordDomain domain, String ownerId, int count) {
        Map<Submission, byte[]> sealed = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Submission submission = Submissions.of(domain, ownerId);
            SealOutcome outcome = sealing.seal(List.of(submission)).get(0);
            SealedRecord record = ((SealOutcome.Sealed) outcome).record();
            sealed.put(submission, record.outerCiphertext());
        }
        return sealed;
    }

    private byte[] open(RecordDomain domain, Submission record, byte[] c2) {
        return decryption.removeOuterLayer(VaultDomains.toContract(domain), record.recordId(), c2);
    }

    /**
     * The owner has a new KEK, nothing is staged, the erased K2 is gone and every remaining K2 of theirs names the
     * new KEK (and unwraps under it, not under the old one).
     */
    private void assertReKeyed(String ownerId, WrappedOwnerKey old, String erasedRecordId, int remaining) {
        WrappedOwnerKey now = stores.owners.get(RecordDomain.PATIENT).get(ownerId);
        assertThat(now.kekId()).isNotEqualTo(old.kekId());
        assertThat(stores.pending.get(RecordDomain.PATIENT)).doesNotContainKey(ownerId);
        assertThat(stores.records.get(RecordDomain.PATIENT)).doesNotContainKey(erasedRecordId);
        List<WrappedRecordKey> left = stores.erasableKeys.recordKeysOf(RecordDomain.PATIENT, ownerId);
        assertThat(left).hasSize(remaining).allMatch(key -> key.kekId().equals(now.kekId()));
        byte[] oldKek = hierarchy.unwrapOwnerKey(RecordDomain.PATIENT, old);
        byte[] newKek = hierarchy.unwrapOwnerKey(RecordDomain.PATIENT, now);
        assertThat(newKek).isNotEqualTo(oldKek);
        for (WrappedRecordKey key : left) {
            assertThat(hierarchy.unwrapRecordKey(
                            newKek, RecordDomain.PATIENT, ownerId, key.recordId(), key.wrappedK2()))
                    .hasSize(32);
            assertThatThrownBy(() -> hierarchy.unwrapRecordKey(
                            oldKek, RecordDomain.PATIENT, ownerId, key.recordId(), key.wrappedK2()))
                    .isInstanceOf(RuntimeException.class);
        }
    }

    private String kekId(RecordDomain domain, String ownerId) {
        return stores.owners.get(domain).get(ownerId).kekId();
    }

    /** What KeysDestroyed is built from: everything but the state. */
    private static List<Object> keysDestroyedContent(Erasure erasure) {
        return List.of(
                erasure.requestId(),
                erasure.ownerId(),
                erasure.allRecords(),
                erasure.recordIds(),
                erasure.keys(),
                erasure.destroyedAt());
    }

    private static ErasureOutcome.Destroyed destroyed(List<ErasureOutcome> outcomes) {
        assertThat(outcomes.get(0)).isInstanceOf(ErasureOutcome.Destroyed.class);
        return (ErasureOutcome.Destroyed) outcomes.get(0);
    }

    private static ErasureRequest one(String ownerId, String recordId) {
        return new ErasureRequest(UUID.randomUUID().toString(), RecordDomain.PATIENT, ownerId, recordId, Instant.now());
    }

    private static ErasureRequest all(RecordDomain domain, String ownerId) {
        return new ErasureRequest(UUID.randomUUID().toString(), domain, ownerId, null, Instant.now());
    }

    /** A record key store that passes everything on; tests override one step. */
    private static class DelegatingRecordKeys implements RecordKeyStore {
        private final RecordKeyStore delegate;

        DelegatingRecordKeys(RecordKeyStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, WrappedRecordKey> findAll(RecordDomain domain, Collection<String> recordIds) {
            return delegate.findAll(domain, recordIds);
        }

        @Override
        public Set<String> insertNew(RecordDomain domain, List<WrappedRecordKey> keys) {
            return delegate.insertNew(domain, keys);
        }

        @Override
        public void withdraw(RecordDomain domain, Collection<WrappedRecordKey> keys) {
            delegate.withdraw(domain, keys);
        }
    }
}

package org.hrm.keyvault.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.hrm.keyvault.domain.MasterKeyRingException;
import org.hrm.keyvault.domain.OuterLayer;
import org.hrm.keyvault.domain.Pseudonyms;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.Submission;
import org.hrm.keyvault.domain.WrappedOwnerKey;
import org.junit.jupiter.api.Test;

class MasterKeyRotationTest {
    private final SecureRandom random = new SecureRandom();
    private final TestCustody.KeyFile keyFile = new TestCustody.KeyFile();
    private final MasterKeyRing ring = keyFile.read();
    private final KeyFileCustody custody = new KeyFileCustody(ring, keyFile, random);
    private final KeyHierarchy hierarchy = new KeyHierarchy(custody, random);
    private final OuterLayer outerLayer = new OuterLayer(random);
    private final InMemoryKeyStores stores = new InMemoryKeyStores();
    private final InMemoryErasures erasures = new InMemoryErasures();
    private final RecordSealing sealing = new RecordSealing(
            stores.recordKeys,
            stores.ownerKeys,
            erasures,
            hierarchy,
            outerLayer,
            new Pseudonyms(custody),
            Clock.systemUTC());
    private final OuterDecryption decryption =
            new OuterDecryption(stores.recordKeys, stores.ownerKeys, hierarchy, outerLayer);
    private final List<CommandProgress> progress = new ArrayList<>();
    private final MasterKeyRotation rotation =
            new MasterKeyRotation(custody, hierarchy, stores.ownerKeyVersions, 2, Clock.systemUTC());

    @Test
    void rewrapsEveryOwnerKekOfBothDomainsUnderTheAppendedVersionReportingProgress() {
        Map<Submission, byte[]> sealed = sealForOwners(5, 2);
        keyFile.append(2);
        String commandId = UUID.randomUUID().toString();

        CommandProgress last = rotation.rotate(commandId, progress::add);

        assertThat(last.state()).isEqualTo("DONE");
        assertThat(last.done()).isEqualTo(7);
        assertThat(last.total()).isEqualTo(7);
        assertThat(progress.get(0).state()).isEqualTo("RUNNING");
        assertThat(progress.get(0).total()).isEqualTo(7);
        assertThat(progress).filteredOn(p -> p.state().equals("RUNNING")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(progress).last().isEqualTo(last);
        assertThat(progress)
                .allMatch(p -> p.commandId().equals(commandId) && p.command().equals("ROTATE"));
        assertThat(allOwnerKeys()).hasSize(7).allMatch(key -> key.masterKeyVersion() == 2);
        sealed.forEach((record, c2) -> assertThat(open(record, c2)).isEqualTo(record.innerCiphertext()));
    }

    @Test
    void rotatesAgainWithoutChangingAnythingOnceEveryKekIsUnderTheNewest() {
        sealForOwners(3, 0);
        keyFile.append(2);
        rotation.rotate(progress::add);
        List<WrappedOwnerKey> after = allOwnerKeys();

        CommandProgress again = rotation.rotate(progress::add);

        assertThat(again.state()).isEqualTo("DONE");
        assertThat(again.done()).isZero();
        assertThat(allOwnerKeys()).containsExactlyInAnyOrderElementsOf(after);
    }

    @Test
    void finishesARotationInterruptedHalfwayWhenItIsRunAgain() {
        Map<Submission, byte[]> sealed = sealForOwners(4, 0);
        keyFile.append(2);
        MasterKeyRotation crashing = new MasterKeyRotation(
                custody, hierarchy, new CrashAfter(stores.ownerKeyVersions, 2), 10, Clock.systemUTC());

        CommandProgress failed = crashing.rotate(progress::add);
        CommandProgress rerun = rotation.rotate(progress::add);

        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.message()).isEqualTo("store went away");
        assertThat(rerun.state()).isEqualTo("DONE");
        assertThat(rerun.done()).isEqualTo(2);
        assertThat(allOwnerKeys()).allMatch(key -> key.masterKeyVersion() == 2);
        sealed.forEach((record, c2) -> assertThat(open(record, c2)).isEqualTo(record.innerCiphertext()));
    }

    @Test
    void rewrapsWhatAVersionStillWrapsBeforeRetiringIt() {
        Map<Submission, byte[]> sealed = sealForOwners(3, 0);
        keyFile.append(2);
        custody.rotate();

        CommandProgress retired = rotation.retire(1);

        assertThat(retired.state()).isEqualTo("DONE");
        assertThat(retired.done()).isEqualTo(3);
        assertThat(allOwnerKeys()).allMatch(key -> key.masterKeyVersion() == 2);
        assertThat(ring.hasVersion(1)).isFalse();
        assertThat(keyFile.content()).doesNotContain("v1=");
        sealed.forEach((record, c2) -> assertThat(open(record, c2)).isEqualTo(record.innerCiphertext()));
    }

    @Test
    void refusesToRetireWhileTheKeyFileHoldsNoNewerVersion() {
        sealForOwners(1, 0);

        CommandProgress refused = rotation.retire(1);

        assertThat(refused.state()).isEqualTo("FAILED");
        assertThat(ring.hasVersion(1)).isTrue();
        assertThat(keyFile.content()).contains("v1=");
    }

    @Test
    void rotatesThePseudonymKeySoNewEntriesUseItAndOldPseudonymsStillMatch() {
        Pseudonyms pseudonyms = new Pseudonyms(custody);
        byte[] before = pseudonyms.of(RecordDomain.PATIENT, "patient-1");
        keyFile.appendPseudonym(2);

        CommandProgress rotated = rotation.rotatePseudonym(UUID.randomUUID().toString());

        assertThat(rotated.state()).isEqualTo("DONE");
        assertThat(rotated.message()).contains("pseudonym key v2");
        byte[] after = pseudonyms.of(RecordDomain.PATIENT, "patient-1");
        assertThat(after).isNotEqualTo(before);
        assertThat(pseudonyms.matches(RecordDomain.PATIENT, "patient-1", before))
                .isTrue();
        assertThat(pseudonyms.matches(RecordDomain.PATIENT, "patient-1", after)).isTrue();
        assertThat(pseudonyms.matches(RecordDomain.PATIENT, "patient-2", before))
                .isFalse();
        assertThat(rotation.rotatePseudonym(UUID.randomUUID().toString()).message())
                .contains("append pseudonym.v3=");
    }

    @Test
    void refusesToRetireTheNewestVersion() {
        CommandProgress refused = rotation.retire(1);

        assertThat(refused.state()).isEqualTo("FAILED");
        assertThat(refused.message()).startsWith("master key v1 is not older than the newest version v1");
    }

    @Test
    void retiresAVersionSoThatAKekWrappedUnderItBeforeTheRotationCannotBeUnwrapped() {
        Map<Submission, byte[]> sealed = sealForOwners(2, 1);
        List<WrappedOwnerKey> backup = allOwnerKeys();
        keyFile.append(2);
        rotation.rotate(progress::add);

        CommandProgress retired = rotation.retire(1);

        assertThat(retired.state()).isEqualTo("DONE");
        assertThat(ring.versions()).containsExactly(2);
        assertThat(keyFile.content()).doesNotContain("v1=").contains("v2=").contains("pseudonym=");
        for (WrappedOwnerKey underV1 : backup) {
            RecordDomain domain = stores.owners.get(RecordDomain.PATIENT).containsKey(underV1.ownerId())
                    ? RecordDomain.PATIENT
                    : RecordDomain.PRACTITIONER;
            assertThatThrownBy(() -> hierarchy.unwrapOwnerKey(domain, underV1))
                    .isInstanceOf(MasterKeyRingException.class)
                    .hasMessageContaining("v1");
        }
        sealed.forEach((record, c2) -> assertThat(open(record, c2)).isEqualTo(record.innerCiphertext()));
        assertThat(rotation.retire(1).state()).isEqualTo("DONE");
    }

    private Map<Submission, byte[]> sealForOwners(int patients, int practitioners) {
        Map<Submission, byte[]> sealed = new LinkedHashMap<>();
        List<Submission> batch = new ArrayList<>();
        for (int i = 0; i < patients; i++) {
            batch.add(Submissions.of(RecordDomain.PATIENT, "patient-" + i));
        }
        for (int i = 0; i < practitioners; i++) {
            batch.add(Submissions.of(RecordDomain.PRACTITIONER, "doctor-" + i));
        }
        List<SealOutcome> outcomes = sealing.seal(batch);
        for (int i = 0; i < batch.size(); i++) {
            sealed.put(
                    batch.get(i),
                    ((SealOutcome.Sealed) outcomes.get(i)).record().outerCiphertext());
        }
        return sealed;
    }

    private byte[] open(Submission record, byte[] c2) {
        return decryption.removeOuterLayer(VaultDomains.toContract(record.domain()), record.recordId(), c2);
    }

    private List<WrappedOwnerKey> allOwnerKeys() {
        List<WrappedOwnerKey> all =
                new ArrayList<>(stores.owners.get(RecordDomain.PATIENT).values());
        all.addAll(stores.owners.get(RecordDomain.PRACTITIONER).values());
        return all;
    }

    /** Owner key versions whose store fails after {@code limit} re-wraps, as a crash or outage would. */
    private static final class CrashAfter implements OwnerKeyVersions {
        private final OwnerKeyVersions delegate;
        private int left;

        CrashAfter(OwnerKeyVersions delegate, int limit) {
            this.delegate = delegate;
            this.left = limit;
        }

        @Override
        public List<WrappedOwnerKey> wrappedBefore(RecordDomain domain, int version, String after, int limit) {
            return delegate.wrappedBefore(domain, version, after, limit);
        }

        @Override
        public long countWrappedBefore(RecordDomain domain, int version) {
            return delegate.countWrappedBefore(domain, version);
        }

        @Override
        public long countWrappedUnder(RecordDomain domain, int version) {
            return delegate.countWrappedUnder(domain, version);
        }

        @Override
        public boolean replace(RecordDomain domain, WrappedOwnerKey stored, WrappedOwnerKey rewrapped) {
            if (left-- == 0) {
                throw new IllegalStateException("store went away");
            }
            return delegate.replace(domain, stored, rewrapped);
        }
    }
}

package org.hrm.keyvault.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyHierarchyTest {
    private final SecureRandom random = new SecureRandom();
    private final String content = MasterKeyRing.generateKeyFileContent().replace("\n", ";");
    private final MasterKeyRing ring = MasterKeyRing.parse(content);
    private final KeyHierarchy hierarchy = new KeyHierarchy(TestRings.custody(ring), random);
    private final byte[] k2 = new OuterLayer(random).newRecordKey("record-1");

    @Test
    void unwrapsAnOwnerKekWrappedUnderTheNewestMasterKey() {
        byte[] kek = hierarchy.newOwnerKey();

        WrappedOwnerKey wrapped = hierarchy.wrapOwnerKey(RecordDomain.PATIENT, "owner-1", kek, Instant.now());

        assertThat(wrapped.masterKeyVersion()).isEqualTo(1);
        assertThat(wrapped.wrappedKek()).isNotEqualTo(kek).hasSize(12 + 32 + 16);
        assertThat(hierarchy.unwrapOwnerKey(RecordDomain.PATIENT, wrapped)).isEqualTo(kek);
    }

    @Test
    void refusesAnOwnerKekMovedToAnotherOwnerOrDomain() {
        WrappedOwnerKey wrapped =
                hierarchy.wrapOwnerKey(RecordDomain.PATIENT, "owner-1", hierarchy.newOwnerKey(), Instant.now());
        WrappedOwnerKey moved = new WrappedOwnerKey(
                "owner-2", wrapped.kekId(), wrapped.wrappedKek(), wrapped.masterKeyVersion(), wrapped.createdAt());

        assertThatThrownBy(() -> hierarchy.unwrapOwnerKey(RecordDomain.PATIENT, moved))
                .isInstanceOf(CiphertextRejectedException.class);
        assertThatThrownBy(() -> hierarchy.unwrapOwnerKey(RecordDomain.PRACTITIONER, wrapped))
                .isInstanceOf(CiphertextRejectedException.class);
    }

    @Test
    void unwrapsKeksOfAnOlderMasterVersionAndWrapsNewOnesUnderTheNewest() {
        byte[] kek = hierarchy.newOwnerKey();
        WrappedOwnerKey underV1 = hierarchy.wrapOwnerKey(RecordDomain.PATIENT, "owner-1", kek, Instant.now());
        ring.adopt(MasterKeyRing.parse(content + ";v2=" + base64(randomKey())));
        KeyHierarchy afterRotation = new KeyHierarchy(TestRings.custody(ring), random);

        WrappedOwnerKey underV2 = afterRotation.wrapOwnerKey(RecordDomain.PATIENT, "owner-2", kek, Instant.now());

        assertThat(underV2.masterKeyVersion()).isEqualTo(2);
        assertThat(afterRotation.unwrapOwnerKey(RecordDomain.PATIENT, underV1)).isEqualTo(kek);
        assertThat(afterRotation.unwrapOwnerKey(RecordDomain.PATIENT, underV2)).isEqualTo(kek);
    }

    @Test
    void namesAMissingMasterVersionWhenUnwrapping() {
        WrappedOwnerKey wrapped = new WrappedOwnerKey("owner-1", "kek-1", new byte[60], 7, Instant.now());

        assertThatThrownBy(() -> hierarchy.unwrapOwnerKey(RecordDomain.PATIENT, wrapped))
                .isInstanceOf(MasterKeyRingException.class)
                .hasMessageContaining("v7");
    }

    @Test
    void unwrapsK2UnderTheOwnersKek() {
        byte[] kek = hierarchy.newOwnerKey();

        byte[] wrapped = hierarchy.wrapRecordKey(kek, RecordDomain.PATIENT, "owner-1", "record-1", k2);

        assertThat(hierarchy.unwrapRecordKey(kek, RecordDomain.PATIENT, "owner-1", "record-1", wrapped))
                .isEqualTo(k2);
    }

    @Test
    void refusesAK2MovedToAnotherRecordOwnerDomainOrKek() {
        byte[] kek = hierarchy.newOwnerKey();
        byte[] wrapped = hierarchy.wrapRecordKey(kek, RecordDomain.PATIENT, "owner-1", "record-1", k2);

        assertThatThrownBy(() -> hierarchy.unwrapRecordKey(kek, RecordDomain.PATIENT, "owner-1", "record-2", wrapped))
                .isInstanceOf(CiphertextRejectedException.class)
                .hasMessageContaining("record-2");
        assertThatThrownBy(() -> hierarchy.unwrapRecordKey(kek, RecordDomain.PATIENT, "owner-2", "record-1", wrapped))
                .isInstanceOf(CiphertextRejectedException.class);
        assertThatThrownBy(
                        () -> hierarchy.unwrapRecordKey(kek, RecordDomain.PRACTITIONER, "owner-1", "record-1", wrapped))
                .isInstanceOf(CiphertextRejectedException.class);
        assertThatThrownBy(() -> hierarchy.unwrapRecordKey(
                        hierarchy.newOwnerKey(), RecordDomain.PATIENT, "owner-1", "record-1", wrapped))
                .isInstanceOf(CiphertextRejectedException.class);
    }

    private byte[] randomKey() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}

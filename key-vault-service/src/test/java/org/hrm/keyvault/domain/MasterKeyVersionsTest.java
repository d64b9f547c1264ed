package org.hrm.keyvault.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MasterKeyVersionsTest {
    private final SecureRandom random = new SecureRandom();
    private final String v1 = "v1=" + key();
    private final String pseudonym = "pseudonym=" + key();
    private final String v2 = "v2=" + key();

    @Test
    void adoptsAVersionAppendedToTheKeyFileAndWrapsNewKeysUnderIt() {
        MasterKeyRing ring = MasterKeyRing.parse(v1 + "\n" + pseudonym);

        int added = ring.adopt(MasterKeyRing.parse(v1 + "\n" + pseudonym + "\n" + v2));

        assertThat(added).isEqualTo(1);
        assertThat(ring.currentVersion()).isEqualTo(2);
        assertThat(ring.versions()).containsExactly(1, 2);
        assertThat(ring.adopt(MasterKeyRing.parse(v1 + "\n" + pseudonym + "\n" + v2)))
                .isZero();
    }

    @Test
    void refusesAKeyFileWhoseExistingVersionOrPseudonymKeyChanged() {
        MasterKeyRing ring = MasterKeyRing.parse(v1 + "\n" + pseudonym);

        assertThatThrownBy(() -> ring.adopt(MasterKeyRing.parse("v1=" + key() + "\n" + pseudonym)))
                .isInstanceOf(MasterKeyRingException.class)
                .hasMessageContaining("v1 in the key file differs");
        assertThatThrownBy(() -> ring.adopt(MasterKeyRing.parse(v1 + "\npseudonym=" + key())))
                .hasMessageContaining("pseudonym key");
        assertThat(ring.currentVersion()).isEqualTo(1);
    }

    @Test
    void retiresAnOldVersionSoWhatItWrappedUnwrapsNoMore() {
        MasterKeyRing ring = MasterKeyRing.parse(v1 + "\n" + pseudonym);
        KeyHierarchy hierarchy = new KeyHierarchy(TestRings.custody(ring), random);
        WrappedOwnerKey underV1 =
                hierarchy.wrapOwnerKey(RecordDomain.PATIENT, "owner-1", hierarchy.newOwnerKey(), Instant.now());
        ring.adopt(MasterKeyRing.parse(v1 + "\n" + pseudonym + "\n" + v2));

        ring.retire(1);

        assertThat(ring.versions()).containsExactly(2);
        assertThatThrownBy(() -> hierarchy.unwrapOwnerKey(RecordDomain.PATIENT, underV1))
                .isInstanceOf(MasterKeyRingException.class)
                .hasMessageContaining("v1");
    }

    @Test
    void neverRetiresTheNewestVersion() {
        MasterKeyRing ring = MasterKeyRing.parse(v1 + "\n" + pseudonym);

        assertThatThrownBy(() -> ring.retire(1)).hasMessageContaining("newest");
        assertThat(ring.hasVersion(1)).isTrue();
    }

    @Test
    void reloadsTheKeyFileOnceWhenAStoredKeyNamesAVersionItLacks() {
        MasterKeyRing elsewhere = MasterKeyRing.parse(v1 + "\n" + pseudonym + "\n" + v2);
        WrappedOwnerKey underV2 = new KeyHierarchy(TestRings.custody(elsewhere), random)
                .wrapOwnerKey(RecordDomain.PATIENT, "owner-1", new byte[32], Instant.now());
        MasterKeyRing ring = MasterKeyRing.parse(v1 + "\n" + pseudonym);

        ring.reloadFrom(() -> MasterKeyRing.parse(v1 + "\n" + pseudonym + "\n" + v2));

        assertThat(new KeyHierarchy(TestRings.custody(ring), random).unwrapOwnerKey(RecordDomain.PATIENT, underV2))
                .isEqualTo(new byte[32]);
        assertThat(ring.currentVersion()).isEqualTo(2);
    }

    @Test
    void wrapsANewKekUnderTheNewestVersionOfTheKeyFileThoughThisInstanceNeverRotated() {
        MasterKeyRing ring = MasterKeyRing.parse(v1 + "\n" + pseudonym);
        ring.reloadFrom(() -> MasterKeyRing.parse(v1 + "\n" + pseudonym + "\n" + v2));

        WrappedOwnerKey wrapped = new KeyHierarchy(TestRings.custody(ring), random)
                .wrapOwnerKey(RecordDomain.PATIENT, "owner-1", new byte[32], Instant.now());

        assertThat(wrapped.masterKeyVersion()).isEqualTo(2);
    }

    @Test
    void rewritesKeyFileContentWithoutOneVersionAndNothingElse() {
        String content = "# vault keys\n" + v1 + "\n" + pseudonym + "\n" + v2 + "\n";

        String rewritten = KeyFileEdit.withoutVersion(content, 1);

        assertThat(rewritten).isEqualTo("# vault keys\n" + pseudonym + "\n" + v2 + "\n");
        assertThat(KeyFileEdit.withoutVersion(v1 + ";" + v2 + ";" + pseudonym, 1))
                .isEqualTo(v2 + ";" + pseudonym);
        assertThat(KeyFileEdit.withoutVersion(content, 7)).isEqualTo(content);
        assertThat(KeyFileEdit.withoutVersion("v11=" + key() + "\n" + v1, 1)).startsWith("v11=");
    }

    private String key() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}

package org.hrm.keyvault.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.hrm.keyvault.domain.MasterKeyRingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class MasterKeySourceTest {
    @TempDir
    Path directory;

    @Test
    void readsTheKeyFileNamedByTheProperty() throws Exception {
        Path keyFile = Files.writeString(directory.resolve("master.keys"), MasterKeyRing.generateKeyFileContent());

        MasterKeyRing ring = MasterKeySource.load(keyFile, new MockEnvironment());

        assertThat(ring.currentVersion()).isEqualTo(1);
    }

    @Test
    void readsTheEnvironmentVariableWhenNoFileIsSet() {
        String entries = MasterKeyRing.generateKeyFileContent().replace("\n", ";");
        MockEnvironment environment = new MockEnvironment().withProperty("HRM_VAULT_MASTER_KEYS", entries);

        MasterKeyRing ring = MasterKeySource.load(null, environment);

        assertThat(ring.currentVersion()).isEqualTo(1);
    }

    @Test
    void failsFastNamingBothSourcesWhenThereIsNoKey() {
        assertThatThrownBy(() -> MasterKeySource.load(null, new MockEnvironment()))
                .isInstanceOf(MasterKeyRingException.class)
                .hasMessageContaining("hrm.vault.master-key-file")
                .hasMessageContaining("HRM_VAULT_MASTER_KEYS");
    }

    @Test
    void failsFastWhenTheKeyFileIsMissing() {
        Path missing = directory.resolve("absent.keys");

        assertThatThrownBy(() -> MasterKeySource.load(missing, new MockEnvironment()))
                .isInstanceOf(MasterKeyRingException.class)
                .hasMessageContaining(missing + " does not exist");
    }

    @Test
    void failsFastNamingTheFileWhenItIsMalformed() throws Exception {
        Path keyFile = Files.writeString(directory.resolve("bad.keys"), "v1=tooShort\n");

        assertThatThrownBy(() -> MasterKeySource.load(keyFile, new MockEnvironment()))
                .isInstanceOf(MasterKeyRingException.class)
                .hasMessageStartingWith("master key file " + keyFile + ", entry 1 (v1)");
    }
}

package org.hrm.keyvault.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.hrm.keyvault.domain.MasterKeyRingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class StoredMasterKeysTest {
    @TempDir
    Path directory;

    @Test
    void rewritesTheKeyFileWithoutTheRetiredVersionReadableByItsOwnerOnly() throws Exception {
        String v2 = "v2=" + key();
        Path file = Files.writeString(directory.resolve("master.keys"), MasterKeyRing.generateKeyFileContent() + v2);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        StoredMasterKeys storage = new StoredMasterKeys(file, new MockEnvironment());

        storage.removeVersion(1);

        assertThat(Files.readString(file)).doesNotContain("v1=").contains(v2).contains("pseudonym=");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(storage.read().versions()).containsExactly(2);
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void leavesTheFileAsItIsWhenTheVersionIsAlreadyGone() throws Exception {
        String content = MasterKeyRing.generateKeyFileContent();
        Path file = Files.writeString(directory.resolve("master.keys"), content);

        new StoredMasterKeys(file, new MockEnvironment()).removeVersion(7);

        assertThat(Files.readString(file)).isEqualTo(content);
    }

    @Test
    void neverRewritesTheFileIntoOneTheVaultCouldNotStartWith() throws Exception {
        String content = MasterKeyRing.generateKeyFileContent();
        Path file = Files.writeString(directory.resolve("master.keys"), content);

        assertThatThrownBy(() -> new StoredMasterKeys(file, new MockEnvironment()).removeVersion(1))
                .isInstanceOf(MasterKeyRingException.class)
                .hasMessageContaining("no master key version");
        assertThat(Files.readString(file)).isEqualTo(content);
    }

    @Test
    void refusesToRetireFromTheEnvironmentVariableItCannotRewrite() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(
                        "HRM_VAULT_MASTER_KEYS",
                        MasterKeyRing.generateKeyFileContent().replace("\n", ";"));

        assertThatThrownBy(() -> new StoredMasterKeys(null, environment).removeVersion(1))
                .isInstanceOf(MasterKeyRingException.class)
                .hasMessageContaining("HRM_VAULT_MASTER_KEYS");
    }

    private static String key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}

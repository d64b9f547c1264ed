package org.hrm.keyvault.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MasterKeyRingTest {
    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString(filled(32, 7));

    @Test
    void parsesGeneratedKeyFileContent() {
        String content = MasterKeyRing.generateKeyFileContent();

        MasterKeyRing ring = MasterKeyRing.parse(content);

        assertThat(ring.currentVersion()).isEqualTo(1);
        assertThat(ring.versions()).containsExactly(1);
        assertThat(ring.pseudonymVersions()).containsExactly(1);
        assertThat(ring.pseudonym(1, new byte[0])).hasSize(32);
    }

    @Test
    void generatesDifferentKeysEveryTime() {
        String first = MasterKeyRing.generateKeyFileContent();

        String second = MasterKeyRing.generateKeyFileContent();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void usesTheHighestVersionForNewWrapsAndKeepsTheOthers() {
        String content = "# rotated\nv2=" + KEY_B + "\n\nv1=" + KEY_A + "\npseudonym=" + KEY_A + "\n";

        MasterKeyRing ring = MasterKeyRing.parse(content);

        assertThat(ring.currentVersion()).isEqualTo(2);
        assertThat(ring.hasVersion(1)).isTrue();
        assertThat(ring.unwrap(
                        2,
                        ring.wrap(2, new byte[32], new byte[0], new java.security.SecureRandom()),
                        new byte[0],
                        "no"))
                .isEqualTo(new byte[32]);
        assertThat(MasterKeyRing.parse("v1=" + KEY_B + ";pseudonym=" + KEY_A)
                        .unwrap(
                                1,
                                ring.wrap(2, new byte[32], new byte[0], new java.security.SecureRandom()),
                                new byte[0],
                                "no"))
                .isEqualTo(new byte[32]);
    }

    @Test
    void acceptsSemicolonSeparatedEntriesAsInTheEnvironmentVariable() {
        String content = "v1=" + KEY_A + ";pseudonym=" + KEY_B;

        MasterKeyRing ring = MasterKeyRing.parse(content, "HRM_VAULT_MASTER_KEYS");

        assertThat(ring.currentVersion()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "empty content                 || no master key version",
                "only comments                 |# nothing here| no master key version",
                "no pseudonym key              |v1=" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
                        + "| no pseudonym key",
                "no version                    |pseudonym=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=| no master key version",
                "not base64                    |v1=***not base64***| entry 1 (v1): not valid base64",
                "short key                     |v1=AAAA| entry 1 (v1): key must be 32 bytes, was 3",
                "no equals sign                |v1 AAAA| entry 1: expected name=<base64 of 32 bytes>",
                "unknown name                  |v0=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=| unknown name 'v0'",
                "duplicate version             |v1=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=;v1=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=| entry 2: duplicate version v1",
                "duplicate pseudonym           |pseudonym=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=;pseudonym=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=| entry 2: duplicate pseudonym key"
            })
    void failsWithAClearMessageOnAMalformedRing(String description, String content, String expected) {
        String input = content == null ? "" : content;

        assertThatThrownBy(() -> MasterKeyRing.parse(input, "test ring"))
                .isInstanceOf(MasterKeyRingException.class)
                .hasMessageStartingWith("test ring")
                .hasMessageContaining(expected.strip());
    }

    @Test
    void neverPutsKeyMaterialInAnErrorMessage() {
        String wrongLength = Base64.getEncoder().encodeToString(filled(31, 9));

        assertThatThrownBy(() -> MasterKeyRing.parse("v1=" + wrongLength)).hasMessageNotContaining(wrongLength);
        assertThat(MasterKeyRing.parse("v1=" + KEY_B + ";pseudonym=" + KEY_A).toString())
                .doesNotContain(KEY_A)
                .doesNotContain(KEY_B)
                .contains("current=v1");
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}

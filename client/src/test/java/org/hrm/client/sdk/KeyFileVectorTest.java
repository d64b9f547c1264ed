package org.hrm.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The key file of docs/wire-format/vectors/key-file.json: written byte for byte, read back, a mismatch refused. */
class KeyFileVectorTest {
    private static final Path VECTOR = Path.of("..", "docs", "wire-format", "vectors", "key-file.json");
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    @Test
    void savesExactlyTheVectorsFileAndLoadsItBack() throws IOException {
        JsonNode vector = JsonMapper.builder().build().readTree(Files.readString(VECTOR));
        JsonNode valid = vector.get("cases").get(0);
        JsonNode key = vector.get("keys").get(valid.get("inputs").get("key").asString());
        PartyKeys keys = PartyKeys.of(
                valid.get("inputs").get("partyId").asString(),
                HEX.parseHex(key.get("publicKey").asString()),
                HEX.parseHex(key.get("privateKey").asString()));
        Path file = dir.resolve("alice.json");

        PartyKeyFile.save(keys, file);

        assertThat(valid.get("expected").get("valid").asBoolean()).isTrue();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo(valid.get("expected").get("fileText").asString());
        PartyKeys loaded = PartyKeyFile.load(file);
        assertThat(loaded.partyId()).isEqualTo("patient-alice");
        assertThat(HEX.formatHex(loaded.publicKey()))
                .isEqualTo(key.get("publicKey").asString());
    }

    @Test
    void refusesTheVectorsFileWhosePublicKeyIsAnotherPartysWithoutQuotingIt() throws IOException {
        JsonNode mismatched = JsonMapper.builder()
                .build()
                .readTree(Files.readString(VECTOR))
                .get("cases")
                .get(1);
        Path file = dir.resolve("mismatched.json");
        Files.writeString(file, mismatched.get("expected").get("fileText").asString());

        assertThat(mismatched.get("expected").get("valid").asBoolean()).isFalse();
        assertThatThrownBy(() -> PartyKeyFile.load(file))
                .isInstanceOf(IOException.class)
                .hasMessageNotContaining("privateKey\":\"");
    }
}

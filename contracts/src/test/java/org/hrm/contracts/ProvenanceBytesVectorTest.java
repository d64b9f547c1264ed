package org.hrm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordSubmitted;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The provenance bytes of both envelope versions equal the conformance vectors of docs/wire-format/vectors. */
class ProvenanceBytesVectorTest {
    static final Path VECTORS = Path.of("..", "docs", "wire-format", "vectors");

    @ParameterizedTest
    @ValueSource(strings = {"record-v1.json", "record-v2.json"})
    void submittedRecordSignsTheVectorsBytes(String file) throws IOException {
        JsonNode vector = JsonMapper.builder().build().readTree(Files.readString(VECTORS.resolve(file)));

        RecordSubmitted record =
                submitted(vector, vector.get("inputs").get("authorId").asString());

        assertThat(HexFormat.of().formatHex(record.signedBytes()))
                .isEqualTo(vector.get("expected").get("provenanceSignedBytes").asString());
        assertThat(record.envelopeVersion())
                .isEqualTo(vector.get("inputs").get("envelopeVersion").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"record-v2.json"})
    void v2BytesNameTheAuthorSoAnotherAuthorIdChangesThem(String file) throws IOException {
        JsonNode vector = JsonMapper.builder().build().readTree(Files.readString(VECTORS.resolve(file)));

        RecordSubmitted reauthored = submitted(vector, "hospital-b");

        assertThat(HexFormat.of().formatHex(reauthored.signedBytes()))
                .isNotEqualTo(
                        vector.get("expected").get("provenanceSignedBytes").asString());
    }

    @ParameterizedTest
    @ValueSource(bytes = {0x00, 0x03, (byte) 0xff})
    void anUnknownEnvelopeVersionHasNoSignedBytes(byte version) {
        List<KeyShare> shares = List.of(new KeyShare("p", new byte[] {1}));

        assertThatThrownBy(() -> ProvenanceBytes.of(
                        "6f1c1a52-8b4e-4d7e-9c5b-2f0a3d9e7b11", Domain.PATIENT, "p", "a", new byte[] {version}, shares))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported envelope version");
    }

    private static RecordSubmitted submitted(JsonNode vector, String authorId) {
        JsonNode in = vector.get("inputs");
        JsonNode expected = vector.get("expected");
        List<KeyShare> shares = new ArrayList<>();
        expected.get("shares")
                .forEach(s -> shares.add(new KeyShare(
                        s.get("readerId").asString(),
                        HexFormat.of().parseHex(s.get("share").asString()))));
        return new RecordSubmitted(
                in.get("recordId").asString(),
                Domain.valueOf(in.get("domain").asString()),
                in.get("ownerId").asString(),
                authorId,
                HexFormat.of().parseHex(expected.get("C1").asString()),
                shares,
                HexFormat.of().parseHex(expected.get("authorSignature").asString()),
                Instant.EPOCH);
    }
}

package org.hrm.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrm.client.sdk.TestParties.hex;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PartyKeysTest {
    @TempDir
    Path directory;

    @Test
    void generatedKeysHaveTheSec1AndScalarSizes() {
        PartyKeys keys = PartyKeys.generate("patient-0001");

        assertThat(keys.publicKey()).hasSize(65).startsWith(0x04);
        assertThat(keys.privateKey()).hasSize(32);
    }

    @Test
    void keyFileRoundTrips() throws IOException {
        PartyKeys keys = PartyKeys.generate("patient-0001");
        Path file = directory.resolve("patient.json");

        PartyKeyFile.save(keys, file);
        PartyKeys loaded = PartyKeyFile.load(file);

        assertThat(loaded.partyId()).isEqualTo("patient-0001");
        assertThat(loaded.publicKey()).isEqualTo(keys.publicKey());
        assertThat(loaded.privateKey()).isEqualTo(keys.privateKey());
    }

    @Test
    void keyFileHasBase64FieldsAndOnlyTheOwnerMayReadIt() throws IOException {
        PartyKeys keys = PartyKeys.generate("patient-0001");
        Path file = directory.resolve("patient.json");

        PartyKeyFile.save(keys, file);

        JsonNode json = JsonMapper.builder().build().readTree(Files.readAllBytes(file));
        assertThat(json.get("partyId").asString()).isEqualTo("patient-0001");
        assertThat(Base64.getDecoder().decode(json.get("publicKey").asString())).isEqualTo(keys.publicKey());
        assertThat(Base64.getDecoder().decode(json.get("privateKey").asString()))
                .isEqualTo(keys.privateKey());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void loadingRejectsAPublicKeyThatDoesNotMatchWithoutQuotingTheFile() throws IOException {
        Path file = directory.resolve("mixed.json");
        Base64.Encoder base64 = Base64.getEncoder();
        Files.writeString(
                file,
                "{\"partyId\":\"p\",\"publicKey\":\""
                        + base64.encodeToString(TestParties.OWNER.publicKey()) + "\",\"privateKey\":\""
                        + base64.encodeToString(TestParties.AUTHOR.privateKey()) + "\"}");

        assertThatThrownBy(() -> PartyKeyFile.load(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("invalid party key file")
                .hasNoCause();
    }

    @Test
    void loadingRejectsMalformedJsonWithoutQuotingIt() throws IOException {
        Path file = directory.resolve("broken.json");
        Files.writeString(file, "{\"privateKey\": SECRETSECRET");

        assertThatThrownBy(() -> PartyKeyFile.load(file))
                .isInstanceOf(IOException.class)
                .hasNoCause()
                .message()
                .doesNotContain("SECRET");
    }

    @Test
    void publicKeyIsDerivedFromThePrivateScalar() {
        byte[] scalar = hex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");

        PartyKeys keys = PartyKeys.fromPrivateKey("rfc6979", scalar);

        // RFC 6979 A.2.5: Ux || Uy of this private key.
        assertThat(hex(keys.publicKey()))
                .isEqualTo("04" + "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
                        + "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299");
    }

    @Test
    void rejectsAScalarOutsideTheGroupOrder() {
        byte[] order = hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");

        assertThatThrownBy(() -> PartyKeys.fromPrivateKey("p", order))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("private key is out of range for P-256");
    }

    @Test
    void destroyedKeysRefuseToWork() {
        PartyKeys keys = PartyKeys.generate("patient-0001");

        keys.destroy();

        assertThat(keys.isDestroyed()).isTrue();
        assertThatThrownBy(keys::privateKey).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toStringNamesOnlyTheParty() {
        PartyKeys keys = PartyKeys.generate("patient-0001");

        assertThat(keys).hasToString("PartyKeys[patient-0001]");
    }
}

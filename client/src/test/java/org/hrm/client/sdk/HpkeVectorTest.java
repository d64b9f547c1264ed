package org.hrm.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.client.sdk.TestParties.hex;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite the key shares use, against RFC 9180's base-mode vector for DHKEM(P-256, HKDF-SHA256), HKDF-SHA256,
 * AES-256-GCM ({@code vectors/hpke-base-p256-sha256-aes256gcm.json}, the first 10 encryptions).
 */
class HpkeVectorTest {
    private static JsonNode vector;

    @BeforeAll
    static void loadVector() throws IOException {
        try (InputStream in =
                HpkeVectorTest.class.getResourceAsStream("/vectors/hpke-base-p256-sha256-aes256gcm.json")) {
            vector = JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void derivesTheRecipientAndEphemeralKeysFromTheirIkm() {
        HPKE hpke = KeyShares.hpke();

        AsymmetricCipherKeyPair recipient = hpke.deriveKeyPair(bytes("ikmR"));
        AsymmetricCipherKeyPair ephemeral = hpke.deriveKeyPair(bytes("ikmE"));

        assertThat(hex(hpke.serializePrivateKey(recipient.getPrivate()))).isEqualTo(text("skRm"));
        assertThat(hex(hpke.serializePublicKey(recipient.getPublic()))).isEqualTo(text("pkRm"));
        assertThat(hex(hpke.serializePrivateKey(ephemeral.getPrivate()))).isEqualTo(text("skEm"));
    }

    @Test
    void senderProducesTheEncapsulationAndAllTenCiphertexts() throws InvalidCipherTextException {
        HPKE hpke = KeyShares.hpke();
        AsymmetricCipherKeyPair recipient = hpke.deriveKeyPair(bytes("ikmR"));

        HPKEContextWithEncapsulation sender =
                hpke.setupBaseS(recipient.getPublic(), bytes("info"), hpke.deriveKeyPair(bytes("ikmE")));
        List<String> ciphertexts = new ArrayList<>();
        for (JsonNode encryption : vector.get("encryptions")) {
            ciphertexts.add(hex(sender.seal(
                    hex(encryption.get("aad").asString()),
                    hex(encryption.get("pt").asString()))));
        }

        assertThat(hex(sender.getEncapsulation())).isEqualTo(text("enc"));
        assertThat(ciphertexts).hasSize(10).isEqualTo(expected("ct"));
    }

    @Test
    void recipientOpensAllTenCiphertexts() throws InvalidCipherTextException {
        HPKE hpke = KeyShares.hpke();
        AsymmetricCipherKeyPair recipient = hpke.deriveKeyPair(bytes("ikmR"));

        HPKEContext receiver = hpke.setupBaseR(bytes("enc"), recipient, bytes("info"));
        List<String> plaintexts = new ArrayList<>();
        for (JsonNode encryption : vector.get("encryptions")) {
            plaintexts.add(hex(receiver.open(
                    hex(encryption.get("aad").asString()),
                    hex(encryption.get("ct").asString()))));
        }

        assertThat(plaintexts).hasSize(10).isEqualTo(expected("pt"));
    }

    @Test
    void singleShotOpenAsUsedForKeySharesOpensTheFirstCiphertext() throws InvalidCipherTextException {
        HPKE hpke = KeyShares.hpke();
        AsymmetricCipherKeyPair recipient = hpke.deriveKeyPair(bytes("ikmR"));
        JsonNode first = vector.get("encryptions").get(0);

        byte[] plaintext = hpke.open(
                bytes("enc"),
                recipient,
                bytes("info"),
                hex(first.get("aad").asString()),
                hex(first.get("ct").asString()),
                null,
                null,
                null);

        assertThat(hex(plaintext)).isEqualTo(first.get("pt").asString());
    }

    private static List<String> expected(String field) {
        List<String> values = new ArrayList<>();
        vector.get("encryptions")
                .forEach(encryption -> values.add(encryption.get(field).asString()));
        return values;
    }

    private static String text(String field) {
        return vector.get(field).asString();
    }

    private static byte[] bytes(String field) {
        return hex(text(field));
    }
}

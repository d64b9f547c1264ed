package org.hrm.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
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
 * The suite against RFC 9180's base-mode vector for DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-256-GCM
 * ({@code vectors/hpke-base-p256-sha256-aes256gcm.json}, the first 10 encryptions), then tampering.
 */
class HpkeTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] INFO = "hrm/hpke-test".getBytes(UTF_8);
    private static final byte[] AAD = "reader-1".getBytes(UTF_8);
    private static final byte[] PLAINTEXT = "thirty-two bytes of a record key".getBytes(UTF_8);
    private static JsonNode vector;

    @BeforeAll
    static void loadVector() throws IOException {
        try (InputStream in = HpkeTest.class.getResourceAsStream("/vectors/hpke-base-p256-sha256-aes256gcm.json")) {
            vector = JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void derivesTheRecipientKeyFromItsIkm() {
        P256KeyPair recipient = Hpke.deriveKeyPair(bytes("ikmR"));

        assertThat(HEX.formatHex(recipient.privateKey())).isEqualTo(text("skRm"));
        assertThat(HEX.formatHex(recipient.publicKey())).isEqualTo(text("pkRm"));
        assertThat(HEX.formatHex(Hpke.deriveKeyPair(bytes("ikmE")).privateKey()))
                .isEqualTo(text("skEm"));
    }

    @Test
    void sealDrawsTheEphemeralIkmFromTheRandomnessAndMakesTheVectorsFirstCiphertext() {
        JsonNode first = vector.get("encryptions").get(0);

        byte[] sealed = Hpke.seal(
                bytes("pkRm"),
                bytes("info"),
                hex(first.get("aad")),
                hex(first.get("pt")),
                new FixedRandom(bytes("ikmE")));

        assertThat(HEX.formatHex(sealed))
                .isEqualTo(text("enc") + first.get("ct").asString());
        assertThat(Hpke.open(Hpke.deriveKeyPair(bytes("ikmR")), bytes("info"), hex(first.get("aad")), sealed))
                .isEqualTo(hex(first.get("pt")));
    }

    @Test
    void theSuiteProducesAndOpensAllTenCiphertextsOfTheVector() throws InvalidCipherTextException {
        HPKE hpke = new HPKE(HPKE.mode_base, HPKE.kem_P256_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
        AsymmetricCipherKeyPair recipient = hpke.deriveKeyPair(bytes("ikmR"));
        HPKEContextWithEncapsulation sender =
                hpke.setupBaseS(recipient.getPublic(), bytes("info"), hpke.deriveKeyPair(bytes("ikmE")));
        HPKEContext receiver = hpke.setupBaseR(bytes("enc"), recipient, bytes("info"));
        List<String> ciphertexts = new ArrayList<>();
        List<String> plaintexts = new ArrayList<>();
        for (JsonNode encryption : vector.get("encryptions")) {
            ciphertexts.add(HEX.formatHex(sender.seal(hex(encryption.get("aad")), hex(encryption.get("pt")))));
            plaintexts.add(HEX.formatHex(receiver.open(hex(encryption.get("aad")), hex(encryption.get("ct")))));
        }

        assertThat(HEX.formatHex(sender.getEncapsulation())).isEqualTo(text("enc"));
        assertThat(ciphertexts).hasSize(10).isEqualTo(expected("ct"));
        assertThat(plaintexts).hasSize(10).isEqualTo(expected("pt"));
    }

    @Test
    void sealedBytesAreEncThenCiphertextThenTagAndOpenOnlyForTheirRecipient() {
        P256KeyPair recipient = P256KeyPair.generate();

        byte[] sealed = Hpke.seal(recipient.publicKey(), INFO, AAD, PLAINTEXT, new SecureRandom());

        assertThat(sealed).hasSize(Hpke.ENC_BYTES + PLAINTEXT.length + Hpke.TAG_BYTES);
        assertThat(P256.isPublicKey(Arrays.copyOf(sealed, Hpke.ENC_BYTES))).isTrue();
        assertThat(Hpke.open(recipient, INFO, AAD, sealed)).isEqualTo(PLAINTEXT);
    }

    @Test
    void anyAlterationWrongKeyWrongInfoOrAadFailsWithTheSameException() {
        P256KeyPair recipient = P256KeyPair.generate();
        byte[] sealed = Hpke.seal(recipient.publicKey(), INFO, AAD, PLAINTEXT, new SecureRandom());
        List<byte[]> altered = new ArrayList<>();
        for (int at : new int[] {0, 1, 40, 64, 65, 80, sealed.length - 17, sealed.length - 1}) {
            byte[] flipped = sealed.clone();
            flipped[at] ^= 1;
            altered.add(flipped);
        }
        byte[] encOffCurve = sealed.clone();
        encOffCurve[64] ^= 0x55;
        altered.add(encOffCurve);
        altered.add(Arrays.copyOf(sealed, sealed.length - 1));
        altered.add(Arrays.copyOf(sealed, Hpke.ENC_BYTES + Hpke.TAG_BYTES - 1));
        altered.add(Arrays.copyOf(sealed, sealed.length + 1));
        altered.add(new byte[0]);
        altered.add(null);

        for (byte[] bad : altered) {
            assertThatThrownBy(() -> Hpke.open(recipient, INFO, AAD, bad))
                    .isInstanceOf(HpkeOpenException.class)
                    .hasMessage("HPKE data does not open");
        }
        assertThatThrownBy(() -> Hpke.open(P256KeyPair.generate(), INFO, AAD, sealed))
                .isInstanceOf(HpkeOpenException.class);
        assertThatThrownBy(() -> Hpke.open(recipient, "hrm/other".getBytes(UTF_8), AAD, sealed))
                .isInstanceOf(HpkeOpenException.class);
        assertThatThrownBy(() -> Hpke.open(recipient, INFO, "reader-2".getBytes(UTF_8), sealed))
                .isInstanceOf(HpkeOpenException.class);
        assertThat(Hpke.open(recipient, INFO, AAD, sealed)).isEqualTo(PLAINTEXT);
    }

    @Test
    void refusesToSealToAnythingButAP256Point() {
        byte[] offCurve = P256KeyPair.generate().publicKey();
        offCurve[64] ^= 1;

        assertThatThrownBy(() -> Hpke.seal(offCurve, INFO, AAD, PLAINTEXT, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hpke.seal(new byte[65], INFO, AAD, PLAINTEXT, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
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
        return HEX.parseHex(text(field));
    }

    private static byte[] hex(JsonNode node) {
        return HEX.parseHex(node.asString());
    }
}

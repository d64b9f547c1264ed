package org.hrm.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HPKE open around an external Diffie-Hellman step (what an HSM-held key does): every intermediate value of RFC
 * 9180's base-mode vector for DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, then BouncyCastle's seal output.
 */
class HpkeDecapsulationTest {
    private static final HexFormat HEX = HexFormat.of();
    private static JsonNode vector;

    @BeforeAll
    static void loadVector() throws IOException {
        try (InputStream in =
                HpkeDecapsulationTest.class.getResourceAsStream("/vectors/hpke-base-p256-sha256-aes256gcm.json")) {
            vector = JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void decapsulationAndKeyScheduleGiveTheVectorsSharedSecretKeyAndNonce() {
        P256KeyPair recipient = P256KeyPair.fromPrivateKey(bytes("skRm"));

        byte[] dh = agreementOf(recipient).sharedSecret(bytes("enc"));
        byte[] sharedSecret = HpkeDecapsulation.sharedSecret(dh, bytes("enc"), bytes("pkRm"));
        HpkeDecapsulation.Context context = HpkeDecapsulation.keySchedule(sharedSecret, bytes("info"));

        assertThat(HEX.formatHex(sharedSecret)).isEqualTo(text("shared_secret"));
        assertThat(HEX.formatHex(HpkeDecapsulation.keyScheduleContext(bytes("info"))))
                .isEqualTo(text("key_schedule_context"));
        assertThat(HEX.formatHex(context.key())).isEqualTo(text("key"));
        assertThat(HEX.formatHex(context.baseNonce())).isEqualTo(text("base_nonce"));
    }

    @Test
    void opensTheVectorsFirstCiphertextAskingTheKeyHolderOnlyForTheSharedSecret() {
        P256KeyPair recipient = P256KeyPair.fromPrivateKey(bytes("skRm"));
        JsonNode first = vector.get("encryptions").get(0);
        byte[] sealed = HEX.parseHex(text("enc") + first.get("ct").asString());
        AtomicInteger asked = new AtomicInteger();
        P256KeyAgreement counting = peer -> {
            asked.incrementAndGet();
            return agreementOf(recipient).sharedSecret(peer);
        };

        byte[] opened = Hpke.open(counting, bytes("pkRm"), bytes("info"), hex(first.get("aad")), sealed);

        assertThat(opened).isEqualTo(hex(first.get("pt")));
        assertThat(asked).hasValue(1);
    }

    @Test
    void opensWhatBouncyCastleSealsAndRefusesAlterationsWithTheSameException() {
        P256KeyPair recipient = P256KeyPair.generate();
        byte[] info = "hrm/share/v2 record".getBytes(UTF_8);
        byte[] aad = "hospital-a".getBytes(UTF_8);
        byte[] payload = "K1 and the salt, sixty-four bytes of them, as a v2 share carries".getBytes(UTF_8);
        byte[] sealed = Hpke.seal(recipient.publicKey(), info, aad, payload, new SecureRandom());
        P256KeyAgreement agreement = agreementOf(recipient);

        assertThat(Hpke.open(agreement, recipient.publicKey(), info, aad, sealed))
                .isEqualTo(payload);

        byte[] flipped = sealed.clone();
        flipped[sealed.length - 1] ^= 1;
        byte[] badPoint = sealed.clone();
        badPoint[10] ^= 1;
        byte[] otherKey = P256KeyPair.generate().publicKey();
        assertThatThrownBy(() -> Hpke.open(agreement, recipient.publicKey(), info, aad, flipped))
                .isInstanceOf(HpkeOpenException.class);
        assertThatThrownBy(() -> Hpke.open(agreement, recipient.publicKey(), info, aad, badPoint))
                .isInstanceOf(HpkeOpenException.class);
        assertThatThrownBy(() -> Hpke.open(agreement, recipient.publicKey(), "other".getBytes(UTF_8), aad, sealed))
                .isInstanceOf(HpkeOpenException.class);
        assertThatThrownBy(() -> Hpke.open(agreement, otherKey, info, aad, sealed))
                .as("the KEM context binds the recipient's public key")
                .isInstanceOf(HpkeOpenException.class);
        assertThatThrownBy(() -> Hpke.open(
                        peer -> {
                            throw new IllegalStateException("token logged out");
                        },
                        recipient.publicKey(),
                        info,
                        aad,
                        sealed))
                .isInstanceOf(HpkeOpenException.class);
    }

    @Test
    void lowSTurnsAHighSSignatureIntoTheOneEcdsaSignMakes() {
        P256KeyPair key = P256KeyPair.generate();
        byte[] message = "grant".getBytes(UTF_8);
        byte[] low = key.sign(message);
        byte[] high = low.clone();
        byte[] s = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(
                32, P256.N.subtract(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(low, 32, 64))));
        System.arraycopy(s, 0, high, 32, 32);

        assertThat(Ecdsa.verify(key.publicKey(), message, high)).isTrue();
        assertThat(Ecdsa.lowS(high)).isEqualTo(low);
        assertThat(Ecdsa.lowS(low)).isEqualTo(low);
    }

    private static String text(String field) {
        return vector.get(field).asString();
    }

    private static byte[] bytes(String field) {
        return hex(vector.get(field));
    }

    private static byte[] hex(JsonNode node) {
        return HEX.parseHex(node.asString());
    }

    private static P256KeyAgreement agreementOf(P256KeyPair recipient) {
        return peer -> {
            ECDHBasicAgreement agreement = new ECDHBasicAgreement();
            agreement.init(recipient.privateParameters());
            return P256.encodeScalar(agreement.calculateAgreement(P256.publicParameters(peer)));
        };
    }
}

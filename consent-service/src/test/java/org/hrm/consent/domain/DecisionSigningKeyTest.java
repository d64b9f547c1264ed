package org.hrm.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hrm.consent.TestKeys;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class DecisionSigningKeyTest {
    private static final byte[] DATA = "decision".getBytes(StandardCharsets.UTF_8);

    @RepeatedTest(16)
    void derivesTheSamePublicKeyAsTheJdkKeyPairFromTheKeyFile() {
        TestKeys keys = TestKeys.generate();

        DecisionSigningKey key = DecisionSigningKey.parse(keys.privateKeyFileContent(), "test");

        assertThat(key.publicKey()).isEqualTo(keys.publicKey());
        assertThat(DecisionSigningKey.publicKeyBase64(keys.privateKeyFileContent()))
                .isEqualTo(Base64.getEncoder().encodeToString(keys.publicKey()));
    }

    @Test
    void signsWhatThePublishedPublicKeyVerifies() {
        String content = DecisionSigningKey.generateKeyFileContent();
        byte[] published = Base64.getDecoder().decode(DecisionSigningKey.publicKeyBase64(content));

        byte[] signature = DecisionSigningKey.parse(content, "test").sign(DATA);

        assertThat(signature).hasSize(64);
        assertThat(published).hasSize(65);
        assertThat(TestKeys.verify(published, DATA, signature)).isTrue();
    }

    @Test
    void generatesADifferentKeyEachTime() {
        assertThat(DecisionSigningKey.generateKeyFileContent())
                .isNotEqualTo(DecisionSigningKey.generateKeyFileContent())
                .startsWith("#");
    }

    @Test
    void refusesMalformedKeyFilesWithoutQuotingThem() {
        String secretLooking = Base64.getEncoder().encodeToString(new byte[31]);

        assertThatThrownBy(() -> DecisionSigningKey.parse("", "file k"))
                .isInstanceOf(SigningKeyException.class)
                .hasMessageStartingWith("file k: empty");
        assertThatThrownBy(() -> DecisionSigningKey.parse("not base64!", "file k"))
                .hasMessage("file k: not valid base64");
        assertThatThrownBy(() -> DecisionSigningKey.parse(secretLooking, "file k"))
                .hasMessage("file k: key must be 32 bytes, was 31")
                .message()
                .doesNotContain(secretLooking);
        assertThatThrownBy(() -> DecisionSigningKey.parse(Base64.getEncoder().encodeToString(new byte[32]), "file k"))
                .hasMessage("file k: private key is out of range for P-256");
    }

    @Test
    void neverShowsTheKeyInItsStringForm() {
        String content = DecisionSigningKey.generateKeyFileContent();

        assertThat(DecisionSigningKey.parse(content, "test").toString()).isEqualTo("DecisionSigningKey[P-256]");
    }
}

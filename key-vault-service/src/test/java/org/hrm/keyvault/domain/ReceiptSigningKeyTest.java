package org.hrm.keyvault.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ReceiptSigningKeyTest {
    private static final byte[] MESSAGE = "hrm/erasure-receipt/v1 ...".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsSoThatThePublishedPublicKeyVerifies() {
        String content = ReceiptSigningKey.generateReceiptKeyFileContent();
        ReceiptSigningKey key = ReceiptSigningKey.parse(content, "test");

        byte[] signature = key.sign(MESSAGE);

        String published = ReceiptSigningKey.receiptPublicKeyBase64(content);
        assertThat(signature).hasSize(64);
        assertThat(Base64.getDecoder().decode(published)).hasSize(65).startsWith(0x04);
        assertThat(ReceiptSigningKey.verifies(published, MESSAGE, signature)).isTrue();
        assertThat(ConsentKey.fromBase64(published).verifies(MESSAGE, signature))
                .isTrue();
    }

    @Test
    void failsVerificationForAnyChangeOrAnotherKey() {
        String content = ReceiptSigningKey.generateReceiptKeyFileContent();
        byte[] signature = ReceiptSigningKey.parse(content, "test").sign(MESSAGE);
        String published = ReceiptSigningKey.receiptPublicKeyBase64(content);
        byte[] changed = MESSAGE.clone();
        changed[3] ^= 1;
        byte[] forged = signature.clone();
        forged[10] ^= 1;

        String other = ReceiptSigningKey.receiptPublicKeyBase64(ReceiptSigningKey.generateReceiptKeyFileContent());

        assertThat(ReceiptSigningKey.verifies(published, changed, signature)).isFalse();
        assertThat(ReceiptSigningKey.verifies(published, MESSAGE, forged)).isFalse();
        assertThat(ReceiptSigningKey.verifies(other, MESSAGE, signature)).isFalse();
        assertThat(ReceiptSigningKey.verifies("AAAA", MESSAGE, signature)).isFalse();
    }

    @Test
    void refusesMalformedKeyFilesWithoutQuotingThem() {
        String tooShort = Base64.getEncoder().encodeToString(new byte[31]);

        assertThatThrownBy(() -> ReceiptSigningKey.parse("# only a comment\n", "key file"))
                .hasMessageStartingWith("key file: empty");
        assertThatThrownBy(() -> ReceiptSigningKey.parse("***", "key file")).hasMessage("key file: not valid base64");
        assertThatThrownBy(() -> ReceiptSigningKey.parse(tooShort, "key file"))
                .hasMessageContaining("32-byte scalar")
                .hasMessageNotContaining(tooShort);
        assertThatThrownBy(() -> ReceiptSigningKey.parse(Base64.getEncoder().encodeToString(new byte[32]), "k"))
                .hasMessageContaining("out of range for P-256");
    }

    @Test
    void showsOnlyThePublicKeyWhenPrinted() {
        String content = ReceiptSigningKey.generateReceiptKeyFileContent();
        String scalar = content.lines()
                .filter(line -> !line.startsWith("#"))
                .findFirst()
                .orElseThrow();

        String printed = ReceiptSigningKey.parse(content, "test").toString();

        assertThat(printed).doesNotContain(scalar).contains(ReceiptSigningKey.receiptPublicKeyBase64(content));
    }
}

package org.hrm.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.hrm.consent.TestKeys;
import org.junit.jupiter.api.Test;

class EcP256Test {
    private static final byte[] DATA = "hello".getBytes(StandardCharsets.UTF_8);

    private final TestKeys keys = TestKeys.generate();

    @Test
    void verifiesAP1363SignatureMadeByTheJdk() {
        assertThat(EcP256.verify(keys.publicKey(), DATA, keys.sign(DATA))).isTrue();
    }

    @Test
    void refusesSignaturesOfAnotherKeyOrOtherDataOrTheWrongLength() {
        byte[] signature = keys.sign(DATA);

        assertThat(EcP256.verify(TestKeys.generate().publicKey(), DATA, signature))
                .isFalse();
        assertThat(EcP256.verify(keys.publicKey(), "hellO".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(EcP256.verify(keys.publicKey(), DATA, Arrays.copyOf(signature, 63)))
                .isFalse();
        assertThat(EcP256.verify(keys.publicKey(), DATA, new byte[64])).isFalse();
    }

    @Test
    void acceptsOnlyUncompressedPointsOnTheCurve() {
        byte[] good = keys.publicKey();
        byte[] compressedPrefix = good.clone();
        compressedPrefix[0] = 0x02;
        byte[] offCurve = good.clone();
        offCurve[40] ^= 1;

        assertThat(EcP256.isPublicKey(good)).isTrue();
        assertThat(EcP256.isPublicKey(compressedPrefix)).isFalse();
        assertThat(EcP256.isPublicKey(offCurve)).isFalse();
        assertThat(EcP256.isPublicKey(Arrays.copyOf(good, 64))).isFalse();
        assertThat(EcP256.isPublicKey(new byte[65])).isFalse();
    }
}

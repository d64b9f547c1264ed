package org.hrm.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
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

    @Test
    void signaturesOfBouncyCastleAndOfTheJdkVerifyWithEitherProvider() throws Exception {
        Security.addProvider(new BouncyCastleProvider());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] encoded = EcP256.encode(((ECPublicKey) pair.getPublic()).getW());

        byte[] ours = EcP256.sign((ECPrivateKey) pair.getPrivate(), DATA);
        Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
        jdk.initVerify(pair.getPublic());
        jdk.update(DATA);

        assertThat(jdk.verify(ours)).isTrue();
        assertThat(EcP256.verify(encoded, DATA, ours)).isTrue();
        assertThat(EcP256.verify(keys.publicKey(), DATA, keys.sign(DATA))).isTrue();
    }
}

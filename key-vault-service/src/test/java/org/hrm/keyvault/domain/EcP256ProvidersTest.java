package org.hrm.keyvault.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class EcP256ProvidersTest {
    private static final byte[] DATA = "decision".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsTheJdksSignaturesAndMakesSignaturesTheJdkAcceptsOnceBouncyCastleIsRegistered() throws Exception {
        Security.addProvider(new BouncyCastleProvider());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
        jdk.initSign(pair.getPrivate());
        jdk.update(DATA);
        byte[] theirs = jdk.sign();

        byte[] ours = EcP256.sign(pair.getPrivate(), DATA);

        assertThat(EcP256.verify(pair.getPublic(), DATA, theirs)).isTrue();
        jdk.initVerify(pair.getPublic());
        jdk.update(DATA);
        assertThat(jdk.verify(ours)).isTrue();
        assertThat(EcP256.verify(pair.getPublic(), "other".getBytes(StandardCharsets.UTF_8), ours))
                .isFalse();
    }
}

package org.hrm.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.crypto.P256Test.HEX;
import static org.hrm.crypto.P256Test.RFC6979_PRIVATE;
import static org.hrm.crypto.P256Test.RFC6979_PUBLIC;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class EcdsaTest {
    private static final byte[] DATA = "hrm/ecdsa-test".getBytes(UTF_8);
    private static final String JDK_P1363 = "SHA256withECDSAinP1363Format";

    /** RFC 6979 A.2.5, P-256 with SHA-256, message "sample": s is above n/2. */
    private static final String SAMPLE_R = "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716";

    private static final String SAMPLE_S = "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8";
    /** RFC 6979 A.2.5, P-256 with SHA-256, message "test": s is below n/2. */
    private static final String TEST_R = "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367";

    private static final String TEST_S = "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083";

    private final P256KeyPair rfcKey = P256KeyPair.fromPrivateKey(RFC6979_PRIVATE);

    @Test
    void signsTheRfc6979KnownAnswersWithLowS() {
        byte[] test = rfcKey.sign("test".getBytes(UTF_8));
        byte[] sample = rfcKey.sign("sample".getBytes(UTF_8));

        assertThat(HEX.formatHex(test)).isEqualTo(TEST_R + TEST_S);
        // The RFC's s for "sample" is high; we publish n - s, the other valid signature with the same k.
        BigInteger lowS = P256.N.subtract(new BigInteger(SAMPLE_S, 16));
        assertThat(HEX.formatHex(sample))
                .isEqualTo(SAMPLE_R + HEX.formatHex(BigIntegers.asUnsignedByteArray(32, lowS)));
        assertThat(rfcKey.sign("sample".getBytes(UTF_8))).isEqualTo(sample);
    }

    @Test
    void acceptsTheRfc6979SignaturesAsPublishedHighSIncluded() {
        assertThat(Ecdsa.verify(RFC6979_PUBLIC, "sample".getBytes(UTF_8), HEX.parseHex(SAMPLE_R + SAMPLE_S)))
                .isTrue();
        assertThat(Ecdsa.verify(RFC6979_PUBLIC, "test".getBytes(UTF_8), HEX.parseHex(TEST_R + TEST_S)))
                .isTrue();
        assertThat(Ecdsa.verify(RFC6979_PUBLIC, "test".getBytes(UTF_8), HEX.parseHex(SAMPLE_R + SAMPLE_S)))
                .isFalse();
    }

    @Test
    void refusesEveryAlteredOrMalformedInputWithoutThrowing() {
        byte[] signature = rfcKey.sign(DATA);
        assertThat(Ecdsa.verify(RFC6979_PUBLIC, DATA, signature)).isTrue();

        for (int bit = 0; bit < signature.length * 8; bit += 7) {
            byte[] flipped = signature.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(Ecdsa.verify(RFC6979_PUBLIC, DATA, flipped))
                    .as("bit %d", bit)
                    .isFalse();
        }
        byte[] otherData = DATA.clone();
        otherData[0] ^= 1;
        byte[] offCurve = RFC6979_PUBLIC.clone();
        offCurve[64] ^= 1;
        assertThat(Ecdsa.verify(RFC6979_PUBLIC, otherData, signature)).isFalse();
        assertThat(Ecdsa.verify(P256KeyPair.generate().publicKey(), DATA, signature))
                .isFalse();
        assertThat(Ecdsa.verify(offCurve, DATA, signature)).isFalse();
        assertThat(Ecdsa.verify(Arrays.copyOf(RFC6979_PUBLIC, 64), DATA, signature))
                .isFalse();
        assertThat(Ecdsa.verify(RFC6979_PUBLIC, DATA, Arrays.copyOf(signature, 63)))
                .isFalse();
        assertThat(Ecdsa.verify(RFC6979_PUBLIC, DATA, Arrays.copyOf(signature, 65)))
                .isFalse();
        assertThat(Ecdsa.verify(RFC6979_PUBLIC, DATA, new byte[64])).isFalse();
        assertThat(Ecdsa.verify(null, DATA, signature)).isFalse();
        assertThat(Ecdsa.verify(RFC6979_PUBLIC, null, signature)).isFalse();
        assertThat(Ecdsa.verify(RFC6979_PUBLIC, DATA, null)).isFalse();
    }

    @Test
    void refusesROrSOfZeroOrNotBelowN() {
        byte[] signature = rfcKey.sign(DATA);
        byte[] r = Arrays.copyOf(signature, 32);
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        byte[] zero = new byte[32];
        byte[] n = BigIntegers.asUnsignedByteArray(32, P256.N);
        byte[] sPlusN = BigIntegers.asUnsignedByteArray(
                32, new BigInteger(1, s).add(P256.N).mod(BigInteger.TWO.pow(256)));

        assertThat(Ecdsa.verify(RFC6979_PUBLIC, DATA, concat(zero, s))).isFalse();
        assertThat(Ecdsa.verify(RFC6979_PUBLIC, DATA, concat(r, zero))).isFalse();
        assertThat(Ecdsa.verify(RFC6979_PUBLIC, DATA, concat(n, s))).isFalse();
        assertThat(Ecdsa.verify(RFC6979_PUBLIC, DATA, concat(r, n))).isFalse();
        // s + n is congruent to s: only the range check refuses it.
        if (new BigInteger(1, s).add(P256.N).bitLength() <= 256) {
            assertThat(Ecdsa.verify(RFC6979_PUBLIC, DATA, concat(r, sPlusN))).isFalse();
        }
    }

    @Test
    void theJdkAcceptsOurSignaturesAndWeAcceptTheJdks() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair jdk = generator.generateKeyPair();
        byte[] jdkPublic = sec1((ECPublicKey) jdk.getPublic());
        Signature signer = Signature.getInstance(JDK_P1363);
        signer.initSign(jdk.getPrivate());
        signer.update(DATA);
        byte[] theirs = signer.sign();

        Signature verifier = Signature.getInstance(JDK_P1363);
        verifier.initVerify(jdkPublicKey(RFC6979_PUBLIC));
        verifier.update(DATA);

        assertThat(Ecdsa.verify(jdkPublic, DATA, theirs)).isTrue();
        assertThat(verifier.verify(rfcKey.sign(DATA))).isTrue();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] sec1(ECPublicKey key) {
        return concat(
                new byte[] {0x04},
                concat(
                        BigIntegers.asUnsignedByteArray(32, key.getW().getAffineX()),
                        BigIntegers.asUnsignedByteArray(32, key.getW().getAffineY())));
    }

    private static PublicKey jdkPublicKey(byte[] sec1) throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(sec1, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(sec1, 33, 65)));
        return KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
    }
}

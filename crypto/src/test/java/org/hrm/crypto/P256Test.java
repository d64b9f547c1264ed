package org.hrm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class P256Test {
    static final HexFormat HEX = HexFormat.of();
    /** RFC 6979 A.2.5: the P-256 key pair. */
    static final byte[] RFC6979_PRIVATE =
            HEX.parseHex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");

    static final byte[] RFC6979_PUBLIC = HEX.parseHex("04"
            + "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
            + "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299");
    static final BigInteger P = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);

    @Test
    void thePublicKeyOfAScalarIsItsSec1Point() {
        assertThat(P256.publicKeyOf(RFC6979_PRIVATE)).isEqualTo(RFC6979_PUBLIC);
        assertThat(P256.isPublicKey(RFC6979_PUBLIC)).isTrue();
        assertThat(P256.requirePublicKey(RFC6979_PUBLIC)).isSameAs(RFC6979_PUBLIC);
    }

    @Test
    void refusesEveryPublicKeyThatIsNotAnUncompressedPointOnTheCurve() {
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (0x02 | (RFC6979_PUBLIC[64] & 1));
        System.arraycopy(RFC6979_PUBLIC, 1, compressed, 1, 32);
        byte[] wrongPrefix = RFC6979_PUBLIC.clone();
        wrongPrefix[0] = 0x03;
        byte[] offCurve = RFC6979_PUBLIC.clone();
        offCurve[64] ^= 1;
        byte[] infinity = new byte[65];
        infinity[0] = 0x04;
        byte[] xNotInField = RFC6979_PUBLIC.clone();
        // x + p has the same residue, but is not a canonical field element.
        byte[] xPlusP = new BigInteger(1, Arrays.copyOfRange(RFC6979_PUBLIC, 1, 33))
                .add(P)
                .toByteArray();
        if (xPlusP.length == 32 || (xPlusP.length == 33 && xPlusP[0] == 0)) {
            System.arraycopy(xPlusP, xPlusP.length - 32, xNotInField, 1, 32);
        } else {
            Arrays.fill(xNotInField, 1, 33, (byte) 0xff);
        }

        for (byte[] bad : new byte[][] {
            null,
            new byte[0],
            compressed,
            wrongPrefix,
            offCurve,
            infinity,
            xNotInField,
            Arrays.copyOf(RFC6979_PUBLIC, 64),
            Arrays.copyOf(RFC6979_PUBLIC, 66)
        }) {
            assertThat(P256.isPublicKey(bad))
                    .as(bad == null ? "null" : HEX.formatHex(bad))
                    .isFalse();
            assertThatThrownBy(() -> P256.requirePublicKey(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theJdkAndPemFormsCarryTheSamePointThroughTheSameChecks() throws Exception {
        java.security.interfaces.ECPublicKey jdk = P256.javaPublicKey(RFC6979_PUBLIC);
        assertThat(P256.encode(jdk)).isEqualTo(RFC6979_PUBLIC);

        // The JDK's own generator agrees with the conversion, leading zero bytes of a coordinate included.
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        for (int i = 0; i < 50; i++) {
            java.security.interfaces.ECPublicKey generated = (java.security.interfaces.ECPublicKey)
                    generator.generateKeyPair().getPublic();
            byte[] encoded = P256.encode(generated);
            assertThat(P256.javaPublicKey(encoded).getW()).isEqualTo(generated.getW());
            assertThat(P256.fromPublicKeyPem(P256.publicKeyPem(encoded))).isEqualTo(encoded);
        }

        String pem = P256.publicKeyPem(RFC6979_PUBLIC);
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
        // The DER openssl writes for this key: the JDK reads it as the same point.
        assertThat(java.security.KeyFactory.getInstance("EC")
                        .generatePublic(new java.security.spec.X509EncodedKeySpec(
                                java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "")))))
                .isEqualTo(jdk);
    }

    @Test
    void noConversionLetsAnInvalidPointThrough() throws Exception {
        byte[] offCurve = RFC6979_PUBLIC.clone();
        offCurve[64] ^= 1;
        assertThatThrownBy(() -> P256.javaPublicKey(offCurve)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> P256.publicKeyPem(offCurve)).isInstanceOf(IllegalArgumentException.class);
        String pem = P256.publicKeyPem(RFC6979_PUBLIC);
        byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        der[der.length - 1] ^= 1;
        String offCurvePem = "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getEncoder().encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        assertThatThrownBy(() -> P256.fromPublicKeyPem(offCurvePem)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> P256.fromPublicKeyPem("-----BEGIN PUBLIC KEY-----\nnot base64!\n"))
                .isInstanceOf(IllegalArgumentException.class);

        java.security.KeyPairGenerator p384 = java.security.KeyPairGenerator.getInstance("EC");
        p384.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        java.security.interfaces.ECPublicKey other =
                (java.security.interfaces.ECPublicKey) p384.generateKeyPair().getPublic();
        assertThatThrownBy(() -> P256.encode(other)).isInstanceOf(IllegalArgumentException.class);
        String p384Pem = "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getEncoder().encodeToString(other.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        assertThatThrownBy(() -> P256.fromPublicKeyPem(p384Pem)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void privateScalarsMustBe32BytesInOneToNMinusOne() {
        byte[] n = P256.encodeScalar(P256.N);
        byte[] nMinusOne = P256.encodeScalar(P256.N.subtract(BigInteger.ONE));
        byte[] one = P256.encodeScalar(BigInteger.ONE);

        assertThat(P256.publicKeyOf(one)).isEqualTo(P256.DOMAIN.getG().getEncoded(false));
        assertThat(P256.isPublicKey(P256.publicKeyOf(nMinusOne))).isTrue();
        for (byte[] bad : new byte[][] {null, new byte[32], n, new byte[31], new byte[33], P256.encodeScalar(P)}) {
            assertThatThrownBy(() -> P256.publicKeyOf(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> P256KeyPair.fromPrivateKey(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

package org.hrm.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * P-256 (secp256r1) key encodings: a public key is an uncompressed SEC1 point {@code 0x04 || x || y} (65 bytes), a
 * private key a big-endian scalar of 32 bytes in [1, n-1].
 *
 * <p>Every public key that enters is validated: exactly 65 bytes, prefix 0x04, both coordinates below p, on the
 * curve, not the point at infinity (the cofactor is 1, so a point on the curve is in the prime-order group). A
 * compressed point (0x02/0x03) is refused: one encoding per key, so keys compare byte for byte. This is the one class
 * that decodes P-256 points: the JDK and PEM forms other code needs are converted here, through the same checks.
 */
public final class P256 {
    public static final int PUBLIC_KEY_BYTES = 65;
    public static final int PRIVATE_KEY_BYTES = 32;
    private static final int COORDINATE_BYTES = 32;
    /** DER of SubjectPublicKeyInfo for id-ecPublicKey on prime256v1, up to the 65-byte point it ends with. */
    private static final byte[] SPKI_PREFIX =
            HexFormat.of().parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    static final BigInteger N = DOMAIN.getN();

    private P256() {}

    /** Whether {@code encoded} is a valid public key (see the class comment); never throws. */
    public static boolean isPublicKey(byte[] encoded) {
        try {
            publicParameters(encoded);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Returns {@code encoded} if it is a valid public key, else throws {@link IllegalArgumentException} saying why. */
    public static byte[] requirePublicKey(byte[] encoded) {
        publicParameters(encoded);
        return encoded;
    }

    /** The public key (65 bytes) of a 32-byte private scalar; throws {@link IllegalArgumentException} if invalid. */
    public static byte[] publicKeyOf(byte[] privateKey) {
        return publicKeyOf(privateParameters(privateKey).getD());
    }

    static ECPublicKeyParameters publicParameters(byte[] encoded) {
        if (encoded == null || encoded.length != PUBLIC_KEY_BYTES || encoded[0] != 0x04) {
            throw new IllegalArgumentException(
                    "public key must be a 65-byte uncompressed SEC1 point on P-256 (0x04 || x" + " || y), got "
                            + (encoded == null ? "none" : encoded.length + " bytes"));
        }
        ECPoint point;
        try {
            // decodePoint checks the coordinates are field elements and the point satisfies the curve equation.
            point = DOMAIN.getCurve().decodePoint(encoded);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("public key is not a point on P-256");
        }
        if (point.isInfinity() || !point.isValid()) {
            throw new IllegalArgumentException("public key is not a point on P-256");
        }
        return new ECPublicKeyParameters(point, DOMAIN);
    }

    static ECPrivateKeyParameters privateParameters(byte[] scalar) {
        if (scalar == null || scalar.length != PRIVATE_KEY_BYTES) {
            throw new IllegalArgumentException("private key must be a 32-byte scalar on P-256");
        }
        BigInteger d = new BigInteger(1, scalar);
        if (d.signum() == 0 || d.compareTo(N) >= 0) {
            throw new IllegalArgumentException("private key is out of range for P-256");
        }
        return new ECPrivateKeyParameters(d, DOMAIN);
    }

    static byte[] publicKeyOf(BigInteger d) {
        return new FixedPointCombMultiplier()
                .multiply(DOMAIN.getG(), d)
                .normalize()
                .getEncoded(false);
    }

    /**
     * The JDK's form of a public key (for a provider such as SunPKCS11 that takes only {@link PublicKey}s), after the
     * same validation as every key that enters.
     */
    public static ECPublicKey javaPublicKey(byte[] encoded) {
        requirePublicKey(encoded);
        try {
            return (ECPublicKey)
                    KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo(encoded)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no P-256: " + e.getMessage(), e);
        }
    }

    /** The 65-byte SEC1 point of a JDK key (from a certificate or a token), validated like every key that enters. */
    public static byte[] encode(ECPublicKey key) {
        if (key.getParams().getCurve().getField().getFieldSize() != COORDINATE_BYTES * 8) {
            throw new IllegalArgumentException("not a P-256 public key");
        }
        byte[] out = new byte[PUBLIC_KEY_BYTES];
        out[0] = 0x04;
        copyCoordinate(key.getW().getAffineX(), out, 1);
        copyCoordinate(key.getW().getAffineY(), out, 1 + COORDINATE_BYTES);
        return requirePublicKey(out);
    }

    /** The PEM SubjectPublicKeyInfo of a public key, as openssl writes it (what Besu reads for its JWT key). */
    public static String publicKeyPem(byte[] encoded) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(subjectPublicKeyInfo(encoded))
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The public key of a PEM SubjectPublicKeyInfo; throws {@link IllegalArgumentException} unless it is P-256. */
    public static byte[] fromPublicKeyPem(String pem) {
        byte[] der;
        try {
            der = Base64.getDecoder()
                    .decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                            .replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PEM public key");
        }
        if (der.length != SPKI_PREFIX.length + PUBLIC_KEY_BYTES
                || !Arrays.equals(SPKI_PREFIX, Arrays.copyOf(der, SPKI_PREFIX.length))) {
            throw new IllegalArgumentException("not a P-256 public key in PEM (SubjectPublicKeyInfo, uncompressed)");
        }
        return requirePublicKey(Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length));
    }

    private static byte[] subjectPublicKeyInfo(byte[] encoded) {
        requirePublicKey(encoded);
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + PUBLIC_KEY_BYTES);
        System.arraycopy(encoded, 0, der, SPKI_PREFIX.length, PUBLIC_KEY_BYTES);
        return der;
    }

    private static void copyCoordinate(BigInteger value, byte[] out, int offset) {
        byte[] bytes = BigIntegers.asUnsignedByteArray(value);
        if (bytes.length > COORDINATE_BYTES) {
            throw new IllegalArgumentException("public key is not a point on P-256");
        }
        System.arraycopy(bytes, 0, out, offset + COORDINATE_BYTES - bytes.length, bytes.length);
    }

    static byte[] encodeScalar(BigInteger d) {
        return BigIntegers.asUnsignedByteArray(PRIVATE_KEY_BYTES, d);
    }
}

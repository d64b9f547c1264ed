package org.hrm.crypto;

import java.math.BigInteger;
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
 * compressed point (0x02/0x03) is refused: one encoding per key, so keys compare byte for byte.
 */
public final class P256 {
    public static final int PUBLIC_KEY_BYTES = 65;
    public static final int PRIVATE_KEY_BYTES = 32;

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

    static byte[] encodeScalar(BigInteger d) {
        return BigIntegers.asUnsignedByteArray(PRIVATE_KEY_BYTES, d);
    }
}

package org.hrm.consent.domain;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/**
 * ECDSA on P-256 with SHA-256 in the JDK: public keys as uncompressed SEC1 points (65 bytes), private keys as
 * 32-byte scalars, signatures as 64 bytes r||s (IEEE P1363, {@code SHA256withECDSAinP1363Format}).
 */
public final class EcP256 {
    public static final int PUBLIC_KEY_BYTES = 65;
    static final int SCALAR_BYTES = 32;
    static final int SIGNATURE_BYTES = 64;

    private static final String ALGORITHM = "SHA256withECDSAinP1363Format";
    static final ECParameterSpec CURVE = curve();
    private static final BigInteger P = ((ECFieldFp) CURVE.getCurve().getField()).getP();

    /** BouncyCastle's ECDSA with r || s signatures; the service registers the provider at start. */
    private static final String FAST_ALGORITHM = "SHA256withPLAIN-ECDSA";

    private EcP256() {}

    /**
     * BouncyCastle's ECDSA when the service registered it, else the JDK's: on JDK 17 SunEC's P-256 is several times
     * slower, and the decision signatures are on the fetch path's critical path (the profile of {@code ./hrm bench}
     * showed them taking most of consent's and the vault's fetch time). Both make and accept the same r || s bytes.
     */
    private static Signature ecdsa() throws GeneralSecurityException {
        Provider bouncyCastle = Security.getProvider("BC");
        return bouncyCastle != null
                ? Signature.getInstance(FAST_ALGORITHM, bouncyCastle)
                : Signature.getInstance(ALGORITHM);
    }

    /** Whether {@code encoded} is an uncompressed SEC1 point on P-256 (not the point at infinity). */
    public static boolean isPublicKey(byte[] encoded) {
        return encoded != null
                && encoded.length == PUBLIC_KEY_BYTES
                && encoded[0] == 0x04
                && onCurve(coordinate(encoded, 1), coordinate(encoded, 33));
    }

    /** Whether {@code signature} is the owner of {@code publicKey}'s signature over {@code data}; never throws. */
    public static boolean verify(byte[] publicKey, byte[] data, byte[] signature) {
        if (!isPublicKey(publicKey) || signature == null || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = ecdsa();
            verifier.initVerify(publicKey(publicKey));
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static byte[] sign(ECPrivateKey key, byte[] data) {
        try {
            Signature signer = ecdsa();
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA P-256 signing failed", e);
        }
    }

    static ECPrivateKey privateKey(BigInteger scalar) {
        if (scalar.signum() <= 0 || scalar.compareTo(CURVE.getOrder()) >= 0) {
            throw new IllegalArgumentException("private key is out of range for P-256");
        }
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(scalar, CURVE));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC key factory unavailable", e);
        }
    }

    static ECPublicKey publicKey(byte[] encoded) throws GeneralSecurityException {
        ECPoint point = new ECPoint(coordinate(encoded, 1), coordinate(encoded, 33));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, CURVE));
    }

    static byte[] encode(ECPoint point) {
        byte[] out = new byte[PUBLIC_KEY_BYTES];
        out[0] = 0x04;
        System.arraycopy(unsigned(point.getAffineX()), 0, out, 1, SCALAR_BYTES);
        System.arraycopy(unsigned(point.getAffineY()), 0, out, 33, SCALAR_BYTES);
        return out;
    }

    /** Big-endian, left-padded to 32 bytes. */
    static byte[] unsigned(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[SCALAR_BYTES];
        int length = Math.min(raw.length, SCALAR_BYTES);
        System.arraycopy(raw, raw.length - length, out, SCALAR_BYTES - length, length);
        return out;
    }

    /** y² of the curve at x: x³ + ax + b mod p. */
    static BigInteger curveRightSide(BigInteger x) {
        return x.pow(3)
                .add(CURVE.getCurve().getA().multiply(x))
                .add(CURVE.getCurve().getB())
                .mod(P);
    }

    /** The two square roots of y² (p = 3 mod 4, so one is y²^((p+1)/4)). */
    static BigInteger[] ys(BigInteger x) {
        BigInteger y = curveRightSide(x).modPow(P.add(BigInteger.ONE).shiftRight(2), P);
        return new BigInteger[] {y, P.subtract(y).mod(P)};
    }

    private static boolean onCurve(BigInteger x, BigInteger y) {
        return x.compareTo(P) < 0 && y.compareTo(P) < 0 && y.multiply(y).mod(P).equals(curveRightSide(x));
    }

    private static BigInteger coordinate(byte[] encoded, int offset) {
        return new BigInteger(1, Arrays.copyOfRange(encoded, offset, offset + SCALAR_BYTES));
    }

    private static ECParameterSpec curve() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 unavailable in this JDK", e);
        }
    }
}

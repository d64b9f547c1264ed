package org.hrm.keyvault.domain;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * ECDSA on P-256 with SHA-256 in the JDK: public keys as uncompressed SEC1 points (65 bytes), private keys as
 * 32-byte scalars, signatures as 64 bytes r || s (IEEE P1363).
 */
final class EcP256 {
    static final int SCALAR_BYTES = 32;
    static final int POINT_BYTES = 1 + 2 * SCALAR_BYTES;
    static final int SIGNATURE_BYTES = 2 * SCALAR_BYTES;

    private static final String ALGORITHM = "SHA256withECDSAinP1363Format";
    private static final ECParameterSpec CURVE = curve();
    private static final BigInteger P = ((ECFieldFp) CURVE.getCurve().getField()).getP();
    private static final byte[] PROBE = Bytes.utf8("hrm/p256/public-key-probe");

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

    /** Parses {@code 0x04 || x || y}; refuses anything that is not a point on P-256, saying why. */
    static PublicKey publicKey(byte[] point) {
        if (point == null || point.length != POINT_BYTES || point[0] != 0x04) {
            throw new IllegalArgumentException("expected a 65-byte uncompressed SEC1 point (0x04 || x || y), got "
                    + (point == null ? 0 : point.length) + " bytes");
        }
        ECPoint w = new ECPoint(coordinate(point, 1), coordinate(point, 1 + SCALAR_BYTES));
        if (!onCurve(w)) {
            throw new IllegalArgumentException("not a point on P-256");
        }
        try {
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, CURVE));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a usable P-256 public key: " + e.getMessage(), e);
        }
    }

    /** The private key of a 32-byte big-endian scalar in [1, n-1]. */
    static ECPrivateKey privateKey(byte[] scalar) {
        BigInteger s = new BigInteger(1, scalar);
        if (scalar.length != SCALAR_BYTES || s.signum() == 0 || s.compareTo(CURVE.getOrder()) >= 0) {
            throw new IllegalArgumentException("not a P-256 private key (a 32-byte scalar in [1, n-1])");
        }
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, CURVE));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC key factory unavailable", e);
        }
    }

    /** A fresh random private scalar, 32 bytes big-endian. */
    static byte[] newScalar() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(CURVE);
            return unsigned(((ECPrivateKey) generator.generateKeyPair().getPrivate()).getS());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 key generation unavailable", e);
        }
    }

    /**
     * The SEC1 public point of {@code key}. The JDK has no scalar multiplication API, so ECDH with the generator
     * gives x of d·G (the secret-dependent step stays in the JDK); of the two points with that x, the one that
     * verifies a probe signature is ours.
     */
    static byte[] publicKeyOf(ECPrivateKey key) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(key);
            PublicKey generator =
                    KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(CURVE.getGenerator(), CURVE));
            agreement.doPhase(generator, true);
            BigInteger x = new BigInteger(1, agreement.generateSecret());
            byte[] signature = sign(key, PROBE);
            BigInteger y = rightSide(x).modPow(P.add(BigInteger.ONE).shiftRight(2), P);
            for (BigInteger candidate : new BigInteger[] {y, P.subtract(y).mod(P)}) {
                byte[] point = encode(x, candidate);
                if (verify(publicKey(point), PROBE, signature)) {
                    return point;
                }
            }
            throw new IllegalStateException("no public key verifies the probe signature");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDH P-256 unavailable", e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = ecdsa();
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA P-256 signing failed", e);
        }
    }

    /** True only for a 64-byte r || s signature by {@code key} over exactly {@code message}; never throws on input. */
    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (message == null || signature == null || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = ecdsa();
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA P-256 verification unavailable", e);
        }
    }

    /** Big-endian, left-padded to 32 bytes. */
    static byte[] unsigned(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[SCALAR_BYTES];
        int length = Math.min(raw.length, SCALAR_BYTES);
        System.arraycopy(raw, raw.length - length, out, SCALAR_BYTES - length, length);
        Bytes.zero(raw);
        return out;
    }

    private static byte[] encode(BigInteger x, BigInteger y) {
        byte[] out = new byte[POINT_BYTES];
        out[0] = 0x04;
        System.arraycopy(unsigned(x), 0, out, 1, SCALAR_BYTES);
        System.arraycopy(unsigned(y), 0, out, 1 + SCALAR_BYTES, SCALAR_BYTES);
        return out;
    }

    /** y^2 = x^3 + ax + b (mod p) with both coordinates in the field; P-256 has cofactor 1, so this suffices. */
    private static boolean onCurve(ECPoint w) {
        BigInteger x = w.getAffineX();
        BigInteger y = w.getAffineY();
        return x.compareTo(P) < 0 && y.compareTo(P) < 0 && y.pow(2).mod(P).equals(rightSide(x));
    }

    private static BigInteger rightSide(BigInteger x) {
        return x.pow(3)
                .add(CURVE.getCurve().getA().multiply(x))
                .add(CURVE.getCurve().getB())
                .mod(P);
    }

    private static BigInteger coordinate(byte[] point, int from) {
        return new BigInteger(1, Arrays.copyOfRange(point, from, from + SCALAR_BYTES));
    }

    private static ECParameterSpec curve() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 unavailable", e);
        }
    }
}

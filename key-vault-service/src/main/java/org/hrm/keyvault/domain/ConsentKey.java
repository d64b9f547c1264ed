package org.hrm.keyvault.domain;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.util.Arrays;
import java.util.Base64;

/**
 * consent-service's published P-256 public key: every access decision the vault acts on must verify under it
 * (ECDSA with SHA-256, signature r || s of 64 bytes, IEEE P1363).
 */
public final class ConsentKey {
    private static final String ALGORITHM = "SHA256withECDSAinP1363Format";
    private static final int COORDINATE_BYTES = 32;
    private static final int POINT_BYTES = 1 + 2 * COORDINATE_BYTES;
    private static final int SIGNATURE_BYTES = 2 * COORDINATE_BYTES;

    private final PublicKey key;

    private ConsentKey(PublicKey key) {
        this.key = key;
    }

    /** Parses base64 of the 65-byte uncompressed SEC1 point, or throws IllegalArgumentException saying why. */
    public static ConsentKey fromBase64(String base64) {
        try {
            return fromSec1(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("consent public key: " + e.getMessage(), e);
        }
    }

    /** Parses {@code 0x04 || x || y}; refuses anything that is not a point on P-256. */
    public static ConsentKey fromSec1(byte[] point) {
        if (point == null || point.length != POINT_BYTES || point[0] != 0x04) {
            throw new IllegalArgumentException("expected a 65-byte uncompressed SEC1 point (0x04 || x || y), got "
                    + (point == null ? 0 : point.length) + " bytes");
        }
        ECParameterSpec p256 = p256();
        ECPoint w = new ECPoint(coordinate(point, 1), coordinate(point, 1 + COORDINATE_BYTES));
        if (!onCurve(p256.getCurve(), w)) {
            throw new IllegalArgumentException("not a point on P-256");
        }
        try {
            return new ConsentKey(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, p256)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a usable P-256 public key: " + e.getMessage(), e);
        }
    }

    /** True only for a 64-byte r || s signature by consent-service over exactly {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        if (message == null || signature == null || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA P-256 verification unavailable", e);
        }
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 unavailable", e);
        }
    }

    private static BigInteger coordinate(byte[] point, int from) {
        return new BigInteger(1, Arrays.copyOfRange(point, from, from + COORDINATE_BYTES));
    }

    /** y^2 = x^3 + ax + b (mod p) with both coordinates in the field; P-256 has cofactor 1, so this suffices. */
    private static boolean onCurve(EllipticCurve curve, ECPoint w) {
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        BigInteger x = w.getAffineX();
        BigInteger y = w.getAffineY();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right =
                x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return y.pow(2).mod(p).equals(right);
    }
}

package org.hrm.client.sdk;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/** P-256 key encodings: public keys as uncompressed SEC1 points (65 bytes), private keys as 32-byte scalars. */
final class P256 {
    static final int PUBLIC_KEY_BYTES = 65;
    static final int PRIVATE_KEY_BYTES = 32;

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

    private P256() {}

    /** Decodes and validates a public key (on the curve, not the point at infinity). */
    static ECPublicKeyParameters publicKey(byte[] encoded) {
        if (encoded == null || encoded.length != PUBLIC_KEY_BYTES || encoded[0] != 0x04) {
            throw new IllegalArgumentException("public key must be an uncompressed SEC1 P-256 point (65 bytes)");
        }
        try {
            return new ECPublicKeyParameters(DOMAIN.getCurve().decodePoint(encoded), DOMAIN);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public key is not a point on P-256");
        }
    }

    static ECPrivateKeyParameters privateKey(byte[] scalar) {
        if (scalar == null || scalar.length != PRIVATE_KEY_BYTES) {
            throw new IllegalArgumentException("private key must be a 32-byte P-256 scalar");
        }
        BigInteger d = new BigInteger(1, scalar);
        if (d.signum() == 0 || d.compareTo(DOMAIN.getN()) >= 0) {
            throw new IllegalArgumentException("private key is out of range for P-256");
        }
        return new ECPrivateKeyParameters(d, DOMAIN);
    }

    static byte[] publicKeyOf(BigInteger d) {
        return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).getEncoded(false);
    }

    static byte[] encodeScalar(BigInteger d) {
        return BigIntegers.asUnsignedByteArray(PRIVATE_KEY_BYTES, d);
    }
}

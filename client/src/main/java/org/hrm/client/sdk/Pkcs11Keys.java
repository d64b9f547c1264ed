package org.hrm.client.sdk;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import org.hrm.crypto.P256;

/** Conversions between the JDK's EC keys and SEC1 bytes, and error messages without stack noise. */
final class Pkcs11Keys {
    private static final int COORDINATE_BYTES = 32;

    private Pkcs11Keys() {}

    static ECPublicKey p256(Certificate certificate) {
        if (!(certificate.getPublicKey() instanceof ECPublicKey key)
                || key.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalStateException("the key's certificate does not hold a P-256 public key");
        }
        P256.requirePublicKey(sec1(key));
        return key;
    }

    static byte[] sec1(ECPublicKey key) {
        byte[] out = new byte[P256.PUBLIC_KEY_BYTES];
        out[0] = 0x04;
        copy(key.getW().getAffineX(), out, 1);
        copy(key.getW().getAffineY(), out, 1 + COORDINATE_BYTES);
        return out;
    }

    static PublicKey javaPublicKey(byte[] sec1, ECParameterSpec params) throws GeneralSecurityException {
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(sec1, 1, 1 + COORDINATE_BYTES));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(sec1, 1 + COORDINATE_BYTES, sec1.length));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), params));
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() != null ? " " + root.getMessage() : "");
    }

    private static void copy(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, COORDINATE_BYTES);
        System.arraycopy(bytes, bytes.length - length, out, offset + COORDINATE_BYTES - length, length);
    }
}

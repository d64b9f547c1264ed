package org.hrm.client.sdk;

import java.security.cert.Certificate;
import java.security.interfaces.ECPublicKey;
import org.hrm.crypto.P256;

/** The token's certificate key as SEC1 bytes (through {@link P256}), and error messages without stack noise. */
final class Pkcs11Keys {
    private Pkcs11Keys() {}

    static ECPublicKey p256(Certificate certificate) {
        if (!(certificate.getPublicKey() instanceof ECPublicKey key)) {
            throw new IllegalStateException("the key's certificate does not hold a P-256 public key");
        }
        try {
            P256.encode(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the key's certificate does not hold a P-256 public key");
        }
        return key;
    }

    static byte[] sec1(ECPublicKey key) {
        return P256.encode(key);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() != null ? " " + root.getMessage() : "");
    }
}

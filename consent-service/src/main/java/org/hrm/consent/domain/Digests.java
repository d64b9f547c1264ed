package org.hrm.consent.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, to compare what an owner signed without keeping it. */
public final class Digests {
    private Digests() {}

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

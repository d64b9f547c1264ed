package org.hrm.sandbox;

import java.security.SecureRandom;

/**
 * Strong randomness that keeps the first bytes drawn from it: the salt, which RecordEncryptor draws first, so the
 * chain scan can look for it and recompute K1 without trusting the SDK. One per record.
 */
final class SaltRecorder extends SecureRandom {
    private byte[] salt;

    @Override
    public void nextBytes(byte[] bytes) {
        super.nextBytes(bytes);
        if (salt == null) {
            salt = bytes.clone();
        }
    }

    byte[] salt() {
        return salt;
    }
}

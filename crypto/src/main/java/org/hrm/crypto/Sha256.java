package org.hrm.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** SHA-256 (FIPS 180-4). */
public final class Sha256 {
    public static final int BYTES = 32;

    private Sha256() {}

    /** The digest of the concatenation of {@code parts}. */
    public static byte[] digest(byte[]... parts) {
        SHA256Digest digest = new SHA256Digest();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[BYTES];
        digest.doFinal(out, 0);
        return out;
    }
}

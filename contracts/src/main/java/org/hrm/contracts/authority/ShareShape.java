package org.hrm.contracts.authority;

import java.util.Arrays;
import java.util.Optional;
import org.hrm.crypto.P256;

/**
 * Whether bytes are shaped like an HPKE key share before they go on an immutable chain: a v2 share is exactly 145
 * bytes ({@code enc} 65, a valid P-256 point, then ciphertext 64 and tag 16, sealing K1 || salt); a v1 share is 113
 * bytes (ciphertext 32: K1 alone). Neither holds a long printable run, which ciphertext never does.
 *
 * <p>Why the chain needs this and not only a signature: a signed grant may still carry any bytes its owner chose, and
 * the chain keeps them for good. Only ciphertext-shaped bytes of the exact share length go on chain, so a client bug or
 * a hostile owner cannot publish a plaintext health record as a "share".
 */
public final class ShareShape {
    public static final int V2_BYTES = 145;
    public static final int V1_BYTES = 113;
    /** A printable run this long in random bytes has a chance below 1e-9 per position. */
    public static final int MAX_PRINTABLE_RUN = 24;

    private ShareShape() {}

    /** Empty when {@code share} is a v2 share (the only version new grants may carry); otherwise why not. */
    public static Optional<String> v2Refusal(byte[] share) {
        if (share == null || share.length != V2_BYTES) {
            return Optional.of(
                    "a share must be exactly " + V2_BYTES + " bytes (v2: enc 65, ciphertext 64, tag 16), was "
                            + (share == null ? "absent" : share.length + " bytes"));
        }
        return contentRefusal(share);
    }

    /** Empty when {@code share} is a v2 share or a v1 share (records sealed before the upgrade); otherwise why not. */
    public static Optional<String> anyVersionRefusal(byte[] share) {
        if (share == null || (share.length != V2_BYTES && share.length != V1_BYTES)) {
            return Optional.of("a share must be " + V2_BYTES + " bytes (v2) or " + V1_BYTES + " bytes (v1), was "
                    + (share == null ? "absent" : share.length + " bytes"));
        }
        return contentRefusal(share);
    }

    private static Optional<String> contentRefusal(byte[] share) {
        if (!P256.isPublicKey(Arrays.copyOf(share, P256.PUBLIC_KEY_BYTES))) {
            return Optional.of("a share's first 65 bytes (HPKE enc) are not a P-256 point");
        }
        if (longestPrintableRun(share) >= MAX_PRINTABLE_RUN) {
            return Optional.of("a share holds a printable run of " + MAX_PRINTABLE_RUN + "+ bytes: not ciphertext");
        }
        return Optional.empty();
    }

    /** The longest run of printable ASCII (or tab, newline) in {@code bytes}. */
    public static int longestPrintableRun(byte[] bytes) {
        int longest = 0;
        int run = 0;
        for (byte b : bytes) {
            run = (b >= 0x20 && b < 0x7f) || b == '\n' || b == '\t' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}

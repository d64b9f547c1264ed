package org.hrm.cli;

import org.hrm.contracts.authority.ShareShape;

/**
 * Whether bytes show structure that ciphertext never has: a long run of printable text (JSON, FHIR,
 * names) or, for longer inputs, a byte distribution far from uniform.
 */
final class CiphertextCheck {
    /** Random bytes hold a printable run this long with probability below 1e-9 per position (a share's bound too). */
    static final int MAX_PRINTABLE_RUN = ShareShape.MAX_PRINTABLE_RUN;
    /** Shannon entropy in bits per byte below which a 1 KiB+ input is not ciphertext (random 1 KiB: about 7.8). */
    static final double MIN_ENTROPY = 7.0;

    private CiphertextCheck() {}

    static boolean looksLikePlaintext(byte[] bytes) {
        return ShareShape.longestPrintableRun(bytes) >= MAX_PRINTABLE_RUN
                || (bytes.length >= 1024 && entropy(bytes) < MIN_ENTROPY);
    }

    static double entropy(byte[] bytes) {
        int[] counts = new int[256];
        for (byte b : bytes) {
            counts[b & 0xff]++;
        }
        double entropy = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / bytes.length;
                entropy -= p * (Math.log(p) / Math.log(2));
            }
        }
        return entropy;
    }
}

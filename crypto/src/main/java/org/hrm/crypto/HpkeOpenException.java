package org.hrm.crypto;

/**
 * HPKE data did not open: wrong key, wrong info or aad, altered or truncated bytes, a bad point. One type and one
 * message whatever the cause, so a caller cannot become an oracle that tells the causes apart.
 */
public final class HpkeOpenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HpkeOpenException() {
        super("HPKE data does not open");
    }
}

package org.hrm.ledgerwriter.application;

/** A batch cannot be committed now (reverted, not confirmed in time, node refused); it is redelivered. */
public class LedgerWriteException extends RuntimeException {
    public LedgerWriteException(String message) {
        super(message);
    }

    public LedgerWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.hrm.keyvault.application;

/** A log on chain does not decode as the ledger contract's layout; the record cannot be released. */
public class UnreadableLedgerEntryException extends RuntimeException {
    public UnreadableLedgerEntryException(String message, Throwable cause) {
        super(message, cause);
    }
}

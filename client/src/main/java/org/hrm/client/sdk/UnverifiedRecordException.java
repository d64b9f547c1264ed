package org.hrm.client.sdk;

/**
 * The record decrypted (or would have), but its provenance did not verify against the author's keys from the party
 * directory, or the provenance given is not that of the released ciphertext: the content must not be presented as the
 * record. The message says which check failed and never contains content.
 */
public final class UnverifiedRecordException extends RecordCryptoException {
    static final String NOT_THIS_RECORD = "provenance is of another record or another C1 than the one released";

    public UnverifiedRecordException(String message) {
        super(message);
    }
}

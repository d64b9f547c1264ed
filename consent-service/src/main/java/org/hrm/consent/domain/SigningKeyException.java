package org.hrm.consent.domain;

/** The decision signing key is missing or malformed; the message never contains key bytes. */
public class SigningKeyException extends IllegalStateException {
    public SigningKeyException(String message) {
        super(message);
    }
}

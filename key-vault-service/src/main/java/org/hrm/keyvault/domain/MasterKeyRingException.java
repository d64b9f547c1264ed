package org.hrm.keyvault.domain;

/** The master key ring is missing, malformed or lacks a version; the message never contains key bytes. */
public class MasterKeyRingException extends IllegalStateException {
    public MasterKeyRingException(String message) {
        super(message);
    }
}

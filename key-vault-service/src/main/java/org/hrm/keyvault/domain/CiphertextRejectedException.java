package org.hrm.keyvault.domain;

/** AES-GCM refused a ciphertext: it was altered, or it is bound to another record, owner, domain or key. */
public class CiphertextRejectedException extends RuntimeException {
    public CiphertextRejectedException(String message) {
        super(message);
    }
}

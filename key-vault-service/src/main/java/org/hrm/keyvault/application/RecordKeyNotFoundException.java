package org.hrm.keyvault.application;

/** The vault holds no usable key for a record: never sealed here, sealed in the other domain, or erased. */
public class RecordKeyNotFoundException extends RuntimeException {
    public RecordKeyNotFoundException(String message) {
        super(message);
    }
}

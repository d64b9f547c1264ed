package org.hrm.keyvault.domain;

/** The vault's own view of the record domains: each has its own collections and owner key hierarchy. */
public enum RecordDomain {
    PATIENT,
    PRACTITIONER
}

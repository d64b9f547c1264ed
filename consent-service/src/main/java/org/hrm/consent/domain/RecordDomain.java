package org.hrm.consent.domain;

/** The service's own view of the record domains: each has its own record index, grants and decisions. */
public enum RecordDomain {
    PATIENT,
    PRACTITIONER
}

package org.hrm.consent.application;

import org.hrm.consent.domain.RecordDomain;
import org.hrm.contracts.Domain;

/**
 * Maps the contract's record domain to the service's and back; exhaustive, so a new constant fails to compile here.
 * The event enums (access basis, party kind) are mapped where the events are read or written.
 */
public final class ConsentDomains {
    private ConsentDomains() {}

    public static RecordDomain of(Domain domain) {
        return switch (domain) {
            case PATIENT -> RecordDomain.PATIENT;
            case PRACTITIONER -> RecordDomain.PRACTITIONER;
        };
    }

    public static Domain toContract(RecordDomain domain) {
        return switch (domain) {
            case PATIENT -> Domain.PATIENT;
            case PRACTITIONER -> Domain.PRACTITIONER;
        };
    }
}

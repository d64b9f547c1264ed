package org.hrm.consent.application;

import org.hrm.consent.domain.Basis;
import org.hrm.consent.domain.PartyKind;
import org.hrm.consent.domain.RecordDomain;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.AccessBasis;

/** Maps the contracts' enums to the service's and back; exhaustive, so a new constant fails to compile here. */
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

    public static PartyKind of(org.hrm.contracts.events.PartyKind kind) {
        return switch (kind) {
            case PATIENT -> PartyKind.PATIENT;
            case PRACTITIONER -> PartyKind.PRACTITIONER;
            case SYSTEM -> PartyKind.SYSTEM;
        };
    }

    public static org.hrm.contracts.events.PartyKind toContract(PartyKind kind) {
        return switch (kind) {
            case PATIENT -> org.hrm.contracts.events.PartyKind.PATIENT;
            case PRACTITIONER -> org.hrm.contracts.events.PartyKind.PRACTITIONER;
            case SYSTEM -> org.hrm.contracts.events.PartyKind.SYSTEM;
        };
    }

    public static AccessBasis toContract(Basis basis) {
        return switch (basis) {
            case OWNER -> AccessBasis.OWNER;
            case AUTHOR -> AccessBasis.AUTHOR;
            case GRANT -> AccessBasis.GRANT;
            case EMERGENCY -> AccessBasis.EMERGENCY;
            case NONE -> AccessBasis.NONE;
        };
    }
}

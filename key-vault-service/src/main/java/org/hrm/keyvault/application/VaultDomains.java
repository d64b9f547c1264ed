package org.hrm.keyvault.application;

import org.hrm.contracts.Domain;
import org.hrm.keyvault.domain.RecordDomain;

/** Maps the contracts' domains to the vault's and back; exhaustive, so a new domain fails to compile here. */
public final class VaultDomains {
    private VaultDomains() {}

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

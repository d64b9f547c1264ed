package org.hrm.ledgerwriter.application;

import java.util.Optional;
import org.hrm.contracts.Domain;

/** The grants the ledger writer verified, by domain and grant id: whose they are, so a revocation names its owner's. */
public interface GrantOwners {
    void remember(Domain domain, String grantId, String ownerId);

    Optional<String> ownerOf(Domain domain, String grantId);
}

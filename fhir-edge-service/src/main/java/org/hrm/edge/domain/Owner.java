package org.hrm.edge.domain;

import java.util.Objects;
import org.hrm.contracts.Domain;

/** The platform party that owns a record, and the ledger domain its records go to. */
public record Owner(String ownerId, Domain domain) {
    public Owner {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(domain, "domain");
    }
}

package org.hrm.gateway.domain;

import java.util.Objects;
import java.util.Set;

/** An authenticated caller: the token's subject is the party id it acts as. */
public record Caller(String partyId, Set<Role> roles) {
    public Caller {
        Objects.requireNonNull(partyId, "partyId");
        roles = Set.copyOf(roles);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isParty(String id) {
        return partyId.equals(id);
    }
}

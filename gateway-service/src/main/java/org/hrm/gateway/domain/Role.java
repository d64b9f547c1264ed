package org.hrm.gateway.domain;

import java.util.Locale;
import java.util.Optional;

/** What a caller is, from the token's roles claim. */
public enum Role {
    PATIENT,
    PRACTITIONER,
    SYSTEM,
    OPERATOR;

    /** The role named by a token claim value ("patient", "practitioner", ...), if it is one of ours. */
    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.claim().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }
}

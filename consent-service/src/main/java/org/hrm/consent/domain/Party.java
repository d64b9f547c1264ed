package org.hrm.consent.domain;

import java.time.Instant;

/**
 * A party of the directory: its P-256 public key (65-byte SEC1) and, for a practitioner, the institution it
 * works for.
 */
public record Party(String partyId, PartyKind kind, byte[] publicKey, String institutionId, Instant registeredAt) {
    public boolean hasInstitution() {
        return institutionId != null && !institutionId.isBlank();
    }
}

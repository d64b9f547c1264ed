package org.hrm.consent.domain;

import java.time.Instant;
import java.util.List;

/**
 * A party of the directory: its current P-256 public key (65-byte SEC1), since when, for a practitioner the
 * institution it works for, whether an attested registration stands behind it, and its earlier keys (kept so old
 * signatures stay checkable; they never authorize anything new).
 *
 * @param registeredAt when the current key became the party's key (registration or last rotation)
 * @param attested false only for an entry left by an unsigned v1 registration, which an attested one replaces
 * @param previousKeys earlier keys, oldest first
 */
public record Party(
        String partyId,
        PartyKind kind,
        byte[] publicKey,
        String institutionId,
        Instant registeredAt,
        boolean attested,
        List<byte[]> previousKeys) {
    public Party {
        previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
    }

    /** A party with one key, as an attested registration makes it. */
    public Party(String partyId, PartyKind kind, byte[] publicKey, String institutionId, Instant registeredAt) {
        this(partyId, kind, publicKey, institutionId, registeredAt, true, List.of());
    }

    public boolean hasInstitution() {
        return institutionId != null && !institutionId.isBlank();
    }
}

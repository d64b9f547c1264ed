package org.hrm.contracts.events;

import java.time.Instant;

/**
 * A party published its P-256 public key to the directory.
 *
 * @param publicKey uncompressed SEC1 point, 65 bytes
 * @param institutionId for a practitioner, the hospital system it works for (emergency access); else null
 */
public record PartyRegistered(
        String partyId, PartyKind kind, byte[] publicKey, String institutionId, Instant registeredAt) {
    public PartyRegistered {
        Require.text(partyId, "partyId");
        Require.present(kind, "kind");
        Require.bytes(publicKey, "publicKey", 65);
        Require.present(registeredAt, "registeredAt");
    }
}

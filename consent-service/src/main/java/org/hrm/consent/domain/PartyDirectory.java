package org.hrm.consent.domain;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.hrm.crypto.P256;

/**
 * Rules of the party directory: a key must be a P-256 point, and a party id keeps the key, kind and institution
 * it was first registered with (registering the same again is harmless; key rotation is a later issue).
 */
public final class PartyDirectory {
    private PartyDirectory() {}

    /** Empty when {@code incoming} may be stored or is already stored as is; otherwise why not. */
    public static Optional<String> refusal(Party incoming, Party existing) {
        if (!P256.isPublicKey(incoming.publicKey())) {
            return Optional.of("public key of party " + incoming.partyId() + " is not an uncompressed P-256 point");
        }
        if (existing == null) {
            return Optional.empty();
        }
        if (!Arrays.equals(existing.publicKey(), incoming.publicKey())) {
            return Optional.of("party " + incoming.partyId()
                    + " is already registered with a different key (key rotation is not supported yet)");
        }
        if (existing.kind() != incoming.kind() || !Objects.equals(existing.institutionId(), incoming.institutionId())) {
            return Optional.of("party " + incoming.partyId() + " is already registered as " + existing.kind()
                    + (existing.hasInstitution() ? " of " + existing.institutionId() : ""));
        }
        return Optional.empty();
    }
}

package org.hrm.keyvault.domain;

import java.util.Optional;

/**
 * One owner's KEK document as stored: the current KEK and, while a single-record erasure re-keys the owner, the
 * new KEK being switched to ({@code pending}, else null). A record key names which of the two wraps its K2.
 */
public record StoredOwnerKeys(WrappedOwnerKey current, WrappedOwnerKey pending) {
    /** The KEK named {@code kekId}, current or pending; empty when it was destroyed (or never existed). */
    public Optional<WrappedOwnerKey> named(String kekId) {
        if (current.kekId().equals(kekId)) {
            return Optional.of(current);
        }
        if (pending != null && pending.kekId().equals(kekId)) {
            return Optional.of(pending);
        }
        return Optional.empty();
    }

    /** The KEK new records are sealed under: the pending one while a re-key is under way. */
    public WrappedOwnerKey forSealing() {
        return pending != null ? pending : current;
    }
}

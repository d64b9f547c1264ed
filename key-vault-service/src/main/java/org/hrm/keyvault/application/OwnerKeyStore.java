package org.hrm.keyvault.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.StoredOwnerKeys;
import org.hrm.keyvault.domain.WrappedOwnerKey;

/** Port: the wrapped owner KEKs of one domain, keyed by owner id. */
public interface OwnerKeyStore {
    /** The stored KEKs among {@code ownerIds}, by owner id. */
    Map<String, WrappedOwnerKey> findAll(RecordDomain domain, Collection<String> ownerIds);

    /**
     * The stored KEK documents among {@code ownerIds}, by owner id: the current KEK with the one a re-key is
     * switching to, read together from the one document.
     */
    Map<String, StoredOwnerKeys> findWithPending(RecordDomain domain, Collection<String> ownerIds);

    /** Inserts each KEK whose owner has none yet; returns the owner ids that already had one. */
    Set<String> insertNew(RecordDomain domain, List<WrappedOwnerKey> keys);
}

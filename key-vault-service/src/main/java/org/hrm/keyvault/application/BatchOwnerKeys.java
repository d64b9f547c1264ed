package org.hrm.keyvault.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedOwnerKey;

/**
 * The owner KEKs one batch of one domain needs, unwrapped once and zeroed on close (never kept across batches, so
 * erasure of a KEK takes effect at the next batch).
 */
final class BatchOwnerKeys implements AutoCloseable {
    /** An unwrapped KEK and the id that names it. */
    record OwnerKek(String kekId, byte[] key) {}

    private final RecordDomain domain;
    private final OwnerKeyStore store;
    private final KeyHierarchy hierarchy;
    private final Map<String, OwnerKek> keks = new HashMap<>();

    BatchOwnerKeys(RecordDomain domain, OwnerKeyStore store, KeyHierarchy hierarchy) {
        this.domain = domain;
        this.store = store;
        this.hierarchy = hierarchy;
    }

    /**
     * Loads these owners' KEKs and creates the missing ones. Creation is an insert on a unique id: when another
     * writer won the race, its KEK is read back, so all records of an owner share one KEK.
     */
    void loadOrCreate(Collection<String> ownerIds, Instant now) {
        Set<String> missing = load(ownerIds);
        if (missing.isEmpty()) {
            return;
        }
        List<WrappedOwnerKey> created = new ArrayList<>(missing.size());
        for (String ownerId : missing) {
            byte[] kek = hierarchy.newOwnerKey();
            WrappedOwnerKey wrapped = hierarchy.wrapOwnerKey(domain, ownerId, kek, now);
            created.add(wrapped);
            keks.put(ownerId, new OwnerKek(wrapped.kekId(), kek));
        }
        Set<String> lostRaces = store.insertNew(domain, created);
        lostRaces.forEach(ownerId -> zero(keks.remove(ownerId)));
        if (!load(lostRaces).isEmpty()) {
            throw new IllegalStateException("owner keys vanished while being created; the batch will be retried");
        }
    }

    /** The KEK of an owner loaded or created by {@link #loadOrCreate}. */
    OwnerKek get(String ownerId) {
        OwnerKek kek = keks.get(ownerId);
        if (kek == null) {
            throw new IllegalStateException("owner KEK not loaded");
        }
        return kek;
    }

    /** The owner's current KEK if it has one; never creates one. */
    Optional<OwnerKek> find(String ownerId) {
        load(List.of(ownerId));
        return Optional.ofNullable(keks.get(ownerId));
    }

    @Override
    public void close() {
        keks.values().forEach(BatchOwnerKeys::zero);
        keks.clear();
    }

    private Set<String> load(Collection<String> ownerIds) {
        Set<String> wanted = new LinkedHashSet<>(ownerIds);
        wanted.removeAll(keks.keySet());
        if (wanted.isEmpty()) {
            return wanted;
        }
        store.findAll(domain, wanted)
                .forEach((ownerId, wrapped) ->
                        keks.put(ownerId, new OwnerKek(wrapped.kekId(), hierarchy.unwrapOwnerKey(domain, wrapped))));
        wanted.removeAll(keks.keySet());
        return wanted;
    }

    private static void zero(OwnerKek kek) {
        Arrays.fill(kek.key(), (byte) 0);
    }
}

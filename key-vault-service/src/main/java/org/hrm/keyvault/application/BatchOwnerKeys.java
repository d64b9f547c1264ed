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

    /** The KEK an owner's new records are sealed under, and the other one while the owner is re-keyed. */
    private record Loaded(OwnerKek forSealing, OwnerKek other) {
        Optional<OwnerKek> named(String kekId) {
            if (forSealing.kekId().equals(kekId)) {
                return Optional.of(forSealing);
            }
            return Optional.ofNullable(other).filter(kek -> kek.kekId().equals(kekId));
        }
    }

    private final RecordDomain domain;
    private final OwnerKeyStore store;
    private final KeyHierarchy hierarchy;
    private final Map<String, Loaded> keks = new HashMap<>();

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
            keks.put(ownerId, new Loaded(new OwnerKek(wrapped.kekId(), kek), null));
        }
        Set<String> lostRaces = store.insertNew(domain, created);
        lostRaces.forEach(ownerId -> zero(keks.remove(ownerId)));
        if (!load(lostRaces).isEmpty()) {
            throw new IllegalStateException("owner keys vanished while being created; the batch will be retried");
        }
    }

    /**
     * The KEK new records of an owner loaded or created by {@link #loadOrCreate} are sealed under: the current one,
     * or the one staged while the owner is re-keyed.
     */
    OwnerKek get(String ownerId) {
        Loaded kek = keks.get(ownerId);
        if (kek == null) {
            throw new IllegalStateException("owner KEK not loaded");
        }
        return kek.forSealing();
    }

    /** The owner's KEK named {@code kekId} (current or staged) if it still exists; never creates one. */
    Optional<OwnerKek> find(String ownerId, String kekId) {
        load(List.of(ownerId));
        return Optional.ofNullable(keks.get(ownerId)).flatMap(kek -> kek.named(kekId));
    }

    @Override
    public void close() {
        keks.values().forEach(BatchOwnerKeys::zero);
        keks.clear();
    }

    private static void zero(Loaded kek) {
        zero(kek.forSealing());
        if (kek.other() != null) {
            zero(kek.other());
        }
    }

    private Set<String> load(Collection<String> ownerIds) {
        Set<String> wanted = new LinkedHashSet<>(ownerIds);
        wanted.removeAll(keks.keySet());
        if (wanted.isEmpty()) {
            return wanted;
        }
        store.findWithPending(domain, wanted).forEach((ownerId, stored) -> {
            WrappedOwnerKey sealing = stored.forSealing();
            WrappedOwnerKey other = stored.pending() != null ? stored.current() : null;
            keks.put(ownerId, new Loaded(unwrap(sealing), other != null ? unwrap(other) : null));
        });
        wanted.removeAll(keks.keySet());
        return wanted;
    }

    private OwnerKek unwrap(WrappedOwnerKey wrapped) {
        return new OwnerKek(wrapped.kekId(), hierarchy.unwrapOwnerKey(domain, wrapped));
    }

    private static void zero(OwnerKek kek) {
        Arrays.fill(kek.key(), (byte) 0);
    }
}

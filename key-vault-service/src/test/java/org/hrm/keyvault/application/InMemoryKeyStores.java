package org.hrm.keyvault.application;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.StoredOwnerKeys;
import org.hrm.keyvault.domain.WrappedOwnerKey;
import org.hrm.keyvault.domain.WrappedRecordKey;

/**
 * Both key stores in memory, one map per domain, with insert-if-absent like a unique {@code _id}, and the erasure
 * and rotation views of them with the same conditions as the MongoDB adapter.
 */
final class InMemoryKeyStores {
    final Map<RecordDomain, Map<String, WrappedRecordKey>> records = perDomain();
    final Map<RecordDomain, Map<String, WrappedOwnerKey>> owners = perDomain();
    /** KEKs staged beside the owner's KEK while a single-record erasure re-keys the owner. */
    final Map<RecordDomain, Map<String, WrappedOwnerKey>> pending = perDomain();

    int recordInserts;
    int ownerInserts;

    final RecordKeyStore recordKeys = new RecordKeyStore() {
        @Override
        public Map<String, WrappedRecordKey> findAll(RecordDomain domain, Collection<String> recordIds) {
            return find(records.get(domain), recordIds);
        }

        @Override
        public Set<String> insertNew(RecordDomain domain, List<WrappedRecordKey> keys) {
            recordInserts++;
            return insert(records.get(domain), keys, WrappedRecordKey::recordId);
        }

        @Override
        public void withdraw(RecordDomain domain, Collection<WrappedRecordKey> keys) {
            keys.forEach(withdrawn -> records.get(domain)
                    .computeIfPresent(
                            withdrawn.recordId(), (id, key) -> key.kekId().equals(withdrawn.kekId()) ? null : key));
        }
    };

    final OwnerKeyStore ownerKeys = new OwnerKeyStore() {
        @Override
        public Map<String, WrappedOwnerKey> findAll(RecordDomain domain, Collection<String> ownerIds) {
            return find(owners.get(domain), ownerIds);
        }

        @Override
        public Map<String, StoredOwnerKeys> findWithPending(RecordDomain domain, Collection<String> ownerIds) {
            Map<String, StoredOwnerKeys> found = new LinkedHashMap<>();
            synchronized (InMemoryKeyStores.this) {
                find(owners.get(domain), ownerIds)
                        .forEach((ownerId, current) -> found.put(
                                ownerId,
                                new StoredOwnerKeys(current, pending.get(domain).get(ownerId))));
            }
            return found;
        }

        @Override
        public Set<String> insertNew(RecordDomain domain, List<WrappedOwnerKey> keys) {
            ownerInserts++;
            return insert(owners.get(domain), keys, WrappedOwnerKey::ownerId);
        }
    };

    final ErasableKeys erasableKeys = new ErasableKeys() {
        @Override
        public List<WrappedRecordKey> recordKeysOf(RecordDomain domain, String ownerId) {
            return records.get(domain).values().stream()
                    .filter(key -> key.ownerId().equals(ownerId))
                    .toList();
        }

        @Override
        public void deleteRecordKeys(RecordDomain domain, String ownerId, Collection<String> recordIds) {
            recordIds.forEach(id -> records.get(domain)
                    .computeIfPresent(id, (k, key) -> key.ownerId().equals(ownerId) ? null : key));
        }

        @Override
        public void deleteOwnerKey(RecordDomain domain, String ownerId, String kekId) {
            synchronized (InMemoryKeyStores.this) {
                WrappedOwnerKey current = owners.get(domain).get(ownerId);
                if (current != null && current.kekId().equals(kekId)) {
                    owners.get(domain).remove(ownerId);
                    pending.get(domain).remove(ownerId);
                }
            }
        }

        @Override
        public void stagePendingOwnerKey(
                RecordDomain domain, String ownerId, String currentKekId, WrappedOwnerKey staged) {
            synchronized (InMemoryKeyStores.this) {
                WrappedOwnerKey current = owners.get(domain).get(ownerId);
                if (current != null && current.kekId().equals(currentKekId)) {
                    pending.get(domain).putIfAbsent(ownerId, staged);
                }
            }
        }

        @Override
        public boolean rewrapRecordKey(
                RecordDomain domain, WrappedRecordKey stored, String newKekId, byte[] wrappedK2) {
            boolean[] replaced = {false};
            records.get(domain).computeIfPresent(stored.recordId(), (k, key) -> {
                if (!key.ownerId().equals(stored.ownerId()) || !key.kekId().equals(stored.kekId())) {
                    return key;
                }
                replaced[0] = true;
                return new WrappedRecordKey(
                        key.recordId(),
                        key.ownerId(),
                        newKekId,
                        wrappedK2,
                        key.submissionDigest(),
                        key.createdAt(),
                        key.provenance(),
                        key.pseudonymVersion());
            });
            return replaced[0];
        }

        @Override
        public void switchOwnerKey(RecordDomain domain, String ownerId, String oldKekId, WrappedOwnerKey staged) {
            synchronized (InMemoryKeyStores.this) {
                WrappedOwnerKey current = owners.get(domain).get(ownerId);
                WrappedOwnerKey waiting = pending.get(domain).get(ownerId);
                if (current != null
                        && current.kekId().equals(oldKekId)
                        && waiting != null
                        && waiting.kekId().equals(staged.kekId())) {
                    owners.get(domain).put(ownerId, waiting);
                    pending.get(domain).remove(ownerId);
                }
            }
        }
    };

    final OwnerKeyVersions ownerKeyVersions = new OwnerKeyVersions() {
        @Override
        public List<WrappedOwnerKey> wrappedBefore(RecordDomain domain, int version, String after, int limit) {
            return owners.get(domain).values().stream()
                    .filter(key ->
                            key.masterKeyVersion() < version && key.ownerId().compareTo(after) > 0)
                    .sorted(Comparator.comparing(WrappedOwnerKey::ownerId))
                    .limit(limit)
                    .toList();
        }

        @Override
        public long countWrappedBefore(RecordDomain domain, int version) {
            return owners.get(domain).values().stream()
                    .filter(key -> key.masterKeyVersion() < version)
                    .count();
        }

        @Override
        public long countWrappedUnder(RecordDomain domain, int version) {
            return owners.get(domain).values().stream()
                            .filter(key -> key.masterKeyVersion() == version)
                            .count()
                    + pending.get(domain).values().stream()
                            .filter(key -> key.masterKeyVersion() == version)
                            .count();
        }

        @Override
        public boolean replace(RecordDomain domain, WrappedOwnerKey stored, WrappedOwnerKey rewrapped) {
            return owners.get(domain).replace(stored.ownerId(), stored, rewrapped);
        }
    };

    private static <V> Map<RecordDomain, Map<String, V>> perDomain() {
        Map<RecordDomain, Map<String, V>> maps = new LinkedHashMap<>();
        for (RecordDomain domain : RecordDomain.values()) {
            maps.put(domain, new ConcurrentHashMap<>());
        }
        return maps;
    }

    private static <V> Map<String, V> find(Map<String, V> store, Collection<String> ids) {
        Map<String, V> found = new LinkedHashMap<>();
        ids.forEach(id -> {
            if (store.containsKey(id)) {
                found.put(id, store.get(id));
            }
        });
        return found;
    }

    private static <V> Set<String> insert(Map<String, V> store, List<V> values, Function<V, String> id) {
        Set<String> existing = new HashSet<>();
        for (V value : values) {
            if (store.putIfAbsent(id.apply(value), value) != null) {
                existing.add(id.apply(value));
            }
        }
        return existing;
    }
}

package org.hrm.keyvault.application;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedOwnerKey;
import org.hrm.keyvault.domain.WrappedRecordKey;

/** Both key stores in memory, one map per domain, with insert-if-absent like a unique {@code _id}. */
final class InMemoryKeyStores {
    final Map<RecordDomain, Map<String, WrappedRecordKey>> records = perDomain();
    final Map<RecordDomain, Map<String, WrappedOwnerKey>> owners = perDomain();
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
    };

    final OwnerKeyStore ownerKeys = new OwnerKeyStore() {
        @Override
        public Map<String, WrappedOwnerKey> findAll(RecordDomain domain, Collection<String> ownerIds) {
            return find(owners.get(domain), ownerIds);
        }

        @Override
        public Set<String> insertNew(RecordDomain domain, List<WrappedOwnerKey> keys) {
            ownerInserts++;
            return insert(owners.get(domain), keys, WrappedOwnerKey::ownerId);
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

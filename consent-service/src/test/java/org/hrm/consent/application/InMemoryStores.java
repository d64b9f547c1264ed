package org.hrm.consent.application;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hrm.consent.domain.Grant;
import org.hrm.consent.domain.Party;
import org.hrm.consent.domain.RecordDomain;
import org.hrm.consent.domain.RecordEntry;
import org.hrm.consent.domain.Revocation;
import org.hrm.consent.domain.SignedDecision;

/** Every port in memory, one map per domain, with insert-if-absent like a unique {@code _id}. */
final class InMemoryStores {
    final Map<String, Party> parties = new HashMap<>();
    final Map<String, SignedHistory> histories = new HashMap<>();
    final Map<RecordDomain, Map<String, RecordEntry>> records = perDomain();
    final Map<RecordDomain, Map<String, StoredGrant>> grants = perDomain();
    final Map<RecordDomain, Map<String, SignedDecision>> decisions = perDomain();

    final PartyStore partyStore = new PartyStore() {
        @Override
        public Map<String, Party> findAll(Collection<String> partyIds) {
            return find(parties, partyIds);
        }

        @Override
        public Optional<SignedHistory> history(String partyId) {
            return Optional.ofNullable(histories.get(partyId));
        }

        @Override
        public boolean replace(Party next, SignedHistory history, byte[] expectedCurrentKey) {
            Party current = parties.get(next.partyId());
            boolean expected = expectedCurrentKey == null
                    ? current == null
                    : current != null && java.util.Arrays.equals(current.publicKey(), expectedCurrentKey);
            if (expected) {
                parties.put(next.partyId(), next);
                if (history == null) {
                    histories.remove(next.partyId());
                } else {
                    histories.put(next.partyId(), history);
                }
            }
            return expected;
        }
    };

    final RecordIndex recordIndex = new RecordIndex() {
        @Override
        public Map<String, RecordEntry> findAll(RecordDomain domain, Collection<String> recordIds) {
            return find(records.get(domain), recordIds);
        }

        @Override
        public Set<String> insertNew(RecordDomain domain, List<RecordEntry> entries) {
            return insert(records.get(domain), entries, RecordEntry::recordId);
        }

        @Override
        public void markErased(RecordEntry erased) {
            records.get(erased.domain())
                    .merge(
                            erased.recordId(),
                            erased,
                            (stored, entry) -> stored.erased()
                                    ? stored
                                    : new RecordEntry(
                                            stored.recordId(),
                                            stored.domain(),
                                            stored.ownerId(),
                                            stored.authorId(),
                                            stored.category(),
                                            entry.erasure()));
        }
    };

    final GrantStore grantStore = new GrantStore() {
        @Override
        public Optional<StoredGrant> find(RecordDomain domain, String grantId) {
            return Optional.ofNullable(grants.get(domain).get(grantId));
        }

        @Override
        public List<Grant> findByOwners(RecordDomain domain, Collection<String> ownerIds) {
            return grants.get(domain).values().stream()
                    .map(StoredGrant::grant)
                    .filter(grant -> grant != null && ownerIds.contains(grant.ownerId()))
                    .toList();
        }

        @Override
        public boolean insertNew(Grant grant) {
            return grants.get(grant.domain()).putIfAbsent(grant.grantId(), StoredGrant.of(grant)) == null;
        }

        @Override
        public boolean insertEarlyRevocation(Revocation revocation) {
            return grants.get(revocation.domain()).putIfAbsent(revocation.grantId(), StoredGrant.early(revocation))
                    == null;
        }

        @Override
        public boolean replaceEarlyRevocation(Grant grant) {
            StoredGrant stored = grants.get(grant.domain()).get(grant.grantId());
            if (stored == null || stored.earlyRevocation() == null) {
                return false;
            }
            grants.get(grant.domain()).put(grant.grantId(), StoredGrant.of(grant));
            return true;
        }

        @Override
        public boolean markRevoked(RecordDomain domain, String grantId, Instant revokedAt) {
            StoredGrant stored = grants.get(domain).get(grantId);
            if (stored == null || stored.grant() == null || stored.grant().revoked()) {
                return false;
            }
            grants.get(domain).put(grantId, StoredGrant.of(stored.grant().revokedAt(revokedAt)));
            return true;
        }

        @Override
        public boolean markEnded(RecordDomain domain, String grantId, Instant endedAt, String reason) {
            StoredGrant stored = grants.get(domain).get(grantId);
            if (stored == null || stored.grant() == null || stored.grant().ended()) {
                return false;
            }
            grants.get(domain).put(grantId, StoredGrant.of(stored.grant().endedAt(endedAt, reason)));
            return true;
        }
    };

    final DecisionStore decisionStore = new DecisionStore() {
        @Override
        public Map<String, SignedDecision> findAll(RecordDomain domain, Collection<String> requestIds) {
            return find(decisions.get(domain), requestIds);
        }

        @Override
        public Set<String> insertNew(RecordDomain domain, List<SignedDecision> signed) {
            return insert(decisions.get(domain), signed, each -> each.decision().requestId());
        }
    };

    private static <V> Map<RecordDomain, Map<String, V>> perDomain() {
        Map<RecordDomain, Map<String, V>> maps = new EnumMap<>(RecordDomain.class);
        for (RecordDomain domain : RecordDomain.values()) {
            maps.put(domain, new LinkedHashMap<>());
        }
        return maps;
    }

    private static <V> Map<String, V> find(Map<String, V> map, Collection<String> ids) {
        Map<String, V> found = new HashMap<>();
        ids.forEach(id -> {
            if (map.containsKey(id)) {
                found.put(id, map.get(id));
            }
        });
        return found;
    }

    private static <V> Set<String> insert(Map<String, V> map, List<V> values, Function<V, String> id) {
        Set<String> existing = new HashSet<>();
        values.forEach(value -> {
            if (map.putIfAbsent(id.apply(value), value) != null) {
                existing.add(id.apply(value));
            }
        });
        return existing;
    }
}

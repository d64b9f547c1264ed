package org.hrm.consent.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.hrm.consent.application.GrantStore;
import org.hrm.consent.application.StoredGrant;
import org.hrm.consent.domain.Grant;
import org.hrm.consent.domain.RecordDomain;
import org.hrm.consent.domain.Revocation;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Grants in {@code <domain>_grants}, one document per grant id, indexed by owner. A revocation that arrives before
 * its grant is a document flagged {@code earlyRevocation} until the grant replaces it. A grant ended because its
 * records were erased has {@code status} ENDED, {@code endedAt} and {@code endReason}.
 */
@Component
class MongoGrantStore implements GrantStore {
    private static final String EARLY = "earlyRevocation";

    private final MongoTemplate mongo;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

    MongoGrantStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<StoredGrant> find(RecordDomain domain, String grantId) {
        return Optional.ofNullable(
                        collection(domain).find(Filters.eq("_id", grantId)).first())
                .map(document -> document.getBoolean(EARLY, false)
                        ? StoredGrant.early(GrantDocuments.earlyRevocation(domain, document))
                        : StoredGrant.of(GrantDocuments.grant(domain, document)));
    }

    @Override
    public List<Grant> findByOwners(RecordDomain domain, Collection<String> ownerIds) {
        List<Grant> found = new ArrayList<>();
        if (!ownerIds.isEmpty()) {
            collection(domain).find(Filters.in("ownerId", ownerIds)).forEach(document -> {
                if (!document.getBoolean(EARLY, false)) {
                    found.add(GrantDocuments.grant(domain, document));
                }
            });
        }
        return found;
    }

    @Override
    public boolean insertNew(Grant grant) {
        return KeyedDocuments.insertNew(collection(grant.domain()), GrantDocuments.of(grant));
    }

    @Override
    public boolean insertEarlyRevocation(Revocation revocation) {
        return KeyedDocuments.insertNew(
                collection(revocation.domain()), GrantDocuments.of(revocation).append(EARLY, true));
    }

    @Override
    public boolean replaceEarlyRevocation(Grant grant) {
        return collection(grant.domain())
                        .replaceOne(
                                Filters.and(Filters.eq("_id", grant.grantId()), Filters.eq(EARLY, true)),
                                GrantDocuments.of(grant))
                        .getMatchedCount()
                == 1;
    }

    @Override
    public boolean markRevoked(RecordDomain domain, String grantId, Instant revokedAt) {
        return collection(domain)
                        .updateOne(
                                Filters.and(
                                        Filters.eq("_id", grantId),
                                        Filters.ne(EARLY, true),
                                        Filters.eq("revokedAt", null)),
                                Updates.set("revokedAt", KeyedDocuments.instant(revokedAt)))
                        .getModifiedCount()
                == 1;
    }

    @Override
    public boolean markEnded(RecordDomain domain, String grantId, Instant endedAt, String reason) {
        return collection(domain)
                        .updateOne(
                                Filters.and(
                                        Filters.eq("_id", grantId),
                                        Filters.ne(EARLY, true),
                                        Filters.eq(GrantDocuments.ENDED_AT, null)),
                                Updates.combine(
                                        Updates.set(GrantDocuments.STATUS, GrantDocuments.ENDED),
                                        Updates.set(GrantDocuments.ENDED_AT, KeyedDocuments.instant(endedAt)),
                                        Updates.set(GrantDocuments.END_REASON, reason)))
                        .getModifiedCount()
                == 1;
    }

    /** The domain's collection, with its owner index created on first use (retried if Mongo was down). */
    private MongoCollection<Document> collection(RecordDomain domain) {
        String name = ConsentCollections.grants(domain);
        MongoCollection<Document> collection = mongo.getCollection(name);
        if (!indexed.contains(name)) {
            collection.createIndex(Indexes.ascending("ownerId"));
            indexed.add(name);
        }
        return collection;
    }
}

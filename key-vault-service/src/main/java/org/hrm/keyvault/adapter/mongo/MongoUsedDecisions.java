package org.hrm.keyvault.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;
import org.hrm.keyvault.application.UsedDecisions;
import org.hrm.keyvault.domain.DecisionUse;
import org.hrm.keyvault.domain.RecordDomain;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Single-use marks in {@code <domain>_used_decisions}: one document per request id (the {@code _id}), so the
 * first claim wins without transactions. Holds no key, share or ciphertext; {@code expiresAt} lets a TTL index
 * purge marks whose decisions are expired (an expired decision is refused before its mark is looked at).
 */
@Component
class MongoUsedDecisions implements UsedDecisions {
    private static final String STATE = "state";

    private final MongoTemplate mongo;

    MongoUsedDecisions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, DecisionUse> claim(RecordDomain domain, List<DecisionUse> claims) {
        MongoCollection<Document> collection = collection(domain);
        Set<String> existing = KeyedDocuments.insertNew(
                collection, claims.stream().map(MongoUsedDecisions::toDocument).toList());
        Map<String, DecisionUse> found = new HashMap<>();
        KeyedDocuments.findByIds(
                collection, existing, document -> found.put(document.getString("_id"), fromDocument(document)));
        if (found.size() != existing.size()) {
            throw new IllegalStateException("a used-decision mark vanished while claiming; the batch will be retried");
        }
        return found;
    }

    @Override
    public void settle(RecordDomain domain, Collection<String> released, Collection<String> denied, Instant at) {
        MongoCollection<Document> collection = collection(domain);
        settle(collection, released, DecisionUse.State.RELEASED, at);
        settle(collection, denied, DecisionUse.State.DENIED, at);
    }

    private static void settle(
            MongoCollection<Document> collection, Collection<String> ids, DecisionUse.State state, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        collection.updateMany(
                Filters.and(Filters.in("_id", ids), Filters.eq(STATE, DecisionUse.State.RELEASING.name())),
                Updates.combine(Updates.set(STATE, state.name()), Updates.set("settledAt", Date.from(at))));
    }

    private MongoCollection<Document> collection(RecordDomain domain) {
        return mongo.getCollection(VaultCollections.usedDecisions(domain));
    }

    private static Document toDocument(DecisionUse use) {
        return new Document("_id", use.requestId())
                .append("recordId", use.recordId())
                .append(STATE, use.state().name())
                .append("signatureDigest", new Binary(use.signatureDigest()))
                .append("claimedAt", Date.from(use.claimedAt()))
                .append("expiresAt", Date.from(use.expiresAt()));
    }

    private static DecisionUse fromDocument(Document document) {
        return new DecisionUse(
                document.getString("_id"),
                document.getString("recordId"),
                DecisionUse.State.valueOf(document.getString(STATE)),
                document.get("signatureDigest", Binary.class).getData(),
                document.getDate("claimedAt").toInstant(),
                document.getDate("expiresAt").toInstant());
    }
}

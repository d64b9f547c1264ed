package org.hrm.keyvault.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hrm.keyvault.application.ErasureStore;
import org.hrm.keyvault.domain.ErasedKey;
import org.hrm.keyvault.domain.Erasure;
import org.hrm.keyvault.domain.IssuedReceipt;
import org.hrm.keyvault.domain.RecordDomain;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Erasures in {@code <domain>_erasures}, one document per request id (the {@code _id}): the plan is inserted once,
 * and every later change is one update conditional on the state it leaves, then read back.
 */
@Component
class MongoErasures implements ErasureStore {
    private final MongoTemplate mongo;

    MongoErasures(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Erasure> find(RecordDomain domain, String requestId) {
        Document document = collection(domain).find(eq("_id", requestId)).first();
        return Optional.ofNullable(document).map(found -> ErasureDocuments.fromDocument(domain, found));
    }

    @Override
    public Erasure plan(RecordDomain domain, Erasure planned) {
        KeyedDocuments.insertNew(collection(domain), List.of(ErasureDocuments.toDocument(planned)));
        return stored(domain, planned.requestId());
    }

    @Override
    public Erasure extend(
            RecordDomain domain, String requestId, List<String> recordIds, Map<String, Integer> pseudonymVersions) {
        List<Document> keys =
                recordIds.stream().map(ErasedKey::k2).map(ErasureDocuments::key).toList();
        List<Bson> changes = new ArrayList<>();
        changes.add(Updates.addEachToSet(ErasureDocuments.RECORD_IDS, recordIds));
        changes.add(Updates.addEachToSet(ErasureDocuments.KEYS, keys));
        pseudonymVersions.forEach((recordId, version) ->
                changes.add(Updates.set(ErasureDocuments.PSEUDONYM_VERSIONS + "." + recordId, version)));
        return update(domain, requestId, Erasure.State.PLANNED, Updates.combine(changes));
    }

    @Override
    public Erasure markDestroyed(RecordDomain domain, String requestId, Instant destroyedAt) {
        return update(
                domain,
                requestId,
                Erasure.State.PLANNED,
                Updates.combine(
                        Updates.set(ErasureDocuments.STATE, Erasure.State.DESTROYED.name()),
                        Updates.set("destroyedAt", Date.from(destroyedAt))));
    }

    @Override
    public Erasure markReceipted(RecordDomain domain, String requestId, IssuedReceipt receipt) {
        return update(
                domain,
                requestId,
                Erasure.State.DESTROYED,
                Updates.combine(
                        Updates.set(ErasureDocuments.STATE, Erasure.State.RECEIPTED.name()),
                        Updates.set("receipt", ErasureDocuments.receipt(receipt))));
    }

    private Erasure update(RecordDomain domain, String requestId, Erasure.State from, Bson change) {
        collection(domain).updateOne(and(eq("_id", requestId), eq(ErasureDocuments.STATE, from.name())), change);
        return stored(domain, requestId);
    }

    private Erasure stored(RecordDomain domain, String requestId) {
        return find(domain, requestId)
                .orElseThrow(() ->
                        new IllegalStateException("erasure " + requestId + " vanished; the batch will be retried"));
    }

    private MongoCollection<Document> collection(RecordDomain domain) {
        return mongo.getCollection(VaultCollections.erasures(domain));
    }
}

package org.hrm.keyvault.adapter.mongo;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.hrm.keyvault.application.ErasedRecords;
import org.hrm.keyvault.domain.RecordDomain;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Erased-record markers in {@code <domain>_erased_records}, one per record id (the {@code _id}); never deleted. */
@Component
class MongoErasedRecords implements ErasedRecords {
    private final MongoTemplate mongo;

    MongoErasedRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, String> find(RecordDomain domain, Collection<String> recordIds) {
        Map<String, String> found = new HashMap<>();
        KeyedDocuments.findByIds(
                mongo.getCollection(VaultCollections.erasedRecords(domain)),
                recordIds,
                document -> found.put(document.getString("_id"), document.getString("ownerId")));
        return found;
    }

    @Override
    public void mark(RecordDomain domain, String ownerId, String requestId, Collection<String> recordIds, Instant at) {
        KeyedDocuments.insertNew(
                mongo.getCollection(VaultCollections.erasedRecords(domain)),
                recordIds.stream()
                        .map(recordId -> new Document("_id", recordId)
                                .append("ownerId", ownerId)
                                .append("requestId", requestId)
                                .append("erasedAt", Date.from(at)))
                        .toList());
    }
}

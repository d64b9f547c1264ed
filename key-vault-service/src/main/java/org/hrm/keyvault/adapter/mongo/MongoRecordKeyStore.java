package org.hrm.keyvault.adapter.mongo;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;
import org.hrm.keyvault.application.RecordKeyStore;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedRecordKey;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Record keys in {@code <domain>_record_keys}: one document per record id (the {@code _id}). */
@Component
class MongoRecordKeyStore implements RecordKeyStore {
    private final MongoTemplate mongo;

    MongoRecordKeyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, WrappedRecordKey> findAll(RecordDomain domain, Collection<String> recordIds) {
        Map<String, WrappedRecordKey> found = new HashMap<>();
        KeyedDocuments.findByIds(
                mongo.getCollection(VaultCollections.recordKeys(domain)),
                recordIds,
                document -> found.put(document.getString("_id"), fromDocument(document)));
        return found;
    }

    @Override
    public Set<String> insertNew(RecordDomain domain, List<WrappedRecordKey> keys) {
        return KeyedDocuments.insertNew(
                mongo.getCollection(VaultCollections.recordKeys(domain)),
                keys.stream().map(MongoRecordKeyStore::toDocument).toList());
    }

    private static Document toDocument(WrappedRecordKey key) {
        return new Document("_id", key.recordId())
                .append("ownerId", key.ownerId())
                .append("kekId", key.kekId())
                .append("wrappedK2", new Binary(key.wrappedK2()))
                .append("submissionDigest", new Binary(key.submissionDigest()))
                .append("createdAt", Date.from(key.createdAt()));
    }

    static WrappedRecordKey fromDocument(Document document) {
        return new WrappedRecordKey(
                document.getString("_id"),
                document.getString("ownerId"),
                document.getString("kekId"),
                document.get("wrappedK2", Binary.class).getData(),
                document.get("submissionDigest", Binary.class).getData(),
                document.getDate("createdAt").toInstant());
    }
}

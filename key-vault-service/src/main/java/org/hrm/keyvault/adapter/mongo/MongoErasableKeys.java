package org.hrm.keyvault.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.hrm.keyvault.application.ErasableKeys;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedRecordKey;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Key deletion for erasure, in the domain's own collections only. Every delete filters by owner as well as id, so
 * it can never reach another owner's keys. A deleted document is gone from the live database; copies made before
 * (backups, an oplog window) still hold it wrapped, which master key retirement answers for KEKs.
 */
@Component
class MongoErasableKeys implements ErasableKeys {
    private final MongoTemplate mongo;
    private final Set<RecordDomain> indexed = ConcurrentHashMap.newKeySet();

    MongoErasableKeys(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<WrappedRecordKey> recordKeysOf(RecordDomain domain, String ownerId) {
        List<WrappedRecordKey> found = new ArrayList<>();
        recordKeys(domain)
                .find(eq("ownerId", ownerId))
                .forEach(document -> found.add(MongoRecordKeyStore.fromDocument(document)));
        return found;
    }

    @Override
    public void deleteRecordKeys(RecordDomain domain, String ownerId, Collection<String> recordIds) {
        if (!recordIds.isEmpty()) {
            recordKeys(domain).deleteMany(and(in("_id", recordIds), eq("ownerId", ownerId)));
        }
    }

    @Override
    public void deleteOwnerKey(RecordDomain domain, String ownerId, String kekId) {
        mongo.getCollection(VaultCollections.ownerKeys(domain)).deleteOne(and(eq("_id", ownerId), eq("kekId", kekId)));
    }

    /** The owner index is made on first use, so the vault starts (and seals) while MongoDB is still coming up. */
    private MongoCollection<Document> recordKeys(RecordDomain domain) {
        MongoCollection<Document> collection = mongo.getCollection(VaultCollections.recordKeys(domain));
        if (indexed.add(domain)) {
            collection.createIndex(Indexes.ascending("ownerId"));
        }
        return collection;
    }
}

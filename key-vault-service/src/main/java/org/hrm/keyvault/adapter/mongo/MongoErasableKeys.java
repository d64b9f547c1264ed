package org.hrm.keyvault.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.types.Binary;
import org.hrm.keyvault.application.ErasableKeys;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedOwnerKey;
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

    @Override
    public void stagePendingOwnerKey(
            RecordDomain domain, String ownerId, String currentKekId, WrappedOwnerKey pending) {
        ownerKeys(domain)
                .updateOne(
                        and(
                                eq("_id", ownerId),
                                eq("kekId", currentKekId),
                                exists(MongoOwnerKeyStore.PENDING_KEK_ID, false)),
                        Updates.combine(
                                Updates.set(MongoOwnerKeyStore.PENDING_KEK_ID, pending.kekId()),
                                Updates.set(MongoOwnerKeyStore.PENDING_WRAPPED_KEK, new Binary(pending.wrappedKek())),
                                Updates.set(MongoOwnerKeyStore.PENDING_VERSION, pending.masterKeyVersion()),
                                Updates.set(MongoOwnerKeyStore.PENDING_CREATED_AT, Date.from(pending.createdAt()))));
    }

    @Override
    public int rewrapRecordKeys(RecordDomain domain, List<Rewrapped> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        Date at = new Date();
        List<UpdateOneModel<Document>> updates = keys.stream()
                .map(key -> new UpdateOneModel<Document>(
                        and(
                                eq("_id", key.stored().recordId()),
                                eq("ownerId", key.stored().ownerId()),
                                eq("kekId", key.stored().kekId())),
                        Updates.combine(
                                Updates.set("kekId", key.newKekId()),
                                Updates.set("wrappedK2", new Binary(key.wrappedK2())),
                                Updates.set("rekeyedAt", at))))
                .toList();
        // Unordered: each update stands alone (a key re-wrapped or erased meanwhile simply matches nothing).
        return recordKeys(domain)
                .bulkWrite(updates, new BulkWriteOptions().ordered(false))
                .getMatchedCount();
    }

    @Override
    public void switchOwnerKey(RecordDomain domain, String ownerId, String oldKekId, WrappedOwnerKey pending) {
        ownerKeys(domain)
                .updateOne(
                        and(
                                eq("_id", ownerId),
                                eq("kekId", oldKekId),
                                eq(MongoOwnerKeyStore.PENDING_KEK_ID, pending.kekId())),
                        Updates.combine(
                                Updates.set("kekId", pending.kekId()),
                                Updates.set("wrappedKek", new Binary(pending.wrappedKek())),
                                Updates.set("masterKeyVersion", pending.masterKeyVersion()),
                                Updates.set("createdAt", Date.from(pending.createdAt())),
                                Updates.unset(MongoOwnerKeyStore.PENDING_KEK_ID),
                                Updates.unset(MongoOwnerKeyStore.PENDING_WRAPPED_KEK),
                                Updates.unset(MongoOwnerKeyStore.PENDING_VERSION),
                                Updates.unset(MongoOwnerKeyStore.PENDING_CREATED_AT)));
    }

    private MongoCollection<Document> ownerKeys(RecordDomain domain) {
        return mongo.getCollection(VaultCollections.ownerKeys(domain));
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

package org.hrm.keyvault.adapter.mongo;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;
import org.hrm.keyvault.application.OwnerKeyStore;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.StoredOwnerKeys;
import org.hrm.keyvault.domain.WrappedOwnerKey;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Owner KEKs in {@code <domain>_owner_keys}: one document per owner id (the {@code _id}); while a single-record
 * erasure re-keys the owner, the new KEK is staged in the {@code pending*} fields of the same document.
 */
@Component
class MongoOwnerKeyStore implements OwnerKeyStore {
    static final String PENDING_KEK_ID = "pendingKekId";
    static final String PENDING_WRAPPED_KEK = "pendingWrappedKek";
    static final String PENDING_VERSION = "pendingMasterKeyVersion";
    static final String PENDING_CREATED_AT = "pendingCreatedAt";

    private final MongoTemplate mongo;

    MongoOwnerKeyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, WrappedOwnerKey> findAll(RecordDomain domain, Collection<String> ownerIds) {
        Map<String, WrappedOwnerKey> found = new HashMap<>();
        KeyedDocuments.findByIds(
                mongo.getCollection(VaultCollections.ownerKeys(domain)),
                ownerIds,
                document -> found.put(document.getString("_id"), fromDocument(document)));
        return found;
    }

    @Override
    public Map<String, StoredOwnerKeys> findWithPending(RecordDomain domain, Collection<String> ownerIds) {
        Map<String, StoredOwnerKeys> found = new HashMap<>();
        KeyedDocuments.findByIds(
                mongo.getCollection(VaultCollections.ownerKeys(domain)),
                ownerIds,
                document -> found.put(
                        document.getString("_id"),
                        new StoredOwnerKeys(fromDocument(document), pendingFromDocument(document))));
        return found;
    }

    @Override
    public Set<String> insertNew(RecordDomain domain, List<WrappedOwnerKey> keys) {
        return KeyedDocuments.insertNew(
                mongo.getCollection(VaultCollections.ownerKeys(domain)),
                keys.stream().map(MongoOwnerKeyStore::toDocument).toList());
    }

    private static Document toDocument(WrappedOwnerKey key) {
        return new Document("_id", key.ownerId())
                .append("kekId", key.kekId())
                .append("wrappedKek", new Binary(key.wrappedKek()))
                .append("masterKeyVersion", key.masterKeyVersion())
                .append("createdAt", Date.from(key.createdAt()));
    }

    static WrappedOwnerKey fromDocument(Document document) {
        return new WrappedOwnerKey(
                document.getString("_id"),
                document.getString("kekId"),
                document.get("wrappedKek", Binary.class).getData(),
                document.getInteger("masterKeyVersion"),
                document.getDate("createdAt").toInstant());
    }

    /** The KEK a re-key is switching to, staged beside the current one, or null. */
    static WrappedOwnerKey pendingFromDocument(Document document) {
        String kekId = document.getString(PENDING_KEK_ID);
        if (kekId == null) {
            return null;
        }
        return new WrappedOwnerKey(
                document.getString("_id"),
                kekId,
                document.get(PENDING_WRAPPED_KEK, Binary.class).getData(),
                document.getInteger(PENDING_VERSION),
                document.getDate(PENDING_CREATED_AT).toInstant());
    }
}

package org.hrm.keyvault.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.types.Binary;
import org.hrm.keyvault.application.RecordKeyStore;
import org.hrm.keyvault.domain.ReaderShare;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.SealedProvenance;
import org.hrm.keyvault.domain.WrappedRecordKey;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Record keys in {@code <domain>_record_keys}: one document per record id (the {@code _id}), holding the wrapped K2,
 * the sealed submission's provenance ({@code provenance}: author, shares, signature, category; never C1) and the
 * pseudonym version of its ledger entry. Erasure deletes the document, so provenance and K2 go together.
 */
@Component
class MongoRecordKeyStore implements RecordKeyStore {
    private static final String PROVENANCE = "provenance";
    private static final String PSEUDONYM_VERSION = "pseudonymVersion";
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

    @Override
    public void withdraw(RecordDomain domain, Collection<WrappedRecordKey> keys) {
        var collection = mongo.getCollection(VaultCollections.recordKeys(domain));
        // One delete per KEK id (a batch's keys of one owner share it), not one per key.
        keys.stream()
                .collect(Collectors.groupingBy(
                        WrappedRecordKey::kekId, Collectors.mapping(WrappedRecordKey::recordId, Collectors.toList())))
                .forEach((kekId, recordIds) -> collection.deleteMany(and(in("_id", recordIds), eq("kekId", kekId))));
    }

    private static Document toDocument(WrappedRecordKey key) {
        Document document = new Document("_id", key.recordId())
                .append("ownerId", key.ownerId())
                .append("kekId", key.kekId())
                .append("wrappedK2", new Binary(key.wrappedK2()))
                .append("submissionDigest", new Binary(key.submissionDigest()))
                .append("createdAt", Date.from(key.createdAt()));
        if (key.provenance() != null) {
            document.append(PROVENANCE, provenance(key.provenance()));
        }
        if (key.pseudonymVersion() != null) {
            document.append(PSEUDONYM_VERSION, key.pseudonymVersion());
        }
        return document;
    }

    static WrappedRecordKey fromDocument(Document document) {
        Document provenance = document.get(PROVENANCE, Document.class);
        return new WrappedRecordKey(
                document.getString("_id"),
                document.getString("ownerId"),
                document.getString("kekId"),
                document.get("wrappedK2", Binary.class).getData(),
                document.get("submissionDigest", Binary.class).getData(),
                document.getDate("createdAt").toInstant(),
                provenance == null ? null : provenance(provenance),
                document.getInteger(PSEUDONYM_VERSION));
    }

    private static Document provenance(SealedProvenance provenance) {
        return new Document("authorId", provenance.authorId())
                .append(
                        "shares",
                        provenance.shares().stream()
                                .map(share -> new Document("readerId", share.readerId())
                                        .append("share", new Binary(share.share())))
                                .toList())
                .append("authorSignature", new Binary(provenance.authorSignature()))
                .append("category", provenance.category());
    }

    private static SealedProvenance provenance(Document document) {
        return new SealedProvenance(
                document.getString("authorId"),
                document.getList("shares", Document.class).stream()
                        .map(share -> new ReaderShare(
                                share.getString("readerId"),
                                share.get("share", Binary.class).getData()))
                        .toList(),
                document.get("authorSignature", Binary.class).getData(),
                document.getString("category"));
    }
}

package org.hrm.consent.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.hrm.consent.application.RecordIndex;
import org.hrm.consent.domain.RecordDomain;
import org.hrm.consent.domain.RecordEntry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The record index in {@code <domain>_records}: one document per record id (the {@code _id}), {@code state}
 * INDEXED or ERASED (with {@code erasedAt} and {@code erasureRequestId}); documents without a state are INDEXED.
 */
@Component
class MongoRecordIndex implements RecordIndex {
    private static final String STATE = "state";
    private static final String INDEXED = "INDEXED";
    private static final String ERASED = "ERASED";
    private static final String ERASED_AT = "erasedAt";
    private static final String ERASURE_REQUEST_ID = "erasureRequestId";

    private final MongoTemplate mongo;

    MongoRecordIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, RecordEntry> findAll(RecordDomain domain, Collection<String> recordIds) {
        Map<String, RecordEntry> found = new HashMap<>();
        KeyedDocuments.findByIds(
                collection(domain),
                recordIds,
                document -> found.put(document.getString("_id"), fromDocument(domain, document)));
        return found;
    }

    @Override
    public Set<String> insertNew(RecordDomain domain, List<RecordEntry> entries) {
        return KeyedDocuments.insertNew(
                collection(domain),
                entries.stream().map(MongoRecordIndex::toDocument).toList());
    }

    @Override
    public void markErased(RecordEntry erased) {
        MongoCollection<Document> collection = collection(erased.domain());
        if (mark(collection, erased) || KeyedDocuments.insertNew(collection, toDocument(erased))) {
            return;
        }
        // The insert lost to a RecordSubmitted indexed since the mark (or to an earlier erasure): mark that one.
        mark(collection, erased);
    }

    /** Marks an indexed, not yet erased record; false when it is not there or erased already. */
    private static boolean mark(MongoCollection<Document> collection, RecordEntry erased) {
        return collection
                        .updateOne(
                                Filters.and(Filters.eq("_id", erased.recordId()), Filters.ne(STATE, ERASED)),
                                Updates.combine(
                                        Updates.set(STATE, ERASED),
                                        Updates.set(
                                                ERASED_AT,
                                                KeyedDocuments.instant(
                                                        erased.erasure().erasedAt())),
                                        Updates.set(
                                                ERASURE_REQUEST_ID,
                                                erased.erasure().requestId())))
                        .getMatchedCount()
                == 1;
    }

    private MongoCollection<Document> collection(RecordDomain domain) {
        return mongo.getCollection(ConsentCollections.records(domain));
    }

    private static Document toDocument(RecordEntry entry) {
        Document document = new Document("_id", entry.recordId())
                .append("ownerId", entry.ownerId())
                .append("authorId", entry.authorId())
                .append("category", entry.category())
                .append(STATE, entry.erased() ? ERASED : INDEXED);
        if (entry.erased()) {
            document.append(ERASED_AT, KeyedDocuments.instant(entry.erasure().erasedAt()))
                    .append(ERASURE_REQUEST_ID, entry.erasure().requestId());
        }
        return document;
    }

    private static RecordEntry fromDocument(RecordDomain domain, Document document) {
        RecordEntry.Erased erasure = ERASED.equals(document.getString(STATE))
                ? new RecordEntry.Erased(
                        document.getString(ERASURE_REQUEST_ID), KeyedDocuments.instant(document, ERASED_AT))
                : null;
        return new RecordEntry(
                document.getString("_id"),
                domain,
                document.getString("ownerId"),
                document.getString("authorId"),
                document.getString("category"),
                erasure);
    }
}

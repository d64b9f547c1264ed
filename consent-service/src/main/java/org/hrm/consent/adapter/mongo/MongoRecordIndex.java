package org.hrm.consent.adapter.mongo;

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

/** The record index in {@code <domain>_records}: one document per record id (the {@code _id}). */
@Component
class MongoRecordIndex implements RecordIndex {
    private final MongoTemplate mongo;

    MongoRecordIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, RecordEntry> findAll(RecordDomain domain, Collection<String> recordIds) {
        Map<String, RecordEntry> found = new HashMap<>();
        KeyedDocuments.findByIds(
                mongo.getCollection(ConsentCollections.records(domain)),
                recordIds,
                document -> found.put(document.getString("_id"), fromDocument(domain, document)));
        return found;
    }

    @Override
    public Set<String> insertNew(RecordDomain domain, List<RecordEntry> entries) {
        return KeyedDocuments.insertNew(
                mongo.getCollection(ConsentCollections.records(domain)),
                entries.stream().map(MongoRecordIndex::toDocument).toList());
    }

    private static Document toDocument(RecordEntry entry) {
        return new Document("_id", entry.recordId())
                .append("ownerId", entry.ownerId())
                .append("authorId", entry.authorId())
                .append("category", entry.category());
    }

    private static RecordEntry fromDocument(RecordDomain domain, Document document) {
        return new RecordEntry(
                document.getString("_id"),
                domain,
                document.getString("ownerId"),
                document.getString("authorId"),
                document.getString("category"));
    }
}

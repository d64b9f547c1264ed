package org.hrm.consent.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Inserts keyed by {@code _id} that report which ids already existed. Without transactions the unique {@code _id}
 * is the lock: the first writer wins, the others read back what it wrote.
 *
 * <p>Instants are stored as ISO-8601 strings: exact to the nanosecond, so a stored decision re-published later
 * has the very bytes its signature covers (a BSON date would cut them to milliseconds).
 */
final class KeyedDocuments {
    private KeyedDocuments() {}

    /** Inserts all documents, unordered; returns the ids that were already present. */
    static Set<String> insertNew(MongoCollection<Document> collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return Set.of();
        }
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            return duplicateIds(e, documents);
        }
    }

    /** Inserts one document; false when its id was already present. */
    static boolean insertNew(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    static void findByIds(MongoCollection<Document> collection, Collection<String> ids, Consumer<Document> each) {
        if (!ids.isEmpty()) {
            collection.find(Filters.in("_id", ids)).forEach(each);
        }
    }

    static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static Instant instant(Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : Instant.parse(value);
    }

    /** The ids refused as duplicates; any other failure is rethrown (the batch is then retried). */
    private static Set<String> duplicateIds(MongoBulkWriteException e, List<Document> documents) {
        if (e.getWriteConcernError() != null) {
            throw e;
        }
        Set<String> existing = new HashSet<>();
        for (BulkWriteError error : e.getWriteErrors()) {
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            existing.add(documents.get(error.getIndex()).getString("_id"));
        }
        return existing;
    }
}

package org.hrm.keyvault.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Bulk inserts keyed by {@code _id} that report which ids already existed. Without transactions the unique
 * {@code _id} is the lock: the first writer wins, the others read back what it wrote.
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

    static void findByIds(MongoCollection<Document> collection, Collection<String> ids, Consumer<Document> each) {
        if (!ids.isEmpty()) {
            collection.find(Filters.in("_id", ids)).forEach(each);
        }
    }
}

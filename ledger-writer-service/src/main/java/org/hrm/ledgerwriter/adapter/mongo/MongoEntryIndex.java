package org.hrm.ledgerwriter.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.application.EntryIndex;
import org.hrm.ledgerwriter.application.IndexEntry;
import org.hrm.ledgerwriter.application.SignedTransaction;
import org.hrm.ledgerwriter.domain.Commit;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An entry index in MongoDB: per domain, one collection of entries (PENDING or COMMITTED) and one of
 * signed transactions not yet confirmed, bulk writes and single-document operations only.
 */
abstract class MongoEntryIndex implements EntryIndex {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;

    MongoEntryIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    abstract String entriesCollection(Domain domain);

    abstract String transactionsCollection(Domain domain);

    @Override
    public Map<String, IndexEntry> find(Domain domain, Collection<String> entryIds) {
        Map<String, IndexEntry> entries = new HashMap<>();
        if (!entryIds.isEmpty()) {
            for (Document document : entries(domain).find(Filters.in("_id", entryIds))) {
                IndexEntry entry = IndexDocuments.entry(document);
                entries.put(entry.entryId(), entry);
            }
        }
        return entries;
    }

    @Override
    public Optional<SignedTransaction> pendingTransaction(Domain domain, String transactionHash) {
        Document document =
                transactions(domain).find(Filters.eq("_id", transactionHash)).first();
        return Optional.ofNullable(document).map(IndexDocuments::signedTransaction);
    }

    @Override
    public List<SignedTransaction> pendingTransactions(Domain domain) {
        List<SignedTransaction> pending = new ArrayList<>();
        transactions(domain).find().forEach(document -> pending.add(IndexDocuments.signedTransaction(document)));
        pending.sort(Comparator.comparingLong(SignedTransaction::nonce));
        return pending;
    }

    @Override
    public void markPending(Domain domain, List<SignedTransaction> transactions) {
        List<WriteModel<Document>> signed = new ArrayList<>();
        List<WriteModel<Document>> pending = new ArrayList<>();
        for (SignedTransaction transaction : transactions) {
            signed.add(upsert(IndexDocuments.transaction(transaction)));
            transaction.entryIds().forEach(id -> pending.add(upsert(IndexDocuments.pending(id, transaction))));
        }
        // The transaction first: a pending entry always finds the bytes to rebroadcast.
        write(transactions(domain), signed);
        write(entries(domain), pending);
    }

    @Override
    public void markCommitted(Domain domain, List<Commit> commits) {
        write(
                entries(domain),
                commits.stream().map(c -> upsert(IndexDocuments.committed(c))).toList());
        List<String> hashes =
                commits.stream().map(Commit::transactionHash).distinct().toList();
        transactions(domain).deleteMany(Filters.in("_id", hashes));
    }

    private static WriteModel<Document> upsert(Document document) {
        return new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document, UPSERT);
    }

    private static void write(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, UNORDERED);
        }
    }

    private MongoCollection<Document> entries(Domain domain) {
        return mongo.getCollection(entriesCollection(domain));
    }

    private MongoCollection<Document> transactions(Domain domain) {
        return mongo.getCollection(transactionsCollection(domain));
    }
}

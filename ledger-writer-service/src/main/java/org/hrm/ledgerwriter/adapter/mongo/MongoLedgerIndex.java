package org.hrm.ledgerwriter.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.application.IndexEntry;
import org.hrm.ledgerwriter.application.LedgerIndex;
import org.hrm.ledgerwriter.application.SignedTransaction;
import org.hrm.ledgerwriter.domain.Commit;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger index in MongoDB: {@code <domain>_ledger_index} (one document per record) and
 * {@code <domain>_ledger_tx} (signed transactions not yet confirmed), bulk writes only.
 */
@Component
class MongoLedgerIndex implements LedgerIndex {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;

    MongoLedgerIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String recordsCollection(Domain domain) {
        return domain.id() + "_ledger_index";
    }

    static String transactionsCollection(Domain domain) {
        return domain.id() + "_ledger_tx";
    }

    @Override
    public Map<String, IndexEntry> find(Domain domain, Collection<String> recordIds) {
        Map<String, IndexEntry> entries = new HashMap<>();
        if (!recordIds.isEmpty()) {
            for (Document document : records(domain).find(Filters.in("_id", recordIds))) {
                IndexEntry entry = IndexDocuments.entry(document);
                entries.put(entry.recordId(), entry);
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
    public void markPending(Domain domain, List<SignedTransaction> transactions) {
        List<WriteModel<Document>> signed = new ArrayList<>();
        List<WriteModel<Document>> pending = new ArrayList<>();
        for (SignedTransaction transaction : transactions) {
            signed.add(upsert(IndexDocuments.transaction(transaction)));
            transaction.recordIds().forEach(id -> pending.add(upsert(IndexDocuments.pending(id, transaction))));
        }
        // The transaction first: a pending record always finds the bytes to rebroadcast.
        write(transactions(domain), signed);
        write(records(domain), pending);
    }

    @Override
    public void markCommitted(Domain domain, List<Commit> commits) {
        write(
                records(domain),
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

    private MongoCollection<Document> records(Domain domain) {
        return mongo.getCollection(recordsCollection(domain));
    }

    private MongoCollection<Document> transactions(Domain domain) {
        return mongo.getCollection(transactionsCollection(domain));
    }
}

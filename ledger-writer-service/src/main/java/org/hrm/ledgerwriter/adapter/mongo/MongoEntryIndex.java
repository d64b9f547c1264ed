package org.hrm.ledgerwriter.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 *
 * <p>Written in bulk per transaction, not per entry (the MongoDB-wire server runs each upsert as a query plus an
 * update): a transaction's pending entries are inserted in one {@code insertMany}, and its commit is one
 * {@code updateMany} of the fields its entries share ({@link CommitUpdate}). Both fall back to one replacing upsert per
 * entry where the data does not allow that (an entry already indexed, a receipt whose log indexes do not follow the
 * transaction's entries), so a redelivered or resumed batch never fails and never loses an entry.
 */
abstract class MongoEntryIndex implements EntryIndex {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final InsertManyOptions INSERT_UNORDERED = new InsertManyOptions().ordered(false);

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
        List<Document> pending = new ArrayList<>();
        for (SignedTransaction transaction : transactions) {
            signed.add(upsert(IndexDocuments.transaction(transaction)));
            List<String> entryIds = transaction.entryIds();
            for (int position = 0; position < entryIds.size(); position++) {
                pending.add(IndexDocuments.pending(entryIds.get(position), position, transaction));
            }
        }
        // The transaction first: a pending entry always finds the bytes to rebroadcast.
        write(transactions(domain), signed);
        insertOrReplace(entries(domain), pending);
    }

    @Override
    public void markCommitted(Domain domain, List<Commit> commits) {
        Map<String, List<Commit>> byTransaction = new LinkedHashMap<>();
        commits.forEach(c -> byTransaction
                .computeIfAbsent(c.transactionHash(), hash -> new ArrayList<>())
                .add(c));
        Map<String, Document> indexed = indexed(domain, commits);
        List<WriteModel<Document>> oneByOne = new ArrayList<>();
        byTransaction.forEach((hash, group) -> {
            Optional<CommitUpdate> update = CommitUpdate.of(group, positions(indexed, hash));
            // An entry not pending in this transaction (signed again in another, or indexed before positions were
            // kept) needs its whole document; so do all of them if the update missed one (changed since it was read).
            boolean updated = update.isPresent()
                    && entries(domain)
                                    .updateMany(
                                            update.get().filter(), update.get().update())
                                    .getMatchedCount()
                            == update.get().entryIds().size();
            group.stream()
                    .filter(c -> !updated || !update.get().entryIds().contains(c.entryId()))
                    .forEach(c -> oneByOne.add(upsert(IndexDocuments.committed(c))));
        });
        write(entries(domain), oneByOne);
        transactions(domain).deleteMany(Filters.in("_id", byTransaction.keySet()));
    }

    /** The commits' entries as indexed now, their transaction and position only (one query, by id). */
    private Map<String, Document> indexed(Domain domain, List<Commit> commits) {
        Map<String, Document> indexed = new HashMap<>();
        entries(domain)
                .find(Filters.in(
                        "_id", commits.stream().map(Commit::entryId).distinct().toList()))
                .projection(Projections.include("txHash", IndexDocuments.POSITION))
                .forEach(document -> indexed.put(document.getString("_id"), document));
        return indexed;
    }

    /** The position of each entry indexed under this transaction that has one. */
    private static Map<String, Integer> positions(Map<String, Document> indexed, String transactionHash) {
        Map<String, Integer> positions = new HashMap<>();
        indexed.forEach((id, document) -> {
            Integer position = document.getInteger(IndexDocuments.POSITION);
            if (position != null && transactionHash.equals(document.getString("txHash"))) {
                positions.put(id, position);
            }
        });
        return positions;
    }

    /**
     * Inserts the documents in one unordered bulk. An id that exists already (a redelivered batch, an entry signed
     * again, a crash after part of an insert) fails only its own insert; the documents are then all written by
     * replacing upserts, which leaves the index as one upsert each would have.
     */
    private static void insertOrReplace(MongoCollection<Document> collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        try {
            collection.insertMany(documents, INSERT_UNORDERED);
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = !e.getWriteErrors().isEmpty()
                    && e.getWriteErrors().stream()
                            .allMatch(error ->
                                    ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates || e.getWriteConcernError() != null) {
                throw e;
            }
            write(collection, documents.stream().map(MongoEntryIndex::upsert).toList());
        }
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

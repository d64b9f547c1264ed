package org.hrm.ledgerwriter.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hrm.contracts.Domain;
import org.hrm.embedded.EmbeddedMongo;
import org.hrm.ledgerwriter.application.IndexEntry;
import org.hrm.ledgerwriter.application.SignedTransaction;
import org.hrm.ledgerwriter.domain.Commit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The entry index on the MongoDB-wire server the sandbox runs: a transaction's entries are inserted and committed in
 * bulk, and every redelivery or resumption a crash can cause leaves each entry indexed once, with its own log index.
 */
class MongoEntryIndexTest {
    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory(0);
    private static final MongoClient CLIENT = MongoClients.create(MONGO.uri("index"));
    private static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");
    private static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

    private final MongoTemplate template = new MongoTemplate(CLIENT, "index");
    private final MongoLedgerIndex index = new MongoLedgerIndex(template);

    @BeforeEach
    void empty() {
        template.getDb().drop();
    }

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.close();
    }

    @Test
    void aTransactionIsCommittedByOneUpdateAndEachEntryKeepsItsLogIndex() {
        SignedTransaction tx = transaction("0xaa", "a", "b", "c");
        index.markPending(Domain.PATIENT, List.of(tx));
        assertThat(index.find(Domain.PATIENT, List.of("a", "b", "c")))
                .containsValue(new IndexEntry.Pending("b", "0xaa"))
                .hasSize(3);

        index.markCommitted(Domain.PATIENT, commits(tx, 7, 8, 9));

        assertThat(index.find(Domain.PATIENT, List.of("a", "b", "c"))).isEqualTo(committed(commits(tx, 7, 8, 9)));
        assertThat(index.pendingTransactions(Domain.PATIENT)).isEmpty();
        // One update of the shared fields: the entries carry the transaction's base, not a log index of their own.
        assertThat(entries().find(Filters.exists("logIndexBase")).into(new java.util.ArrayList<>()))
                .hasSize(3);
    }

    @Test
    void aCommitRepeatedAfterACrashBeforeTheTransactionWasDeletedChangesNothing() {
        SignedTransaction tx = transaction("0xaa", "a", "b");
        index.markPending(Domain.PATIENT, List.of(tx));
        Document kept = template.getCollection("patient_ledger_tx")
                .find(Filters.eq("_id", "0xaa"))
                .first();
        index.markCommitted(Domain.PATIENT, commits(tx, 3, 4));
        template.getCollection("patient_ledger_tx").insertOne(kept); // as if the delete never ran

        index.markCommitted(Domain.PATIENT, commits(tx, 3, 4));

        assertThat(index.find(Domain.PATIENT, List.of("a", "b"))).isEqualTo(committed(commits(tx, 3, 4)));
        assertThat(index.pendingTransactions(Domain.PATIENT)).isEmpty();
    }

    @Test
    void entriesSignedAgainInAnotherTransactionAreReplacedNotLostNorFailed() {
        index.markPending(Domain.PATIENT, List.of(transaction("0xaa", "a", "b")));
        SignedTransaction again = transaction("0xbb", "b", "c", "d");

        index.markPending(Domain.PATIENT, List.of(again));

        assertThat(index.find(Domain.PATIENT, List.of("a", "b", "c", "d")))
                .containsEntry("a", new IndexEntry.Pending("a", "0xaa"))
                .containsEntry("b", new IndexEntry.Pending("b", "0xbb"))
                .containsEntry("c", new IndexEntry.Pending("c", "0xbb"))
                .containsEntry("d", new IndexEntry.Pending("d", "0xbb"));
        commitAndCheck(again, 0, 1, 2);
    }

    @Test
    void aCommitOfEntriesPendingInAnotherTransactionWritesEachWhole() {
        SignedTransaction first = transaction("0xaa", "a", "b");
        index.markPending(Domain.PATIENT, List.of(first));
        // b signed again at the same position: only its transaction tells the two apart.
        index.markPending(Domain.PATIENT, List.of(transaction("0xbb", "x", "b")));

        commitAndCheck(first, 10, 11); // the first was mined after all
    }

    @Test
    void logIndexesThatDoNotFollowTheEntriesAreWrittenPerEntry() {
        SignedTransaction tx = transaction("0xaa", "a", "b", "c");
        index.markPending(Domain.PATIENT, List.of(tx));

        commitAndCheck(tx, 4, 9, 5);
    }

    @Test
    void anEntryIndexedBeforePositionsWereKeptIsWrittenWhole() {
        SignedTransaction tx = transaction("0xaa", "a", "b");
        index.markPending(Domain.PATIENT, List.of(tx));
        entries().updateOne(Filters.eq("_id", "a"), com.mongodb.client.model.Updates.unset("position"));

        commitAndCheck(tx, 6, 7);
    }

    @Test
    void aCommitNeedsNotTheKeptTransaction() {
        SignedTransaction tx = transaction("0xaa", "a", "b");
        index.markPending(Domain.PATIENT, List.of(tx));
        template.getCollection("patient_ledger_tx").deleteMany(new Document());

        commitAndCheck(tx, 1, 2);
    }

    /** Commits the transaction's entries at these log indexes and reads each back committed as given. */
    private void commitAndCheck(SignedTransaction tx, int... logIndexes) {
        List<Commit> commits = commits(tx, logIndexes);
        index.markCommitted(Domain.PATIENT, commits);
        assertThat(index.find(Domain.PATIENT, tx.entryIds())).isEqualTo(committed(commits));
    }

    private com.mongodb.client.MongoCollection<Document> entries() {
        return template.getCollection("patient_ledger_index");
    }

    private static SignedTransaction transaction(String hash, String... entryIds) {
        return new SignedTransaction(hash, "0x01", 1, CONTRACT, List.of(entryIds));
    }

    private static List<Commit> commits(SignedTransaction tx, int... logIndexes) {
        return java.util.stream.IntStream.range(0, logIndexes.length)
                .mapToObj(i -> new Commit(tx.entryIds().get(i), CONTRACT, tx.hash(), 42, logIndexes[i], NOW))
                .toList();
    }

    private static Map<String, IndexEntry> committed(List<Commit> commits) {
        return commits.stream().collect(java.util.stream.Collectors.toMap(Commit::entryId, IndexEntry.Committed::new));
    }
}

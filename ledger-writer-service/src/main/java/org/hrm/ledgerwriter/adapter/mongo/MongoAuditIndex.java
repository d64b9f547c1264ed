package org.hrm.ledgerwriter.adapter.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.application.AuditClaim;
import org.hrm.ledgerwriter.application.AuditIndex;
import org.hrm.ledgerwriter.application.AuditTree;
import org.hrm.ledgerwriter.application.LedgerWriteException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit index: {@code <domain>_audit_index} and {@code <domain>_audit_tx} (anchored roots and their signed
 * anchorAudit transactions), {@code audit_claims} (one document per event, its id the patient's sequence number, so
 * a number is claimed once) and {@code audit_trees} (each tree's leaves and claims, id the root).
 */
@Component
class MongoAuditIndex extends MongoEntryIndex implements AuditIndex {
    private final MongoTemplate mongo;
    // Created at the first claim, not at start: the service starts (and retries) while MongoDB is down.
    private volatile boolean indexed;

    MongoAuditIndex(MongoTemplate mongo) {
        super(mongo);
        this.mongo = mongo;
    }

    @Override
    String entriesCollection(Domain domain) {
        return domain.id() + "_audit_index";
    }

    @Override
    String transactionsCollection(Domain domain) {
        return domain.id() + "_audit_tx";
    }

    @Override
    public Map<String, AuditClaim> claimsOf(Collection<String> eventIds) {
        Map<String, AuditClaim> found = new HashMap<>();
        if (!eventIds.isEmpty()) {
            claims().find(Filters.in("eventId", eventIds)).forEach(document -> {
                AuditClaim claim = claim(document);
                found.put(claim.eventId(), claim);
            });
        }
        return found;
    }

    @Override
    public long lastSequence(String patientId) {
        Document last = claims().find(Filters.eq("patientId", patientId))
                .sort(Sorts.descending("sequence"))
                .limit(1)
                .first();
        return last == null ? 0 : last.getLong("sequence");
    }

    @Override
    public void claim(List<AuditClaim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        ensureIndexes();
        try {
            claims().insertMany(
                            claims.stream().map(MongoAuditIndex::document).toList(),
                            new InsertManyOptions().ordered(false));
        } catch (MongoException e) {
            // Another batch (another replica) claimed one of these numbers first: number again on redelivery.
            throw new LedgerWriteException("audit sequence numbers already claimed: " + e.getMessage());
        }
    }

    @Override
    public void saveTree(AuditTree tree) {
        Document document = new Document("_id", tree.root())
                .append("domain", tree.domain().name())
                .append("leafHashes", tree.leafHashes())
                .append(
                        "claims",
                        tree.claims().stream().map(MongoAuditIndex::document).toList());
        trees().replaceOne(Filters.eq("_id", tree.root()), document, new ReplaceOptions().upsert(true));
        List<String> eventIds = tree.claims().stream().map(AuditClaim::eventId).toList();
        claims().updateMany(Filters.in("eventId", eventIds), Updates.set("root", tree.root()));
    }

    @Override
    public Optional<AuditTree> tree(String root) {
        Document document = trees().find(Filters.eq("_id", root)).first();
        if (document == null) {
            return Optional.empty();
        }
        return Optional.of(new AuditTree(
                root,
                Domain.valueOf(document.getString("domain")),
                document.getList("leafHashes", String.class),
                document.getList("claims", Document.class).stream()
                        .map(MongoAuditIndex::claim)
                        .toList()));
    }

    private static Document document(AuditClaim claim) {
        String id = claim.patientId() == null
                ? "event/" + claim.eventId()
                : "sequence/" + claim.sequence() + "/" + claim.patientId();
        return new Document("_id", id)
                .append("eventId", claim.eventId())
                .append("source", claim.source())
                .append("patientId", claim.patientId())
                .append("sequence", claim.sequence())
                .append("leafHash", claim.leafHash())
                .append("root", claim.root());
    }

    private static AuditClaim claim(Document document) {
        return new AuditClaim(
                document.getString("eventId"),
                document.getString("source"),
                document.getString("patientId"),
                document.getLong("sequence"),
                document.getString("leafHash"),
                document.getString("root"));
    }

    /** An event is claimed once (unique event id); a patient's last number is found by an index. */
    private void ensureIndexes() {
        if (!indexed) {
            claims().createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
            claims().createIndex(Indexes.descending("patientId", "sequence"));
            indexed = true;
        }
    }

    private MongoCollection<Document> claims() {
        return mongo.getCollection("audit_claims");
    }

    private MongoCollection<Document> trees() {
        return mongo.getCollection("audit_trees");
    }
}

package org.hrm.consent.adapter.mongo;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;
import org.hrm.consent.application.DecisionStore;
import org.hrm.consent.domain.Basis;
import org.hrm.consent.domain.Decision;
import org.hrm.consent.domain.RecordDomain;
import org.hrm.consent.domain.SignedDecision;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Signed decisions in {@code <domain>_decisions}: one document per request id (the {@code _id}). */
@Component
class MongoDecisionStore implements DecisionStore {
    private final MongoTemplate mongo;

    MongoDecisionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, SignedDecision> findAll(RecordDomain domain, Collection<String> requestIds) {
        Map<String, SignedDecision> found = new HashMap<>();
        KeyedDocuments.findByIds(
                mongo.getCollection(ConsentCollections.decisions(domain)),
                requestIds,
                document -> found.put(document.getString("_id"), fromDocument(domain, document)));
        return found;
    }

    @Override
    public Set<String> insertNew(RecordDomain domain, List<SignedDecision> decisions) {
        return KeyedDocuments.insertNew(
                mongo.getCollection(ConsentCollections.decisions(domain)),
                decisions.stream().map(MongoDecisionStore::toDocument).toList());
    }

    private static Document toDocument(SignedDecision signed) {
        Decision d = signed.decision();
        return new Document("_id", d.requestId())
                .append("recordId", d.recordId())
                .append("requesterId", d.requesterId())
                .append("allowed", d.allowed())
                .append("basis", d.basis().name())
                .append("shareHolderId", d.shareHolderId())
                .append("grantId", d.grantId())
                .append(
                        "requesterPublicKey",
                        d.requesterPublicKey() == null ? null : new Binary(d.requesterPublicKey()))
                .append("reason", d.reason())
                .append("decidedAt", KeyedDocuments.instant(d.decidedAt()))
                .append("expiresAt", KeyedDocuments.instant(d.expiresAt()))
                .append("patientId", d.patientId())
                .append("purpose", d.purpose())
                .append("emergency", d.emergency())
                .append("signature", new Binary(signed.signature()));
    }

    private static SignedDecision fromDocument(RecordDomain domain, Document document) {
        Decision decision = new Decision(
                document.getString("_id"),
                document.getString("recordId"),
                domain,
                document.getString("requesterId"),
                document.getBoolean("allowed"),
                Basis.valueOf(document.getString("basis")),
                document.getString("shareHolderId"),
                document.getString("grantId"),
                requesterPublicKey(document),
                document.getString("reason"),
                KeyedDocuments.instant(document, "decidedAt"),
                KeyedDocuments.instant(document, "expiresAt"),
                document.getString("patientId"),
                document.getString("purpose"),
                document.getBoolean("emergency"));
        return new SignedDecision(
                decision, document.get("signature", Binary.class).getData());
    }

    private static byte[] requesterPublicKey(Document document) {
        Binary key = document.get("requesterPublicKey", Binary.class);
        return key == null ? null : key.getData();
    }
}

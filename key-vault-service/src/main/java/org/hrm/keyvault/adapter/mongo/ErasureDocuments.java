package org.hrm.keyvault.adapter.mongo;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.hrm.keyvault.domain.ErasedKey;
import org.hrm.keyvault.domain.Erasure;
import org.hrm.keyvault.domain.IssuedReceipt;
import org.hrm.keyvault.domain.LedgerTombstone;
import org.hrm.keyvault.domain.RecordDomain;

/** Erasures as documents: ids, states and times only, never key material. */
final class ErasureDocuments {
    static final String STATE = "state";
    static final String RECORD_IDS = "recordIds";
    static final String KEYS = "keys";
    /** Record id to pseudonym key version (a record id is a UUID: never a dot or a dollar in a field name). */
    static final String PSEUDONYM_VERSIONS = "pseudonymVersions";

    private ErasureDocuments() {}

    static Document toDocument(Erasure erasure) {
        return new Document("_id", erasure.requestId())
                .append("ownerId", erasure.ownerId())
                .append("requestedRecordId", erasure.requestedRecordId())
                .append("allRecords", erasure.allRecords())
                .append(RECORD_IDS, erasure.recordIds())
                .append(KEYS, erasure.keys().stream().map(ErasureDocuments::key).toList())
                .append(STATE, erasure.state().name())
                .append("plannedAt", Date.from(erasure.plannedAt()))
                .append(PSEUDONYM_VERSIONS, new Document(new java.util.LinkedHashMap<>(erasure.pseudonymVersions())));
    }

    static Erasure fromDocument(RecordDomain domain, Document document) {
        Date destroyedAt = document.getDate("destroyedAt");
        Document receipt = document.get("receipt", Document.class);
        return new Erasure(
                document.getString("_id"),
                domain,
                document.getString("ownerId"),
                document.getString("requestedRecordId"),
                document.getList(RECORD_IDS, String.class),
                document.getList(KEYS, Document.class).stream()
                        .map(ErasureDocuments::key)
                        .toList(),
                Erasure.State.valueOf(document.getString(STATE)),
                document.getDate("plannedAt").toInstant(),
                destroyedAt == null ? null : destroyedAt.toInstant(),
                receipt == null ? null : receipt(receipt),
                pseudonymVersions(document.get(PSEUDONYM_VERSIONS, Document.class)));
    }

    private static Map<String, Integer> pseudonymVersions(Document document) {
        Map<String, Integer> versions = new HashMap<>();
        if (document != null) {
            document.forEach((recordId, version) -> versions.put(recordId, ((Number) version).intValue()));
        }
        return versions;
    }

    static Document key(ErasedKey key) {
        return new Document("kind", key.kind())
                .append("keyId", key.keyId())
                .append("recordId", key.recordId())
                .append("masterKeyVersion", key.masterKeyVersion());
    }

    static Document receipt(IssuedReceipt receipt) {
        List<Document> tombstones = receipt.tombstones().stream()
                .map(t -> new Document("recordId", t.recordId())
                        .append("transactionHash", t.transactionHash())
                        .append("blockNumber", t.blockNumber())
                        .append("logIndex", t.logIndex()))
                .toList();
        return new Document("contractAddress", receipt.contractAddress())
                .append("tombstones", tombstones)
                .append("issuedAt", Date.from(receipt.issuedAt()))
                .append("signature", new Binary(receipt.signature()));
    }

    private static ErasedKey key(Document document) {
        return new ErasedKey(
                document.getString("kind"),
                document.getString("keyId"),
                document.getString("recordId"),
                document.getInteger("masterKeyVersion"));
    }

    private static IssuedReceipt receipt(Document document) {
        return new IssuedReceipt(
                document.getString("contractAddress"),
                document.getList("tombstones", Document.class).stream()
                        .map(t -> new LedgerTombstone(
                                t.getString("recordId"),
                                t.getString("transactionHash"),
                                t.get("blockNumber", Number.class).longValue(),
                                t.getInteger("logIndex")))
                        .toList(),
                document.getDate("issuedAt").toInstant(),
                document.get("signature", Binary.class).getData());
    }
}

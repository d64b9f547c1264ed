package org.hrm.ledgerwriter.adapter.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bson.Document;
import org.bson.types.Binary;
import org.hrm.ledgerwriter.application.IndexEntry;
import org.hrm.ledgerwriter.application.SignedTransaction;
import org.hrm.ledgerwriter.domain.Commit;

/**
 * The stored shapes: an entry document (id = record id or consent entry id, state PENDING or COMMITTED)
 * and a transaction document (id = transaction hash, the signed bytes and nonce), kept once per
 * transaction rather than copied into each of its up to hundreds of entries. A committed entry has its
 * {@code logIndex}, or (committed by one update per transaction, {@link CommitUpdate}) its {@code position} in the
 * transaction and the transaction's {@code logIndexBase}, whose sum is its log index.
 */
final class IndexDocuments {
    static final String PENDING = "PENDING";
    static final String COMMITTED = "COMMITTED";
    static final String POSITION = "position";
    static final String LOG_INDEX = "logIndex";
    static final String LOG_INDEX_BASE = "logIndexBase";
    /** Named recordIds since the first version; consent transactions keep their entry ids here. */
    static final String ENTRY_IDS = "recordIds";

    private static final HexFormat HEX = HexFormat.of();

    private IndexDocuments() {}

    /** {@code position}: the entry's index in the transaction's entry ids. */
    static Document pending(String entryId, int position, SignedTransaction transaction) {
        return new Document("_id", entryId)
                .append("state", PENDING)
                .append("txHash", transaction.hash())
                .append(POSITION, position)
                .append("nonce", transaction.nonce())
                .append("contract", transaction.contract())
                .append("updatedAt", new Date());
    }

    static Document committed(Commit commit) {
        return new Document("_id", commit.entryId())
                .append("state", COMMITTED)
                .append("txHash", commit.transactionHash())
                .append("contract", commit.contractAddress())
                .append("blockNumber", commit.blockNumber())
                .append(LOG_INDEX, commit.logIndex())
                .append("committedAt", Date.from(commit.committedAt()))
                .append("updatedAt", new Date());
    }

    static IndexEntry entry(Document document) {
        String entryId = document.getString("_id");
        if (!COMMITTED.equals(document.getString("state"))) {
            return new IndexEntry.Pending(entryId, document.getString("txHash"));
        }
        Instant committedAt = document.getDate("committedAt").toInstant();
        return new IndexEntry.Committed(new Commit(
                entryId,
                document.getString("contract"),
                document.getString("txHash"),
                document.getLong("blockNumber"),
                logIndex(document),
                committedAt));
    }

    static Document transaction(SignedTransaction transaction) {
        return new Document("_id", transaction.hash())
                .append("raw", new Binary(HEX.parseHex(strip(transaction.rawHex()))))
                .append("nonce", transaction.nonce())
                .append("contract", transaction.contract())
                .append(ENTRY_IDS, transaction.entryIds())
                .append("signedAt", new Date());
    }

    static SignedTransaction signedTransaction(Document document) {
        byte[] raw = document.get("raw", Binary.class).getData();
        return new SignedTransaction(
                document.getString("_id"),
                "0x" + HEX.formatHex(raw),
                document.getLong("nonce"),
                document.getString("contract"),
                document.getList(ENTRY_IDS, String.class));
    }

    private static int logIndex(Document committed) {
        Integer logIndex = committed.getInteger(LOG_INDEX);
        return logIndex != null ? logIndex : committed.getInteger(LOG_INDEX_BASE) + committed.getInteger(POSITION);
    }

    private static String strip(String hex) {
        return hex.startsWith("0x") ? hex.substring(2) : hex;
    }
}

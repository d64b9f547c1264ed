package org.hrm.ledgerwriter.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.contracts.Domain;
import org.hrm.contracts.LedgerChunks;
import org.hrm.ledgerwriter.domain.ChunkPosition;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.ledgerwriter.domain.LedgerRecord;

/**
 * The records of one domain within a batch (duplicates once) and where each one stands.
 *
 * <p>A record whose payload is larger than {@link LedgerChunks#CHUNK_BYTES} enters as its chunks, each an entry of its
 * own ({@code recordId#index}): each is written, indexed and reconciled like a record, so a redelivery writes only the
 * chunks that are not on chain yet. The record is published as committed once, when every one of its chunks is,
 * at the position of its last chunk. Records up to a chunk's size enter whole and never touch this.
 */
final class DomainBatch extends EntryBatch<LedgerRecord> {
    private final Map<String, byte[]> pseudonyms = new HashMap<>();
    /** Of each chunked record of the batch, how many chunks it has. */
    private final Map<String, Integer> chunkCounts = new HashMap<>();

    private DomainBatch(Domain domain, String contract) {
        super(domain, contract);
    }

    static Map<Domain, DomainBatch> group(List<SealedRecord> sealed, Map<Domain, String> contracts) {
        Map<Domain, DomainBatch> batches = new EnumMap<>(Domain.class);
        for (SealedRecord each : sealed) {
            batches.computeIfAbsent(each.domain(), domain -> new DomainBatch(domain, contracts.get(domain)))
                    .addRecord(each.record());
        }
        return batches;
    }

    private void addRecord(LedgerRecord record) {
        if (pseudonyms.putIfAbsent(record.recordId(), record.ownerPseudonym()) != null) {
            return;
        }
        if (!LedgerChunks.needsChunks(record.payloadSize())) {
            add(record.recordId(), record);
            return;
        }
        List<LedgerChunks.Chunk> chunks = LedgerChunks.split(record.recordId(), record.payload());
        chunkCounts.put(record.recordId(), chunks.size());
        for (LedgerChunks.Chunk chunk : chunks) {
            LedgerRecord part = new LedgerRecord(
                    record.recordId(),
                    record.ownerPseudonym(),
                    chunk.bytes(),
                    new ChunkPosition(chunk.index(), chunk.count(), chunk.digest()));
            add(part.entryId(), part);
        }
    }

    byte[] pseudonymOf(String recordId) {
        return pseudonyms.get(recordId);
    }

    /** Drops every entry (the record, or each of its chunks) of these records. */
    void dropRecords(Set<String> recordIds) {
        Set<String> entryIds = new LinkedHashSet<>();
        for (String entryId : entryIds()) {
            if (recordIds.contains(entry(entryId).recordId())) {
                entryIds.add(entryId);
            }
        }
        drop(entryIds);
    }

    /**
     * One commit per record of this batch: the ones found committed and the ones just confirmed; a chunked record's
     * only once all its chunks are, at its last chunk's log.
     */
    List<Commit> toPublish() {
        List<Commit> publish = new ArrayList<>(alreadyCommitted());
        publish.addAll(confirmedOfThisBatch());
        return chunkCounts.isEmpty() ? publish : oneCommitPerChunkedRecord(publish);
    }

    private List<Commit> oneCommitPerChunkedRecord(List<Commit> commits) {
        List<Commit> publish = new ArrayList<>();
        Map<String, Map<String, Commit>> chunksByRecord = new LinkedHashMap<>();
        for (Commit commit : commits) {
            LedgerRecord entry = entry(commit.entryId());
            if (entry == null || !entry.isChunk()) {
                publish.add(commit);
            } else {
                chunksByRecord
                        .computeIfAbsent(entry.recordId(), id -> new LinkedHashMap<>())
                        .putIfAbsent(commit.entryId(), commit);
            }
        }
        chunksByRecord.forEach((recordId, chunks) -> {
            if (chunks.size() == chunkCounts.get(recordId)) {
                Commit last = chunks.values().stream()
                        .max(Comparator.comparingLong(Commit::blockNumber).thenComparingInt(Commit::logIndex))
                        .orElseThrow();
                publish.add(new Commit(
                        recordId,
                        last.contractAddress(),
                        last.transactionHash(),
                        last.blockNumber(),
                        last.logIndex(),
                        last.committedAt()));
            }
        });
        return publish;
    }
}

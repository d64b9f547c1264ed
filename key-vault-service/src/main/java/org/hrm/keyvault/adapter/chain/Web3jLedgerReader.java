package org.hrm.keyvault.adapter.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.LedgerChunks;
import org.hrm.contracts.LedgerPayload;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.contracts.ledger.StoredPayloads;
import org.hrm.keyvault.application.LedgerReader;
import org.hrm.keyvault.application.StoredRecords;
import org.hrm.keyvault.application.UnreadableLedgerEntryException;
import org.hrm.keyvault.domain.LedgerEntry;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.SealedReaderShare;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Reads the ledger with eth_getLogs on the domain's own contract only, filtered by event signature and indexed
 * ids. Logs a reorganisation removed are ignored, and every log is checked against the filter, so a node that
 * ignores topics cannot hand over another record's log.
 *
 * <p>A whole record is a RecordStored log (logged layout) or a RecordInCalldata log (calldata layout, docs/wire-format.md),
 * asked for together: a RecordInCalldata's payload is read from its transaction's input, fetched once per transaction
 * ({@link StoredPayloads}), and checked against the log's keccak256 before a byte of it is decoded; a missing input or
 * a mismatch makes the record unreadable, never decrypted.
 *
 * <p>A record too large for one transaction is on chain as RecordChunkStored logs (docs/large-records.md): only for a
 * record without a whole record's log does the reader ask for chunks, puts them together with {@link LedgerChunks}
 * (every chunk of this record, none missing, all agreeing on count and digest, the digest of the whole matching) and
 * decodes the payload only then; a record whose chunks fail is unreadable, and nothing of it is decrypted.
 */
final class Web3jLedgerReader implements LedgerReader {
    private static final int IDS_PER_QUERY = 200;

    private final Web3j web3j;
    private final Map<RecordDomain, String> contracts;

    Web3jLedgerReader(Web3j web3j, Map<RecordDomain, String> contracts) {
        this.web3j = web3j;
        this.contracts = Map.copyOf(contracts);
    }

    @Override
    public Optional<LedgerEntry> storedRecord(RecordDomain domain, String recordId) {
        List<Log> logs = logs(domain, StoredPayloads.WHOLE_RECORD_EVENTS, List.of(LedgerTopics.id(recordId)));
        if (logs.isEmpty()) {
            return chunked(domain, recordId);
        }
        // The first log is the record as written; a later duplicate of the writer never replaces it.
        return Optional.of(decode(recordId, StoredPayloads.read(web3j, logs.get(0))));
    }

    /**
     * One eth_getLogs per {@value #IDS_PER_QUERY} records: the record id topic is a list of alternatives, so the node
     * walks the chain once for the whole batch instead of once per record; then one eth_getTransactionByHash per
     * distinct transaction among their RecordInCalldata logs, all at once.
     */
    @Override
    public StoredRecords storedRecords(RecordDomain domain, Collection<String> recordIds) {
        Map<String, LedgerEntry> entries = new HashMap<>();
        Set<String> unreadable = new HashSet<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(recordIds));
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            Map<String, String> byTopic = new HashMap<>();
            ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))
                    .forEach(id -> byTopic.put(LedgerTopics.id(id), id));
            // The first log is the record as written; a later duplicate of the writer never replaces it.
            Map<String, Log> first = new LinkedHashMap<>();
            for (Log log : logs(domain, StoredPayloads.WHOLE_RECORD_EVENTS, List.copyOf(byTopic.keySet()))) {
                first.putIfAbsent(byTopic.get(log.getTopics().get(1).toLowerCase(Locale.ROOT)), log);
            }
            List<String> found = List.copyOf(first.keySet());
            List<StoredPayloads.Read> reads = StoredPayloads.read(web3j, List.copyOf(first.values()));
            for (int i = 0; i < found.size(); i++) {
                try {
                    entries.put(found.get(i), decode(found.get(i), reads.get(i)));
                } catch (UnreadableLedgerEntryException e) {
                    unreadable.add(found.get(i));
                }
            }
        }
        List<String> notWhole = ids.stream()
                .filter(id -> !entries.containsKey(id) && !unreadable.contains(id))
                .toList();
        for (int from = 0; from < notWhole.size(); from += IDS_PER_QUERY) {
            readChunked(
                    domain,
                    notWhole.subList(from, Math.min(notWhole.size(), from + IDS_PER_QUERY)),
                    entries,
                    unreadable);
        }
        return new StoredRecords(entries, unreadable);
    }

    private Optional<LedgerEntry> chunked(RecordDomain domain, String recordId) {
        List<LedgerChunks.Chunk> chunks = chunks(domain, List.of(recordId)).get(recordId);
        return chunks == null ? Optional.empty() : Optional.of(reassembled(recordId, chunks));
    }

    /** The records among {@code ids} stored in chunks, each put together and checked; one query for all. */
    private void readChunked(
            RecordDomain domain, List<String> ids, Map<String, LedgerEntry> entries, Set<String> unreadable) {
        chunks(domain, ids).forEach((recordId, chunks) -> {
            try {
                entries.put(recordId, reassembled(recordId, chunks));
            } catch (UnreadableLedgerEntryException e) {
                unreadable.add(recordId);
            }
        });
    }

    /** The RecordChunkStored logs of these records, by record id. */
    private Map<String, List<LedgerChunks.Chunk>> chunks(RecordDomain domain, List<String> ids) {
        Map<String, String> byTopic = new HashMap<>();
        ids.forEach(id -> byTopic.put(LedgerTopics.id(id), id));
        Map<String, List<LedgerChunks.Chunk>> chunks = new LinkedHashMap<>();
        for (Log log : logs(domain, List.of(LedgerTopics.RECORD_CHUNK_STORED), List.copyOf(byTopic.keySet()))) {
            String recordId = byTopic.get(log.getTopics().get(1).toLowerCase(Locale.ROOT));
            if (recordId != null) {
                RecordLedger.RecordChunkStoredEventResponse chunk = RecordLedger.getRecordChunkStoredEventFromLog(log);
                chunks.computeIfAbsent(recordId, id -> new ArrayList<>())
                        .add(new LedgerChunks.Chunk(
                                recordId, index(chunk.index), index(chunk.count), chunk.digest, chunk.chunk));
            }
        }
        return chunks;
    }

    /** The payload put together from its chunks, checked against their digest, then decoded; never half-read. */
    private static LedgerEntry reassembled(String recordId, List<LedgerChunks.Chunk> chunks) {
        try {
            return decode(recordId, LedgerChunks.reassemble(recordId, chunks));
        } catch (InvalidEventException e) {
            throw new UnreadableLedgerEntryException("the chunks of " + recordId + ": " + e.getMessage(), e);
        }
    }

    private static int index(java.math.BigInteger value) {
        return value.bitLength() < 31 ? value.intValue() : Integer.MAX_VALUE;
    }

    @Override
    public Optional<byte[]> grantedShare(RecordDomain domain, String grantId, String recordId) {
        List<Log> logs = logs(domain, LedgerTopics.SHARE_GRANTED, LedgerTopics.id(grantId), LedgerTopics.id(recordId));
        if (logs.isEmpty()) {
            return Optional.empty();
        }
        // eth_getLogs answers in chain order: the last one is the owner's latest rewrap.
        return Optional.of(RecordLedger.getShareGrantedEventFromLog(logs.get(logs.size() - 1)).share);
    }

    @Override
    public boolean grantRevoked(RecordDomain domain, String grantId) {
        return !logs(domain, LedgerTopics.GRANT_REVOKED, LedgerTopics.id(grantId))
                .isEmpty();
    }

    /** A whole record's payload as read (either layout), decoded; a failed read or check makes it unreadable. */
    private static LedgerEntry decode(String recordId, StoredPayloads.Read read) {
        try {
            return decode(recordId, read.bytes());
        } catch (InvalidEventException e) {
            throw new UnreadableLedgerEntryException("the ledger payload of " + recordId + ": " + e.getMessage(), e);
        }
    }

    private static LedgerEntry decode(String recordId, byte[] payload) {
        try {
            LedgerPayload decoded = LedgerPayload.decode(payload);
            return new LedgerEntry(
                    decoded.outerCiphertext(),
                    decoded.shares().stream()
                            .map(share -> new SealedReaderShare(share.readerPseudonym(), share.share()))
                            .toList());
        } catch (InvalidEventException e) {
            throw new UnreadableLedgerEntryException("the ledger payload of " + recordId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Logs of the domain's contract whose event is any of {@code eventTopics} and whose first indexed id is any of
     * {@code idTopics}, in chain order.
     */
    private List<Log> logs(RecordDomain domain, List<String> eventTopics, List<String> idTopics) {
        String contract = contracts.get(domain);
        EthFilter filter =
                new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contract);
        filter.addOptionalTopics(eventTopics.toArray(String[]::new)).addOptionalTopics(idTopics.toArray(String[]::new));
        List<Log> logs = new ArrayList<>();
        for (EthLog.LogResult<?> result : send(filter, contract).getLogs()) {
            if (result.get() instanceof Log log
                    && !log.isRemoved()
                    && contract.equalsIgnoreCase(log.getAddress())
                    && log.getTopics() != null
                    && log.getTopics().size() >= 2
                    && eventTopics.contains(log.getTopics().get(0).toLowerCase(Locale.ROOT))
                    && idTopics.contains(log.getTopics().get(1).toLowerCase(Locale.ROOT))) {
                logs.add(log);
            }
        }
        return logs;
    }

    private List<Log> logs(RecordDomain domain, String... topics) {
        String contract = contracts.get(domain);
        EthFilter filter =
                new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contract);
        for (String topic : topics) {
            filter.addSingleTopic(topic);
        }
        List<Log> logs = new ArrayList<>();
        for (EthLog.LogResult<?> result : send(filter, contract).getLogs()) {
            if (result.get() instanceof Log log && !log.isRemoved() && matches(log, contract, topics)) {
                logs.add(log);
            }
        }
        return logs;
    }

    private EthLog send(EthFilter filter, String contract) {
        EthLog response;
        try {
            response = web3j.ethGetLogs(filter).send();
        } catch (IOException e) {
            throw new UncheckedIOException("eth_getLogs on " + contract + " failed", e);
        }
        if (response.hasError()) {
            throw new IllegalStateException("eth_getLogs on " + contract + " failed: "
                    + response.getError().getMessage());
        }
        return response;
    }

    private static boolean matches(Log log, String contract, String... topics) {
        List<String> actual = log.getTopics();
        if (!contract.equalsIgnoreCase(log.getAddress()) || actual == null || actual.size() < topics.length) {
            return false;
        }
        for (int i = 0; i < topics.length; i++) {
            if (!topics[i].equals(actual.get(i).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}

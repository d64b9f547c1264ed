package org.hrm.benchmarks.endtoend;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.hrm.contracts.LedgerChunks;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.contracts.ledger.StoredPayloads;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Reads the chain as an auditor would: the record id of every whole record's log (RecordStored or RecordInCalldata,
 * either layout) of the ledger contracts (block range
 * by block range, so no answer grows too large), and the gas of the writer's transactions from their receipts (every
 * chunk's, for a record stored in chunks).
 */
final class LedgerScan {
    private static final String RECORD_STORED = StoredPayloads.RECORD_STORED;
    private static final String RECORD_IN_CALLDATA = StoredPayloads.RECORD_IN_CALLDATA;
    private static final String RECORD_CHUNK_STORED = EventEncoder.encode(RecordLedger.RECORDCHUNKSTORED_EVENT);
    private static final String FIRST_CHUNK = Numeric.toHexStringWithPrefixZeroPadded(BigInteger.ZERO, 64);
    private static final int BLOCKS_PER_QUERY = 20;

    private final Web3j web3j;

    LedgerScan(Web3j web3j) {
        this.web3j = web3j;
    }

    long head() throws IOException {
        return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    /**
     * The record ids of all RecordStored and RecordInCalldata logs of the contracts in blocks {@code from..head}, and of the first chunk of
     * each record stored in chunks, repeats included.
     */
    List<String> storedRecordIds(List<String> contracts, long from) throws IOException {
        long head = head();
        List<String> ids = new ArrayList<>();
        for (long start = from; start <= head; start += BLOCKS_PER_QUERY) {
            EthFilter filter =
                    new EthFilter(block(start), block(Math.min(head, start + BLOCKS_PER_QUERY - 1)), contracts);
            filter.addOptionalTopics(RECORD_STORED, RECORD_IN_CALLDATA, RECORD_CHUNK_STORED);
            EthLog response = web3j.ethGetLogs(filter).send();
            if (response.hasError()) {
                throw new IOException(
                        "eth_getLogs failed: " + response.getError().getMessage());
            }
            for (EthLog.LogResult<?> result : response.getLogs()) {
                List<String> topics = ((Log) result.get()).getTopics();
                if (topics.size() == 3 || FIRST_CHUNK.equalsIgnoreCase(topics.get(3))) {
                    ids.add(recordId(topics.get(1)));
                }
            }
        }
        return ids;
    }

    /**
     * The payload of one record (from its RecordStored log, or from its transaction's input for a RecordInCalldata
     * log, or put together from its chunks): its length is what the naive path and the limit phase write per
     * record, for a fair match, and its bytes price the calldata floor.
     */
    byte[] payload(String contract, String recordId) throws IOException {
        List<Log> logs = recordLogs(contract, recordId);
        if (logs.isEmpty()) {
            throw new IOException("record " + recordId + " is not on chain");
        }
        if (StoredPayloads.isWholeRecord(logs.get(0))) {
            return StoredPayloads.read(web3j, logs.get(0)).bytes();
        }
        List<LedgerChunks.Chunk> chunks = new ArrayList<>();
        for (Log log : logs) {
            RecordLedger.RecordChunkStoredEventResponse chunk = RecordLedger.getRecordChunkStoredEventFromLog(log);
            chunks.add(new LedgerChunks.Chunk(
                    recordId, chunk.index.intValueExact(), chunk.count.intValueExact(), chunk.digest, chunk.chunk));
        }
        return LedgerChunks.reassemble(recordId, chunks);
    }

    /** The RecordStored, RecordInCalldata and RecordChunkStored logs of one record in one contract, in chain order. */
    private List<Log> recordLogs(String contract, String recordId) throws IOException {
        EthFilter filter =
                new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contract);
        filter.addOptionalTopics(RECORD_STORED, RECORD_IN_CALLDATA, RECORD_CHUNK_STORED)
                .addSingleTopic(topic(recordId));
        EthLog response = web3j.ethGetLogs(filter).send();
        if (response.hasError()) {
            throw new IOException("eth_getLogs failed: " + response.getError().getMessage());
        }
        return response.getLogs().stream().map(result -> (Log) result.get()).toList();
    }

    /**
     * The receipts of these transactions and of every other chunk transaction of the chunked records they store:
     * RecordCommitted names a chunked record's last chunk only, yet each of its chunks paid for its gas.
     */
    List<TransactionReceipt> receiptsOfEveryChunk(Collection<String> transactionHashes) throws IOException {
        List<TransactionReceipt> named = receipts(transactionHashes);
        Set<String> others = new LinkedHashSet<>();
        for (Map.Entry<String, String> record : chunkedRecords(named).entrySet()) {
            for (Log chunk : recordLogs(record.getValue(), record.getKey())) {
                others.add(chunk.getTransactionHash());
            }
        }
        others.removeAll(Set.copyOf(transactionHashes));
        List<TransactionReceipt> all = new ArrayList<>(named);
        all.addAll(receipts(others));
        return all;
    }

    /** The record ids these receipts store a chunk of, each with its contract. */
    static Map<String, String> chunkedRecords(List<TransactionReceipt> receipts) {
        Map<String, String> records = new LinkedHashMap<>();
        for (TransactionReceipt receipt : receipts) {
            for (Log log : receipt.getLogs()) {
                List<String> topics = log.getTopics();
                if (topics.size() == 4 && RECORD_CHUNK_STORED.equalsIgnoreCase(topics.get(0))) {
                    records.put(recordId(topics.get(1)), log.getAddress());
                }
            }
        }
        return records;
    }

    /** The receipts of these transactions, fetched many at a time. */
    List<TransactionReceipt> receipts(Collection<String> transactionHashes) {
        List<CompletableFuture<TransactionReceipt>> pending = new ArrayList<>();
        for (String hash : transactionHashes) {
            pending.add(web3j.ethGetTransactionReceipt(hash)
                    .sendAsync()
                    .thenApply(response -> response.getTransactionReceipt()
                            .orElseThrow(() -> new IllegalStateException("no receipt for " + hash))));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    /** An indexed bytes16 topic back to the UUID it was written from. */
    static String recordId(String topic) {
        ByteBuffer bytes = ByteBuffer.wrap(Numeric.hexStringToByteArray(topic));
        return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }

    static String topic(String recordId) {
        UUID id = UUID.fromString(recordId);
        ByteBuffer topic =
                ByteBuffer.allocate(32).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Numeric.toHexString(topic.array());
    }

    private static DefaultBlockParameter block(long number) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
    }
}

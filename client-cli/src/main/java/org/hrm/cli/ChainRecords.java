package org.hrm.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hrm.contracts.LedgerChunks;
import org.hrm.contracts.LedgerPayload;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.contracts.ledger.StoredPayloads;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/** Reads one record's ledger entries straight from the chain, as any full node could. */
public final class ChainRecords {
    private final Web3j web3j;

    public ChainRecords(Web3j web3j) {
        this.web3j = web3j;
    }

    /**
     * The record's payload in the given ledger contract, if it is on chain: its RecordStored log, its RecordInCalldata
     * log's payload read from its transaction's input and checked against the logged digest ({@link StoredPayloads}),
     * or its RecordChunkStored logs put together and checked against their digest ({@link LedgerChunks}).
     */
    public Optional<LedgerPayload> stored(String contract, String recordId) throws IOException {
        List<Log> whole = all(contract, StoredPayloads.WHOLE_RECORD_EVENTS, topic(recordId));
        if (!whole.isEmpty()) {
            return Optional.of(LedgerPayload.decode(
                    StoredPayloads.read(web3j, whole.get(whole.size() - 1)).bytes()));
        }
        List<LedgerChunks.Chunk> chunks = new ArrayList<>();
        for (Log log :
                all(contract, List.of(EventEncoder.encode(RecordLedger.RECORDCHUNKSTORED_EVENT)), topic(recordId))) {
            chunks.add(chunk(recordId, log));
        }
        return chunks.isEmpty()
                ? Optional.empty()
                : Optional.of(LedgerPayload.decode(LedgerChunks.reassemble(recordId, chunks)));
    }

    /** A RecordChunkStored log as a chunk of {@code recordId} (the id its topic names). */
    static LedgerChunks.Chunk chunk(String recordId, Log log) {
        RecordLedger.RecordChunkStoredEventResponse chunk = RecordLedger.getRecordChunkStoredEventFromLog(log);
        return new LedgerChunks.Chunk(recordId, bounded(chunk.index), bounded(chunk.count), chunk.digest, chunk.chunk);
    }

    private static int bounded(BigInteger value) {
        return value.bitLength() < 31 ? value.intValue() : Integer.MAX_VALUE;
    }

    /** Whether the contract carries a ShareGranted log for this grant. */
    public boolean grantOnChain(String contract, String grantId) throws IOException {
        return last(contract, EventEncoder.encode(RecordLedger.SHAREGRANTED_EVENT), topic(grantId))
                .isPresent();
    }

    /** Whether the contract carries a GrantRevoked log for this grant. */
    public boolean revokedOnChain(String contract, String grantId) throws IOException {
        return last(contract, EventEncoder.encode(RecordLedger.GRANTREVOKED_EVENT), topic(grantId))
                .isPresent();
    }

    private Optional<Log> last(String contract, String eventTopic, String firstIndexed) throws IOException {
        List<Log> logs = all(contract, List.of(eventTopic), firstIndexed);
        return logs.isEmpty() ? Optional.empty() : Optional.of(logs.get(logs.size() - 1));
    }

    private List<Log> all(String contract, List<String> eventTopics, String firstIndexed) throws IOException {
        EthFilter filter =
                new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contract);
        filter.addOptionalTopics(eventTopics.toArray(String[]::new)).addSingleTopic(firstIndexed);
        EthLog response = web3j.ethGetLogs(filter).send();
        if (response.hasError()) {
            throw new IOException("eth_getLogs failed: " + response.getError().getMessage());
        }
        return response.getLogs().stream().map(result -> (Log) result.get()).toList();
    }

    /** An indexed bytes16 topic: the UUID's 16 bytes, left-aligned in 32. */
    static String topic(String uuid) {
        UUID id = UUID.fromString(uuid);
        ByteBuffer topic =
                ByteBuffer.allocate(32).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Numeric.toHexString(topic.array());
    }
}

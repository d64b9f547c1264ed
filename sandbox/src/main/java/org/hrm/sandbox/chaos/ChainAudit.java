package org.hrm.sandbox.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.contracts.ledger.StoredPayloads;
import org.hrm.sandbox.ChainScanner;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * Counts, from the chain alone, the whole records' logs (RecordStored or RecordInCalldata, either layout: one per
 * record) and the RecordErased logs of each record id.
 */
final class ChainAudit {
    private static final String RECORD_ERASED = EventEncoder.encode(RecordLedger.RECORDERASED_EVENT);

    /** Log counts per record id at one moment. */
    record Counts(Map<String, Integer> stored, Map<String, Integer> erased) {
        int storedOf(String recordId) {
            return stored.getOrDefault(recordId, 0);
        }

        int erasedOf(String recordId) {
            return erased.getOrDefault(recordId, 0);
        }

        /** Extra whole records' logs beyond the first, over every record id on chain. */
        int duplicates() {
            return stored.values().stream().mapToInt(count -> count - 1).sum();
        }
    }

    private final String rpcUrl;
    private final List<String> contracts;

    ChainAudit(String rpcUrl, List<String> contracts) {
        this.rpcUrl = rpcUrl;
        this.contracts = List.copyOf(contracts);
    }

    Counts count() throws IOException {
        Web3j web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            Map<String, Integer> stored = new HashMap<>();
            Map<String, Integer> erased = new HashMap<>();
            for (Log log : new ChainScanner(web3j).logs(contracts)) {
                String event = log.getTopics().get(0);
                if (StoredPayloads.isWholeRecord(log)) {
                    stored.merge(recordId(log), 1, Integer::sum);
                } else if (event.equals(RECORD_ERASED)) {
                    erased.merge(recordId(log), 1, Integer::sum);
                }
            }
            return new Counts(stored, erased);
        } finally {
            web3j.shutdown();
        }
    }

    /** The number of the newest block. */
    BigInteger head() throws IOException {
        Web3j web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            return web3j.ethBlockNumber().send().getBlockNumber();
        } finally {
            web3j.shutdown();
        }
    }

    /**
     * Logs of any kind (RecordStored, RecordInCalldata, RecordErased, ShareGranted, GrantRevoked) whose first indexed id is one of
     * {@code ids} (a record id or a grant id), in blocks after {@code afterBlock}.
     */
    int logsNaming(Set<String> ids, BigInteger afterBlock) throws IOException {
        if (ids.isEmpty()) {
            return 0;
        }
        return (int) logs().stream()
                .filter(log -> log.getBlockNumber().compareTo(afterBlock) > 0)
                .filter(log -> log.getTopics().size() > 1 && ids.contains(recordId(log)))
                .count();
    }

    /**
     * The owner pseudonym the chain holds for a record (the second indexed topic of its RecordStored or
     * RecordInCalldata log), as anyone reads it.
     */
    byte[] pseudonymOf(String recordId) {
        try {
            return logs().stream()
                    .filter(log -> StoredPayloads.isWholeRecord(log) && recordId.equals(recordId(log)))
                    .map(log -> Numeric.hexStringToByteArray(log.getTopics().get(2)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("record " + recordId + " is not on chain"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Log> logs() throws IOException {
        Web3j web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            return new ChainScanner(web3j).logs(contracts);
        } finally {
            web3j.shutdown();
        }
    }

    /** The indexed bytes16 record id: the first 16 bytes of the first indexed topic. */
    static String recordId(Log log) {
        ByteBuffer topic =
                ByteBuffer.wrap(Numeric.hexStringToByteArray(log.getTopics().get(1)));
        return new UUID(topic.getLong(), topic.getLong()).toString();
    }
}

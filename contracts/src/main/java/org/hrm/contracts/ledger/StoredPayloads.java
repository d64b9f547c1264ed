package org.hrm.contracts.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.LedgerCalldata;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.utils.Numeric;

/**
 * The payloads of whole records' logs in either layout (docs/wire-format.md): a RecordStored log carries its payload;
 * a RecordInCalldata log carries the keccak256 of its payload and its position in the storeBatchInCalldata call of
 * its transaction, whose input is fetched (eth_getTransactionByHash, once per distinct transaction of the logs
 * given) and read with {@link LedgerCalldata#payload}. Shared by the key vault and the sandbox's chain readers.
 */
public final class StoredPayloads {
    public static final String RECORD_STORED = EventEncoder.encode(RecordLedger.RECORDSTORED_EVENT);
    public static final String RECORD_IN_CALLDATA = EventEncoder.encode(RecordLedger.RECORDINCALLDATA_EVENT);

    /** The event topics of a whole record, either layout: the first topic of a filter that reads both. */
    public static final List<String> WHOLE_RECORD_EVENTS = List.of(RECORD_STORED, RECORD_IN_CALLDATA);

    private StoredPayloads() {}

    /** A whole record's payload as read from its log, or why it cannot be read. */
    public record Read(Log log, byte[] payload, String failure) {
        /** The payload; an {@link InvalidEventException} with the reason when it could not be read or checked. */
        public byte[] bytes() {
            if (payload == null) {
                throw new InvalidEventException(failure);
            }
            return payload;
        }
    }

    /** Whether the log is a whole record's (RecordStored or RecordInCalldata, three topics). */
    public static boolean isWholeRecord(Log log) {
        List<String> topics = log.getTopics();
        return topics != null
                && topics.size() == 3
                && WHOLE_RECORD_EVENTS.contains(topics.get(0).toLowerCase(Locale.ROOT));
    }

    /** The payload of one whole record's log, its transaction's input fetched if it is a RecordInCalldata. */
    public static Read read(Web3j web3j, Log log) {
        return read(web3j, List.of(log)).get(0);
    }

    /**
     * The payloads of whole records' logs, in the order given: the input of each distinct transaction among the
     * RecordInCalldata logs is fetched once, all of them at the same time. A log whose transaction the node does not
     * know, whose input is not a storeBatchInCalldata call, or whose payload there does not match its digest, is a
     * failed read; a node that cannot be asked throws.
     *
     * @throws UncheckedIOException when the node does not answer
     */
    public static List<Read> read(Web3j web3j, List<Log> logs) {
        Map<String, CompletableFuture<EthTransaction>> pending = new LinkedHashMap<>();
        for (Log log : logs) {
            if (inCalldata(log)) {
                pending.computeIfAbsent(
                        log.getTransactionHash(),
                        hash -> web3j.ethGetTransactionByHash(hash).sendAsync());
            }
        }
        Map<String, Optional<byte[]>> inputs = new LinkedHashMap<>();
        pending.forEach((hash, answer) -> inputs.put(hash, input(hash, answer)));
        List<Read> reads = new ArrayList<>(logs.size());
        for (Log log : logs) {
            reads.add(read(log, inputs.getOrDefault(log.getTransactionHash(), Optional.empty())));
        }
        return reads;
    }

    private static Read read(Log log, Optional<byte[]> input) {
        try {
            if (!inCalldata(log)) {
                return new Read(log, RecordLedger.getRecordStoredEventFromLog(log).payload, null);
            }
            RecordLedger.RecordInCalldataEventResponse event = RecordLedger.getRecordInCalldataEventFromLog(log);
            if (input.isEmpty()) {
                return new Read(log, null, "the node has no input for transaction " + log.getTransactionHash());
            }
            long position = event.position.bitLength() < 63 ? event.position.longValue() : Long.MAX_VALUE;
            return new Read(log, LedgerCalldata.payload(input.get(), position, event.digest), null);
        } catch (InvalidEventException e) {
            return new Read(log, null, e.getMessage());
        } catch (RuntimeException e) {
            // web3j's decoder refuses log data that is not of the event's shape with runtime exceptions of its own
            return new Read(log, null, "a malformed log: " + e);
        }
    }

    private static boolean inCalldata(Log log) {
        return RECORD_IN_CALLDATA.equalsIgnoreCase(log.getTopics().get(0));
    }

    private static Optional<byte[]> input(String hash, CompletableFuture<EthTransaction> answer) {
        EthTransaction response;
        try {
            response = answer.join();
        } catch (CompletionException e) {
            throw new UncheckedIOException(
                    "eth_getTransactionByHash " + hash + " failed",
                    e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        }
        if (response.hasError()) {
            throw new UncheckedIOException(new IOException("eth_getTransactionByHash " + hash + " failed: "
                    + response.getError().getMessage()));
        }
        return response.getTransaction()
                .map(Transaction::getInput)
                .filter(input -> input != null && !input.isEmpty())
                .map(Numeric::hexStringToByteArray);
    }
}

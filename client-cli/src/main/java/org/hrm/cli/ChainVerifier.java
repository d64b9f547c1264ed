package org.hrm.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.LedgerChunks;
import org.hrm.contracts.LedgerPayload;
import org.hrm.contracts.authority.ShareShape;
import org.hrm.contracts.events.SealedShare;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.contracts.ledger.StoredPayloads;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * An auditor's view that needs nothing but a node's JSON-RPC: finds every ledger contract by its
 * events, counts records, grant shares, revocations and tombstones per contract, and checks that
 * every record payload (a record stored in chunks put together and checked against its digest first; one in the calldata
 * layout read from its transaction's input and checked against its logged keccak256, {@link StoredPayloads}) is well-formed ciphertext with no plaintext structure in it, and every grant share is shaped
 * like a key share (reported apart).
 */
public final class ChainVerifier {
    static final String RECORD_STORED = StoredPayloads.RECORD_STORED;
    static final String RECORD_IN_CALLDATA = StoredPayloads.RECORD_IN_CALLDATA;
    static final String RECORD_CHUNK_STORED = EventEncoder.encode(RecordLedger.RECORDCHUNKSTORED_EVENT);
    static final String SHARE_GRANTED = EventEncoder.encode(RecordLedger.SHAREGRANTED_EVENT);
    static final String GRANT_REVOKED = EventEncoder.encode(RecordLedger.GRANTREVOKED_EVENT);
    static final String RECORD_ERASED = EventEncoder.encode(RecordLedger.RECORDERASED_EVENT);
    private static final long BLOCKS_PER_QUERY = 5_000;

    private final Web3j web3j;

    public ChainVerifier(Web3j web3j) {
        this.web3j = web3j;
    }

    /** Counts of one ledger contract. */
    static final class ContractReport {
        long records;
        long chunkedRecords;
        /** The chunks of each record stored in chunks, put together once the whole chain is read. */
        final Map<String, List<LedgerChunks.Chunk>> chunks = new LinkedHashMap<>();

        long grantShares;
        long revocations;
        long tombstones;
        long malformedPayloads;
        long plaintextLikePayloads;
        long malformedGrantShares;
    }

    public Map<String, Object> verify() throws IOException {
        Map<String, ContractReport> contracts = new TreeMap<>();
        long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        for (long from = 0; from <= head; from += BLOCKS_PER_QUERY) {
            List<Log> wholeRecords = new ArrayList<>();
            for (Log log : logs(from, Math.min(head, from + BLOCKS_PER_QUERY - 1))) {
                ContractReport report = contracts.computeIfAbsent(log.getAddress(), address -> new ContractReport());
                if (StoredPayloads.isWholeRecord(log)) {
                    wholeRecords.add(log);
                } else {
                    count(report, log);
                }
            }
            // Either layout: a RecordInCalldata's payload comes from its transaction's input, checked against its
            // digest (a missing input or a mismatch counts as a malformed payload).
            for (StoredPayloads.Read read : StoredPayloads.read(web3j, wholeRecords)) {
                ContractReport report = contracts.get(read.log().getAddress());
                report.records++;
                if (read.payload() == null) {
                    report.malformedPayloads++;
                } else {
                    inspect(report, read.payload());
                }
            }
        }
        contracts.values().forEach(ChainVerifier::inspectChunked);
        return report(head, contracts);
    }

    private List<Log> logs(long from, long to) throws IOException {
        EthFilter filter = new EthFilter(block(from), block(to), List.of());
        filter.addOptionalTopics(
                RECORD_STORED, RECORD_IN_CALLDATA, RECORD_CHUNK_STORED, SHARE_GRANTED, GRANT_REVOKED, RECORD_ERASED);
        EthLog response = web3j.ethGetLogs(filter).send();
        if (response.hasError()) {
            throw new IOException("eth_getLogs failed: " + response.getError().getMessage());
        }
        return response.getLogs().stream().map(result -> (Log) result.get()).toList();
    }

    private static DefaultBlockParameter block(long number) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
    }

    private static void count(ContractReport report, Log log) {
        String event = log.getTopics().get(0);
        if (event.equals(RECORD_CHUNK_STORED)) {
            // The record id topic names the record: it is all the reassembly compares.
            String recordId = log.getTopics().get(1).toLowerCase(Locale.ROOT);
            report.chunks.computeIfAbsent(recordId, id -> new ArrayList<>()).add(ChainRecords.chunk(recordId, log));
        } else if (event.equals(SHARE_GRANTED)) {
            report.grantShares++;
            byte[] share = RecordLedger.getShareGrantedEventFromLog(log).share;
            if (ShareShape.anyVersionRefusal(share).isPresent()) {
                report.malformedGrantShares++;
            }
        } else if (event.equals(GRANT_REVOKED)) {
            report.revocations++;
        } else if (event.equals(RECORD_ERASED)) {
            report.tombstones++;
        }
    }

    /**
     * Each record stored in chunks is one record: its chunks put together and checked against their digest (a missing
     * chunk or a wrong digest counts as a malformed payload), then inspected as a whole payload.
     */
    private static void inspectChunked(ContractReport report) {
        report.chunks.forEach((recordId, chunks) -> {
            report.records++;
            report.chunkedRecords++;
            try {
                inspect(report, LedgerChunks.reassemble(recordId, chunks));
            } catch (InvalidEventException e) {
                report.malformedPayloads++;
            }
        });
        report.chunks.clear();
    }

    private static void inspect(ContractReport report, byte[] bytes) {
        try {
            LedgerPayload payload = LedgerPayload.decode(bytes);
            boolean structured = CiphertextCheck.looksLikePlaintext(payload.outerCiphertext())
                    || payload.shares().stream().map(SealedShare::share).anyMatch(CiphertextCheck::looksLikePlaintext);
            if (structured) {
                report.plaintextLikePayloads++;
            }
        } catch (InvalidEventException e) {
            report.malformedPayloads++;
        }
    }

    private static Map<String, Object> report(long head, Map<String, ContractReport> contracts) {
        Map<String, Object> perContract = new LinkedHashMap<>();
        ContractReport total = new ContractReport();
        contracts.forEach((address, report) -> {
            perContract.put(
                    address,
                    Map.of(
                            "records",
                            report.records,
                            "chunkedRecords",
                            report.chunkedRecords,
                            "grantShares",
                            report.grantShares,
                            "revocations",
                            report.revocations,
                            "tombstones",
                            report.tombstones,
                            "malformedPayloads",
                            report.malformedPayloads,
                            "plaintextLikePayloads",
                            report.plaintextLikePayloads,
                            "malformedGrantShares",
                            report.malformedGrantShares));
            total.records += report.records;
            total.chunkedRecords += report.chunkedRecords;
            total.grantShares += report.grantShares;
            total.revocations += report.revocations;
            total.tombstones += report.tombstones;
            total.malformedPayloads += report.malformedPayloads;
            total.plaintextLikePayloads += report.plaintextLikePayloads;
            total.malformedGrantShares += report.malformedGrantShares;
        });
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("chainHead", head);
        summary.put("contracts", contracts.size());
        summary.put("records", total.records);
        summary.put("chunkedRecords", total.chunkedRecords);
        summary.put("grantShares", total.grantShares);
        summary.put("revocations", total.revocations);
        summary.put("tombstones", total.tombstones);
        summary.put("malformedPayloads", total.malformedPayloads);
        summary.put("plaintextLikePayloads", total.plaintextLikePayloads);
        summary.put("allCiphertext", total.malformedPayloads == 0 && total.plaintextLikePayloads == 0);
        // Grant shares are checked as record payloads are, and reported apart: 145-byte v2 or 113-byte v1 shares,
        // enc a P-256 point, no printable run (ShareShape).
        summary.put("malformedGrantShares", total.malformedGrantShares);
        summary.put("allGrantSharesWellFormed", total.malformedGrantShares == 0);
        summary.put("perContract", perContract);
        return summary;
    }

    /**
     * {@code ./hrm verify-chain --rpc URL [--rpc-token-key-file FILE]}: prints the report as one JSON line; exit 1 if
     * any record payload or grant share fails. With {@code --audit FILE} it checks an exported access history instead
     * ({@link AuditVerifier}).
     */
    static int run(VerifyChainCli args) throws IOException {
        if (args.audit != null) {
            return AuditVerifier.run(args);
        }
        if (args.rpc == null) {
            throw new UsageException("verify-chain: give --rpc URL (or --audit FILE)");
        }
        Web3j web3j = AuditorChainClient.connect(args.rpc, args.rpcTokenKeyFile);
        try {
            Map<String, Object> report = new ChainVerifier(web3j).verify();
            System.out.println(Json.write(report));
            return Boolean.TRUE.equals(report.get("allCiphertext"))
                            && Boolean.TRUE.equals(report.get("allGrantSharesWellFormed"))
                    ? 0
                    : 1;
        } finally {
            web3j.shutdown();
        }
    }
}

package org.hrm.ledgerwriter.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.hrm.contracts.ledger.StoredPayloads;
import org.hrm.ledgerwriter.domain.RecordIds;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Reads whole records' logs (RecordStored, or RecordInCalldata with its payload from its transaction's input, checked
 * against the logged digest) straight from a node, independently of the service.
 */
public final class LedgerLogs {
    private LedgerLogs() {}

    /** One whole record's log as an auditor sees it. */
    public record StoredRecord(
            String contract, String recordId, String transactionHash, long blockNumber, int logIndex, byte[] payload) {}

    public static List<StoredRecord> read(Web3j web3j, String contract) {
        EthFilter filter =
                new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contract);
        filter.addOptionalTopics(StoredPayloads.WHOLE_RECORD_EVENTS.toArray(String[]::new));
        try {
            EthLog response = web3j.ethGetLogs(filter).send();
            if (response.hasError()) {
                throw new IllegalStateException(response.getError().getMessage());
            }
            List<Log> logs = new ArrayList<>();
            for (EthLog.LogResult<?> result : response.getLogs()) {
                logs.add((Log) result.get());
            }
            return StoredPayloads.read(web3j, logs).stream()
                    .map(LedgerLogs::stored)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StoredRecord stored(StoredPayloads.Read read) {
        Log log = read.log();
        return new StoredRecord(
                log.getAddress().toLowerCase(java.util.Locale.ROOT),
                RecordIds.fromBytes16(org.web3j.utils.Numeric.hexStringToByteArray(
                        log.getTopics().get(1))),
                log.getTransactionHash(),
                log.getBlockNumber().longValueExact(),
                log.getLogIndex().intValueExact(),
                read.bytes());
    }
}

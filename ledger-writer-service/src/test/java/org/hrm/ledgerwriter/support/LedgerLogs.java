package org.hrm.ledgerwriter.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.ledgerwriter.domain.RecordIds;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/** Reads RecordStored logs straight from a node with eth_getLogs, independently of the service. */
public final class LedgerLogs {
    private LedgerLogs() {}

    /** One RecordStored log as an auditor sees it. */
    public record StoredRecord(
            String contract, String recordId, String transactionHash, long blockNumber, int logIndex, byte[] payload) {}

    public static List<StoredRecord> read(Web3j web3j, String contract) {
        EthFilter filter =
                new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contract);
        filter.addSingleTopic(EventEncoder.encode(RecordLedger.RECORDSTORED_EVENT));
        try {
            EthLog response = web3j.ethGetLogs(filter).send();
            if (response.hasError()) {
                throw new IllegalStateException(response.getError().getMessage());
            }
            List<StoredRecord> records = new ArrayList<>();
            for (EthLog.LogResult<?> result : response.getLogs()) {
                records.add(stored((Log) result.get()));
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StoredRecord stored(Log log) {
        RecordLedger.RecordStoredEventResponse event = RecordLedger.getRecordStoredEventFromLog(log);
        return new StoredRecord(
                log.getAddress().toLowerCase(java.util.Locale.ROOT),
                RecordIds.fromBytes16(event.recordId),
                log.getTransactionHash(),
                log.getBlockNumber().longValueExact(),
                log.getLogIndex().intValueExact(),
                event.payload);
    }
}

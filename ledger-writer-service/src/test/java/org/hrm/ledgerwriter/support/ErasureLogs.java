package org.hrm.ledgerwriter.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.ledgerwriter.domain.RecordIds;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/** Reads the RecordErased logs of one record with eth_getLogs, as an auditor checks a tombstone. */
public final class ErasureLogs {
    private ErasureLogs() {}

    /** One RecordErased log as an auditor sees it. */
    public record ErasedLog(
            String contract,
            String recordId,
            byte[] ownerPseudonym,
            String transactionHash,
            long blockNumber,
            int logIndex) {}

    public static List<ErasedLog> read(Web3j web3j, String contract, String recordId) {
        EthFilter filter =
                new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contract);
        byte[] topic = new byte[32];
        System.arraycopy(RecordIds.toBytes16(recordId), 0, topic, 0, RecordIds.LENGTH);
        filter.addSingleTopic(EventEncoder.encode(RecordLedger.RECORDERASED_EVENT))
                .addSingleTopic(Numeric.toHexString(topic));
        try {
            EthLog response = web3j.ethGetLogs(filter).send();
            if (response.hasError()) {
                throw new IllegalStateException(response.getError().getMessage());
            }
            List<ErasedLog> logs = new ArrayList<>();
            for (EthLog.LogResult<?> result : response.getLogs()) {
                logs.add(erased((Log) result.get()));
            }
            return logs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ErasedLog erased(Log log) {
        RecordLedger.RecordErasedEventResponse event = RecordLedger.getRecordErasedEventFromLog(log);
        return new ErasedLog(
                log.getAddress().toLowerCase(Locale.ROOT),
                RecordIds.fromBytes16(event.recordId),
                event.ownerPseudonym,
                log.getTransactionHash(),
                log.getBlockNumber().longValueExact(),
                log.getLogIndex().intValueExact());
    }
}

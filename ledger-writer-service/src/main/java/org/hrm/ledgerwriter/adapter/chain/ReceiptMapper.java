package org.hrm.ledgerwriter.adapter.chain;

import java.util.List;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.RecordIds;
import org.hrm.ledgerwriter.domain.StoredLog;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** Reads a web3j receipt: status 0x1 or not, its block, and every RecordStored log with its index. */
final class ReceiptMapper {
    static final String RECORD_STORED_TOPIC = EventEncoder.encode(RecordLedger.RECORDSTORED_EVENT);

    private ReceiptMapper() {}

    static ChainReceipt map(TransactionReceipt receipt) {
        List<StoredLog> logs = receipt.getLogs().stream()
                .filter(ReceiptMapper::isRecordStored)
                .map(ReceiptMapper::storedLog)
                .toList();
        return new ChainReceipt(
                receipt.getTransactionHash(),
                "0x1".equals(receipt.getStatus()),
                receipt.getBlockNumber().longValueExact(),
                logs);
    }

    private static boolean isRecordStored(Log log) {
        List<String> topics = log.getTopics();
        return topics.size() == 3 && RECORD_STORED_TOPIC.equalsIgnoreCase(topics.get(0));
    }

    private static StoredLog storedLog(Log log) {
        String recordId = RecordIds.fromBytes16(
                Numeric.hexStringToByteArray(log.getTopics().get(1)));
        return new StoredLog(log.getAddress(), recordId, log.getLogIndex().intValueExact());
    }
}

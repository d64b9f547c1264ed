package org.hrm.ledgerwriter.adapter.chain;

import java.util.List;
import java.util.Optional;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.RecordIds;
import org.hrm.ledgerwriter.domain.Revocation;
import org.hrm.ledgerwriter.domain.ShareGrant;
import org.hrm.ledgerwriter.domain.StoredLog;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Reads a web3j receipt: status 0x1 or not, its block, and every log that writes an index entry with
 * its index: RecordStored, RecordInCalldata and RecordErased (the record id; a transaction makes one call, so its logs
 * are of one kind), RecordChunkStored ({@code recordId#index}, the index its third topic), ShareGranted ({@code grantId:recordId}), GrantRevoked ({@code grantId:revoked}), AuditAnchored (the root, hex).
 */
final class ReceiptMapper {
    static final String RECORD_STORED_TOPIC = EventEncoder.encode(RecordLedger.RECORDSTORED_EVENT);
    static final String RECORD_IN_CALLDATA_TOPIC = EventEncoder.encode(RecordLedger.RECORDINCALLDATA_EVENT);
    static final String RECORD_CHUNK_STORED_TOPIC = EventEncoder.encode(RecordLedger.RECORDCHUNKSTORED_EVENT);
    static final String SHARE_GRANTED_TOPIC = EventEncoder.encode(RecordLedger.SHAREGRANTED_EVENT);
    static final String GRANT_REVOKED_TOPIC = EventEncoder.encode(RecordLedger.GRANTREVOKED_EVENT);
    static final String RECORD_ERASED_TOPIC = EventEncoder.encode(RecordLedger.RECORDERASED_EVENT);
    static final String AUDIT_ANCHORED_TOPIC = EventEncoder.encode(RecordLedger.AUDITANCHORED_EVENT);

    private ReceiptMapper() {}

    static ChainReceipt map(TransactionReceipt receipt) {
        List<StoredLog> logs = receipt.getLogs().stream()
                .map(ReceiptMapper::storedLog)
                .flatMap(Optional::stream)
                .toList();
        return new ChainReceipt(
                receipt.getTransactionHash(),
                "0x1".equals(receipt.getStatus()),
                receipt.getBlockNumber().longValueExact(),
                logs);
    }

    private static Optional<StoredLog> storedLog(Log log) {
        return entryId(log.getTopics())
                .map(entryId -> new StoredLog(
                        log.getAddress(), entryId, log.getLogIndex().intValueExact()));
    }

    private static Optional<String> entryId(List<String> topics) {
        if (topics.size() == 3
                && (RECORD_STORED_TOPIC.equalsIgnoreCase(topics.get(0))
                        || RECORD_IN_CALLDATA_TOPIC.equalsIgnoreCase(topics.get(0))
                        || RECORD_ERASED_TOPIC.equalsIgnoreCase(topics.get(0)))) {
            return Optional.of(id(topics.get(1)));
        }
        if (topics.size() == 4 && RECORD_CHUNK_STORED_TOPIC.equalsIgnoreCase(topics.get(0))) {
            int index = Numeric.toBigInt(topics.get(3)).intValueExact();
            return Optional.of(RecordIds.chunkEntryId(id(topics.get(1)), index));
        }
        if (topics.size() == 3 && SHARE_GRANTED_TOPIC.equalsIgnoreCase(topics.get(0))) {
            return Optional.of(ShareGrant.entryId(id(topics.get(1)), id(topics.get(2))));
        }
        if (topics.size() == 2 && AUDIT_ANCHORED_TOPIC.equalsIgnoreCase(topics.get(0))) {
            return Optional.of(Numeric.cleanHexPrefix(topics.get(1)).toLowerCase(java.util.Locale.ROOT));
        }
        if (topics.size() == 2 && GRANT_REVOKED_TOPIC.equalsIgnoreCase(topics.get(0))) {
            return Optional.of(Revocation.entryId(id(topics.get(1))));
        }
        return Optional.empty();
    }

    private static String id(String topic) {
        return RecordIds.fromBytes16(Numeric.hexStringToByteArray(topic));
    }
}

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

/** Reads ShareGranted and GrantRevoked logs of one grant with eth_getLogs, the way the key vault does. */
public final class ConsentLogs {
    private ConsentLogs() {}

    /** One ShareGranted log as the vault sees it. */
    public record GrantedShare(
            String contract, String grantId, String recordId, byte[] share, String transactionHash) {}

    /** One GrantRevoked log. */
    public record RevokedGrant(String contract, String grantId, String transactionHash) {}

    public static List<GrantedShare> shares(Web3j web3j, String contract, String grantId) {
        List<GrantedShare> shares = new ArrayList<>();
        for (Log log : logs(web3j, contract, EventEncoder.encode(RecordLedger.SHAREGRANTED_EVENT), grantId)) {
            RecordLedger.ShareGrantedEventResponse event = RecordLedger.getShareGrantedEventFromLog(log);
            shares.add(new GrantedShare(
                    log.getAddress().toLowerCase(Locale.ROOT),
                    RecordIds.fromBytes16(event.grantId),
                    RecordIds.fromBytes16(event.recordId),
                    event.share,
                    log.getTransactionHash()));
        }
        return shares;
    }

    public static List<RevokedGrant> revocations(Web3j web3j, String contract, String grantId) {
        return logs(web3j, contract, EventEncoder.encode(RecordLedger.GRANTREVOKED_EVENT), grantId).stream()
                .map(log -> new RevokedGrant(
                        log.getAddress().toLowerCase(Locale.ROOT),
                        RecordIds.fromBytes16(RecordLedger.getGrantRevokedEventFromLog(log).grantId),
                        log.getTransactionHash()))
                .toList();
    }

    private static List<Log> logs(Web3j web3j, String contract, String eventTopic, String grantId) {
        EthFilter filter =
                new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contract);
        byte[] topic = new byte[32];
        System.arraycopy(RecordIds.toBytes16(grantId), 0, topic, 0, RecordIds.LENGTH);
        filter.addSingleTopic(eventTopic).addSingleTopic(Numeric.toHexString(topic));
        try {
            EthLog response = web3j.ethGetLogs(filter).send();
            if (response.hasError()) {
                throw new IllegalStateException(response.getError().getMessage());
            }
            List<Log> logs = new ArrayList<>();
            for (EthLog.LogResult<?> result : response.getLogs()) {
                logs.add((Log) result.get());
            }
            return logs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.hrm.benchmarks.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hrm.contracts.ledger.RecordLedger;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

class LedgerScanTest {
    @Test
    void readsBackTheRecordIdItWroteAsAnIndexedBytes16Topic() {
        String recordId = UUID.randomUUID().toString();

        String topic = LedgerScan.topic(recordId);

        assertThat(topic).hasSize(66).endsWith("0".repeat(32));
        assertThat(LedgerScan.recordId(topic)).isEqualTo(recordId);
    }

    @Test
    void namesTheRecordsAndContractsOfTheChunksInTheReceiptsButNotTheRecordsStoredWhole() {
        String chunked = UUID.randomUUID().toString();
        String whole = UUID.randomUUID().toString();
        String owner = "0x" + "0".repeat(64);

        var records = LedgerScan.chunkedRecords(List.of(
                receipt(log("0xc0", RecordLedger.RECORDCHUNKSTORED_EVENT, LedgerScan.topic(chunked), owner, owner)),
                receipt(log("0xc1", RecordLedger.RECORDSTORED_EVENT, LedgerScan.topic(whole), owner))));

        assertThat(records).containsExactly(Map.entry(chunked, "0xc0"));
    }

    private static TransactionReceipt receipt(Log log) {
        TransactionReceipt receipt = new TransactionReceipt();
        receipt.setLogs(List.of(log));
        return receipt;
    }

    private static Log log(String contract, Event event, String... indexed) {
        Log log = new Log();
        log.setAddress(contract);
        List<String> topics = new ArrayList<>(List.of(EventEncoder.encode(event)));
        topics.addAll(List.of(indexed));
        log.setTopics(topics);
        return log;
    }
}

package org.hrm.benchmarks.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.sandbox.AnvilLedgers;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The bench's gas figures count every chunk transaction of a chunked record, though RecordCommitted names only its
 * last chunk's; its scan finds and reads records of both layouts.
 */
class LedgerScanIT {
    @Test
    void findsTheReceiptsOfEveryChunkOfAChunkedRecordFromItsLastChunksTransaction() throws Exception {
        try (AnvilLedgers chain = AnvilLedgers.start()) {
            Web3j web3j = chain.web3j();
            RecordLedger ledger = chain.writer(Domain.PATIENT, 1_000_000);
            byte[] chunked = id();
            byte[] owner = new byte[32];
            List<String> chunks = List.of(
                    chunk(ledger, chunked, owner, 0),
                    chunk(ledger, chunked, owner, 1),
                    chunk(ledger, chunked, owner, 2));
            String plain = ledger.storeBatch(List.of(id()), List.of(owner), List.of(new byte[] {7}))
                    .send()
                    .getTransactionHash();

            List<TransactionReceipt> receipts =
                    new LedgerScan(web3j).receiptsOfEveryChunk(List.of(chunks.get(2), plain));

            assertThat(receipts)
                    .extracting(TransactionReceipt::getTransactionHash)
                    .containsExactlyInAnyOrder(chunks.get(0), chunks.get(1), chunks.get(2), plain);
        }
    }

    /** The bench's scan counts and reads records of both layouts: the calldata layout's payload from the input. */
    @Test
    void findsAndReadsRecordsOfBothLayouts() throws Exception {
        try (AnvilLedgers chain = AnvilLedgers.start()) {
            LedgerScan scan = new LedgerScan(chain.web3j());
            long from = scan.head() + 1;
            RecordLedger ledger = chain.writer(Domain.PATIENT, 1_000_000);
            String logged = UUID.randomUUID().toString();
            String inCalldata = UUID.randomUUID().toString();
            byte[] owner = new byte[32];
            ledger.storeBatch(List.of(AnvilLedgers.bytes16(logged)), List.of(owner), List.of(new byte[] {1, 2}))
                    .send();
            ledger.storeBatchInCalldata(
                            List.of(AnvilLedgers.bytes16(inCalldata)), List.of(owner), List.of(new byte[] {3, 4, 5}))
                    .send();
            String contract = chain.contract(Domain.PATIENT);

            assertThat(scan.storedRecordIds(List.of(contract), from)).containsExactly(logged, inCalldata);
            assertThat(scan.payload(contract, logged)).containsExactly(1, 2);
            assertThat(scan.payload(contract, inCalldata)).containsExactly(3, 4, 5);
        }
    }

    private static String chunk(RecordLedger ledger, byte[] recordId, byte[] owner, int index) throws Exception {
        return ledger.storeChunk(
                        recordId, owner, BigInteger.valueOf(index), BigInteger.valueOf(3), new byte[32], new byte[] {
                            (byte) index
                        })
                .send()
                .getTransactionHash();
    }

    /** A bytes16 record id, as the writer writes a UUID. */
    private static byte[] id() {
        return Arrays.copyOf(
                Numeric.hexStringToByteArray(LedgerScan.topic(UUID.randomUUID().toString())), 16);
    }
}

package org.hrm.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.embedded.AnvilNode;
import org.hrm.embedded.LedgerDeployment;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * The bench's gas figures count every chunk transaction of a chunked record, though RecordCommitted names only its
 * last chunk's.
 */
class LedgerScanIT {
    @Test
    void findsTheReceiptsOfEveryChunkOfAChunkedRecordFromItsLastChunksTransaction() throws Exception {
        try (AnvilNode anvil = AnvilNode.start(AnvilNode.Options.defaults())) {
            Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
            try {
                Map<Domain, String> contracts = LedgerDeployment.deploy(
                        anvil.rpcUrl(), AnvilNode.CHAIN_ID, AnvilNode.ADMIN_KEY, AnvilNode.WRITER_KEY);
                RecordLedger ledger = RecordLedger.load(
                        contracts.get(Domain.PATIENT),
                        web3j,
                        new RawTransactionManager(
                                web3j,
                                Credentials.create(AnvilNode.WRITER_KEY),
                                AnvilNode.CHAIN_ID,
                                new PollingTransactionReceiptProcessor(web3j, 100, 100)),
                        new StaticGasProvider(BigInteger.ZERO, BigInteger.valueOf(1_000_000)));
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
            } finally {
                web3j.shutdown();
            }
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

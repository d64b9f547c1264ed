package org.hrm.ledgerwriter.adapter.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hrm.contracts.Domain;
import org.hrm.embedded.AnvilNode;
import org.hrm.embedded.LedgerDeployment;
import org.hrm.ledgerwriter.application.SignedTransaction;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.GasModel;
import org.hrm.ledgerwriter.domain.PackedTransaction;
import org.hrm.ledgerwriter.support.Records;
import org.hrm.ledgerwriter.support.TestLedgerProperties;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * An automining Anvil mines, per wake-up, only what fits one block and strands the rest of its pool until another
 * transaction arrives: the cause of the 1 MiB bench's limit phase timing out. Sent in waves of one block's gas, in
 * nonce order, a batch of several blocks' gas is mined whole.
 */
class BlockWavesIT {
    /** Payload bytes of each transaction's one record: about 2.5 million gas, each one's limit about 2.8 million. */
    private static final int PAYLOAD = 100_000;

    private static final GasModel GAS = new GasModel(10);
    /** Three transactions' gas limits: one block takes three of these transactions, not four. */
    private static final long BLOCK_GAS = 3 * GAS.gasLimit(List.of(PAYLOAD));

    @Test
    void aBatchOfFourBlocksOfGasSentLowestNonceLastIsMinedWhole() {
        try (AnvilNode anvil = AnvilNode.start(AnvilNode.Options.defaults().withBlockTime(0, BLOCK_GAS))) {
            Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl(), ChainConfiguration.httpClient(64)));
            try {
                sendsAndAwaits(anvil, web3j);
            } finally {
                web3j.shutdown();
            }
        }
    }

    private static void sendsAndAwaits(AnvilNode anvil, Web3j web3j) {
        Map<Domain, String> contracts =
                LedgerDeployment.deploy(anvil.rpcUrl(), AnvilNode.CHAIN_ID, AnvilNode.ADMIN_KEY, AnvilNode.WRITER_KEY);
        Web3jLedgerChain chain = new Web3jLedgerChain(
                web3j,
                TestLedgerProperties.bind(
                        anvil.rpcUrl(), AnvilNode.WRITER_KEY, contracts, Map.of("hrm.ledger.receipt-timeout", "60s")));
        List<SignedTransaction> signed = IntStream.range(0, 12)
                .mapToObj(i -> chain.sign(
                        contracts.get(Domain.PATIENT),
                        new PackedTransaction(List.of(Records.ledgerRecord(PAYLOAD)), GAS.gasLimit(List.of(PAYLOAD)))))
                .toList();
        List<SignedTransaction> lowestNonceLast = new ArrayList<>(signed);
        Collections.reverse(lowestNonceLast);

        chain.broadcast(lowestNonceLast);
        Map<String, ChainReceipt> receipts = chain.awaitConfirmed(
                signed.stream().map(SignedTransaction::hash).toList());

        assertThat(receipts).hasSize(12);
        assertThat(receipts.values())
                .allSatisfy(receipt -> assertThat(receipt.succeeded()).isTrue());
    }
}

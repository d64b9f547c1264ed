package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.LedgerPayload;
import org.hrm.contracts.events.SealedShare;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.embedded.AnvilNode;
import org.hrm.embedded.LedgerDeployment;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * The auditor's readers see records of both layouts alike: the verifier counts and inspects a payload that is only in
 * a transaction's calldata as it does a logged one (a plaintext-looking payload in calldata is caught), and
 * {@link ChainRecords} gives each record's payload back.
 */
class ChainReadersIT {
    private final Random random = new Random(47);

    @Test
    void verifierAndChainRecordsReadRecordsOfBothLayouts() throws Exception {
        try (AnvilNode anvil = AnvilNode.start(AnvilNode.Options.defaults())) {
            Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
            try {
                Map<Domain, String> contracts = LedgerDeployment.deploy(
                        anvil.rpcUrl(), AnvilNode.CHAIN_ID, AnvilNode.ADMIN_KEY, AnvilNode.WRITER_KEY);
                String contract = contracts.get(Domain.PATIENT);
                RecordLedger ledger = RecordLedger.load(
                        contract,
                        web3j,
                        new RawTransactionManager(
                                web3j,
                                Credentials.create(AnvilNode.WRITER_KEY),
                                AnvilNode.CHAIN_ID,
                                new PollingTransactionReceiptProcessor(web3j, 100, 100)),
                        new StaticGasProvider(BigInteger.ZERO, BigInteger.valueOf(2_000_000)));
                String logged = UUID.randomUUID().toString();
                List<String> inCalldata =
                        List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
                LedgerPayload loggedPayload = payload(random(1_100));
                LedgerPayload calldataPayload = payload(random(1_100));
                LedgerPayload plaintext = payload("Patient: Jane Doe, diagnosis: none, notes: nothing to see here"
                        .getBytes(StandardCharsets.UTF_8));
                assertThat(ledger.storeBatch(List.of(id(logged)), List.of(random(32)), List.of(loggedPayload.encode()))
                                .send()
                                .isStatusOK())
                        .isTrue();
                assertThat(ledger.storeBatchInCalldata(
                                        inCalldata.stream()
                                                .map(ChainReadersIT::id)
                                                .toList(),
                                        List.of(random(32), random(32)),
                                        List.of(calldataPayload.encode(), plaintext.encode()))
                                .send()
                                .isStatusOK())
                        .isTrue();

                Map<String, Object> report = new ChainVerifier(web3j).verify();
                ChainRecords records = new ChainRecords(web3j);

                assertThat(report).containsEntry("records", 3L).containsEntry("malformedPayloads", 0L);
                assertThat(report).containsEntry("plaintextLikePayloads", 1L).containsEntry("allCiphertext", false);
                assertThat(records.stored(contract, logged).orElseThrow().outerCiphertext())
                        .isEqualTo(loggedPayload.outerCiphertext());
                assertThat(records.stored(contract, inCalldata.get(0))
                                .orElseThrow()
                                .outerCiphertext())
                        .isEqualTo(calldataPayload.outerCiphertext());
                assertThat(records.stored(contract, inCalldata.get(1))
                                .orElseThrow()
                                .outerCiphertext())
                        .isEqualTo(plaintext.outerCiphertext());
                assertThat(records.stored(contract, UUID.randomUUID().toString()))
                        .isEmpty();
            } finally {
                web3j.shutdown();
            }
        }
    }

    private LedgerPayload payload(byte[] outerCiphertext) {
        return new LedgerPayload(outerCiphertext, List.of(new SealedShare(random(32), random(145))), random(64));
    }

    private byte[] random(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] id(String uuid) {
        UUID id = UUID.fromString(uuid);
        return java.nio.ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}

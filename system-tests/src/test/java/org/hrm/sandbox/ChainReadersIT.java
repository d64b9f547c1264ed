package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.hrm.cli.ChainRecords;
import org.hrm.cli.ChainVerifier;
import org.hrm.cli.HrmCli;
import org.hrm.contracts.Domain;
import org.hrm.contracts.LedgerPayload;
import org.hrm.contracts.events.SealedShare;
import org.hrm.contracts.ledger.RecordLedger;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;

/**
 * The auditor's readers see records of both layouts alike: the verifier counts and inspects a payload that is only in
 * a transaction's calldata as it does a logged one (a plaintext-looking payload in calldata is caught), and
 * {@link ChainRecords} gives each record's payload back; {@code ./hrm verify-chain --rpc} fails on that chain.
 */
class ChainReadersIT {
    private final Random random = new Random(47);

    @Test
    void verifierAndChainRecordsReadRecordsOfBothLayouts() throws Exception {
        try (AnvilLedgers chain = AnvilLedgers.start()) {
            Web3j web3j = chain.web3j();
            String contract = chain.contract(Domain.PATIENT);
            RecordLedger ledger = chain.writer(Domain.PATIENT, 2_000_000);
            String logged = UUID.randomUUID().toString();
            List<String> inCalldata =
                    List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
            LedgerPayload loggedPayload = payload(random(1_100));
            LedgerPayload calldataPayload = payload(random(1_100));
            LedgerPayload plaintext = payload(
                    "Patient: Jane Doe, diagnosis: none, notes: nothing to see here".getBytes(StandardCharsets.UTF_8));
            assertThat(ledger.storeBatch(List.of(id(logged)), List.of(random(32)), List.of(loggedPayload.encode()))
                            .send()
                            .isStatusOK())
                    .isTrue();
            assertThat(ledger.storeBatchInCalldata(
                                    inCalldata.stream().map(ChainReadersIT::id).toList(),
                                    List.of(random(32), random(32)),
                                    List.of(calldataPayload.encode(), plaintext.encode()))
                            .send()
                            .isStatusOK())
                    .isTrue();

            Map<String, Object> report = new ChainVerifier(web3j).verify();
            ChainRecords records = new ChainRecords(web3j);
            int verifyChain = HrmCli.commandLine().execute("verify-chain", "--rpc", chain.rpcUrl());

            assertThat(report).containsEntry("records", 3L).containsEntry("malformedPayloads", 0L);
            assertThat(report).containsEntry("plaintextLikePayloads", 1L).containsEntry("allCiphertext", false);
            assertThat(records.stored(contract, logged).orElseThrow().outerCiphertext())
                    .isEqualTo(loggedPayload.outerCiphertext());
            assertThat(records.stored(contract, inCalldata.get(0)).orElseThrow().outerCiphertext())
                    .isEqualTo(calldataPayload.outerCiphertext());
            assertThat(records.stored(contract, inCalldata.get(1)).orElseThrow().outerCiphertext())
                    .isEqualTo(plaintext.outerCiphertext());
            assertThat(records.stored(contract, UUID.randomUUID().toString())).isEmpty();
            assertThat(verifyChain)
                    .as("verify-chain's exit: a payload is not ciphertext")
                    .isEqualTo(1);
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

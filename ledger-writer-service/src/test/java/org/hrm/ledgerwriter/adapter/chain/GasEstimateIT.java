package org.hrm.ledgerwriter.adapter.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hrm.contracts.Domain;
import org.hrm.contracts.LedgerCalldata;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.embedded.AnvilNode;
import org.hrm.embedded.LedgerDeployment;
import org.hrm.ledgerwriter.application.SignedTransaction;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.ledgerwriter.domain.AnchorTransaction;
import org.hrm.ledgerwriter.domain.AuditRoot;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.ConsentTransaction;
import org.hrm.ledgerwriter.domain.GasModel;
import org.hrm.ledgerwriter.domain.LedgerLayout;
import org.hrm.ledgerwriter.domain.LedgerRecord;
import org.hrm.ledgerwriter.domain.PackedTransaction;
import org.hrm.ledgerwriter.domain.Packing;
import org.hrm.ledgerwriter.domain.RecordTombstone;
import org.hrm.ledgerwriter.domain.Revocation;
import org.hrm.ledgerwriter.domain.ShareGrant;
import org.hrm.ledgerwriter.domain.StoredLog;
import org.hrm.ledgerwriter.domain.TombstoneTransaction;
import org.hrm.ledgerwriter.domain.TransactionPacker;
import org.hrm.ledgerwriter.support.Records;
import org.hrm.ledgerwriter.support.TestLedgerProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.protocol.Web3j;

class GasEstimateIT {
    private static final GasModel GAS = new GasModel(10);
    private static final int PAYLOAD_OF_ONE_KIB = 1_480;

    private static AnvilNode anvil;
    private static Web3j web3j;
    private static Map<Domain, String> contracts;

    @BeforeAll
    static void startChain() {
        anvil = AnvilNode.start(AnvilNode.Options.defaults());
        contracts =
                LedgerDeployment.deploy(anvil.rpcUrl(), AnvilNode.CHAIN_ID, AnvilNode.ADMIN_KEY, AnvilNode.WRITER_KEY);
        web3j = Web3j.build(new org.web3j.protocol.http.HttpService(anvil.rpcUrl(), ChainConfiguration.httpClient(64)));
    }

    @AfterAll
    static void stopChain() {
        web3j.shutdown();
        anvil.close();
    }

    @ParameterizedTest
    @EnumSource(LedgerLayout.class)
    void estimateCoversGasUsedForEveryShapeOfBatch(LedgerLayout layout) {
        GasModel gas = new GasModel(10, layout);
        List<List<Integer>> shapes = List.of(
                List.of(1),
                List.of(100),
                List.of(1_400),
                sizes(200, 1_400),
                sizes(50, 4_096),
                List.of(190_000),
                List.of(190_000, 10, 3_000, 65_000),
                IntStream.range(1, 120).map(i -> i * 37).boxed().toList());
        Web3jLedgerChain chain = chain(layout(layout));

        for (List<Integer> shape : shapes) {
            List<LedgerRecord> records =
                    shape.stream().map(Records::ledgerRecord).toList();
            long estimate = gas.gasLimit(shape);

            long used = gasUsed(chain, new PackedTransaction(records, estimate));

            System.out.printf(
                    "gas (%s): %d records, %d bytes: used %d, estimate %d (%.1f%%)%n",
                    layout,
                    shape.size(),
                    shape.stream().mapToInt(Integer::intValue).sum(),
                    used,
                    estimate,
                    100.0 * (estimate - used) / used);
            assertThat(estimate).isGreaterThanOrEqualTo(used).isLessThan(used * 125 / 100 + 10_000);
        }
    }

    /**
     * The calldata layout on the contract itself: a batch of the payloads of 1 KiB records (C2, two key shares and
     * the author's signature: about 1,480 bytes) logs, per record, its id and pseudonym as topics, the keccak256 of
     * its payload computed on chain and its position, and each payload read back from the transaction's input
     * matches; it costs at most 20 gas per payload byte where the logged layout costs over 25.
     */
    @Test
    void calldataLayoutLogsEachPayloadsDigestAndPositionAndCostsUnderTwentyGasPerPayloadByte() throws Exception {
        List<LedgerRecord> records = IntStream.range(0, 100)
                .mapToObj(i -> Records.ledgerRecord(PAYLOAD_OF_ONE_KIB))
                .toList();
        long payloadBytes = 100 * PAYLOAD_OF_ONE_KIB;
        Map<LedgerLayout, Long> gasPerLayout = new java.util.EnumMap<>(LedgerLayout.class);
        String calldataHash = null;
        for (LedgerLayout layout : LedgerLayout.values()) {
            Web3jLedgerChain chain = chain(layout(layout));
            SignedTransaction signed = chain.sign(
                    contracts.get(Domain.PATIENT),
                    new PackedTransaction(
                            records,
                            new GasModel(10, layout).gasLimit(java.util.Collections.nCopies(100, PAYLOAD_OF_ONE_KIB))));
            chain.broadcast(List.of(signed));
            assertThat(chain.awaitConfirmed(List.of(signed.hash()))
                            .get(signed.hash())
                            .succeeded())
                    .isTrue();
            gasPerLayout.put(layout, gasUsed(signed.hash()));
            if (layout == LedgerLayout.CALLDATA) {
                calldataHash = signed.hash();
            }
        }

        var receipt = web3j.ethGetTransactionReceipt(calldataHash)
                .send()
                .getTransactionReceipt()
                .orElseThrow();
        byte[] input = org.web3j.utils.Numeric.hexStringToByteArray(web3j.ethGetTransactionByHash(calldataHash)
                .send()
                .getTransaction()
                .orElseThrow()
                .getInput());
        assertThat(receipt.getLogs()).hasSize(100);
        for (int i = 0; i < 100; i++) {
            var log = receipt.getLogs().get(i);
            assertThat(log.getTopics().get(0)).isEqualTo(ReceiptMapper.RECORD_IN_CALLDATA_TOPIC);
            RecordLedger.RecordInCalldataEventResponse event = RecordLedger.getRecordInCalldataEventFromLog(log);
            LedgerRecord record = records.get(i);
            assertThat(event.recordId).isEqualTo(org.hrm.ledgerwriter.domain.RecordIds.toBytes16(record.recordId()));
            assertThat(event.ownerPseudonym).isEqualTo(record.ownerPseudonym());
            assertThat(event.position).isEqualTo(java.math.BigInteger.valueOf(i));
            assertThat(event.digest).isEqualTo(LedgerCalldata.keccak256(record.payload()));
            assertThat(LedgerCalldata.payload(input, i, event.digest)).isEqualTo(record.payload());
        }
        double calldata = (double) gasPerLayout.get(LedgerLayout.CALLDATA) / payloadBytes;
        double logged = (double) gasPerLayout.get(LedgerLayout.LOGGED) / payloadBytes;
        System.out.printf(
                "gas per payload byte, 100 payloads of 1 KiB records: calldata %.2f, logged %.2f%n", calldata, logged);
        assertThat(calldata).isLessThanOrEqualTo(20.0);
        assertThat(logged).isGreaterThan(25.0);
    }

    @Test
    void estimateCoversGasUsedForEveryShapeOfGrantAndRevokeBatch() {
        Web3jLedgerChain chain = chain(Map.of());
        List<List<Integer>> grantShapes =
                List.of(List.of(113), List.of(1), sizes(200, 113), sizes(50, 4_096), List.of(65_000, 113, 3_000));

        for (List<Integer> shape : grantShapes) {
            List<ShareGrant> shares = shape.stream()
                    .map(size -> new ShareGrant(
                            UUID.randomUUID().toString(), UUID.randomUUID().toString(), Records.bytes(size)))
                    .toList();
            long estimate = GAS.gasLimit(
                    shape.stream().mapToLong(GAS::shareGas).sum(),
                    shape.stream().mapToInt(Integer::intValue).max().orElse(0));

            long used = gasUsed(chain, new ConsentTransaction.Grants(shares, estimate));

            report("grantBatch", shape.size(), used, estimate);
            assertThat(estimate).isGreaterThanOrEqualTo(used).isLessThan(used * 125 / 100 + 10_000);
        }
        for (int count : new int[] {1, 10, 500}) {
            List<Revocation> revocations = IntStream.range(0, count)
                    .mapToObj(i -> new Revocation(UUID.randomUUID().toString()))
                    .toList();
            long estimate = GAS.revokeGasLimit(count * GAS.revocationGas());

            long used = gasUsed(chain, new ConsentTransaction.Revocations(revocations, estimate));

            report("revokeBatch", count, used, estimate);
            assertThat(estimate).isGreaterThanOrEqualTo(used).isLessThan(used * 125 / 100 + 10_000);
        }
    }

    @Test
    void estimateCoversGasUsedForEveryShapeOfEraseBatch() {
        Web3jLedgerChain chain = chain(Map.of());

        for (int count : new int[] {1, 2, 10, 200, 500}) {
            List<RecordTombstone> tombstones = IntStream.range(0, count)
                    .mapToObj(i -> new RecordTombstone(UUID.randomUUID().toString(), Records.bytes(32)))
                    .toList();
            long estimate = GAS.eraseGasLimit(count * GAS.tombstoneGas());

            long used = gasUsed(chain, new TombstoneTransaction(tombstones, estimate));

            report("eraseBatch", count, used, estimate);
            assertThat(estimate).isGreaterThanOrEqualTo(used).isLessThan(used * 125 / 100 + 10_000);
        }
    }

    @Test
    void estimateCoversGasUsedForEveryShapeOfAnchorAuditAndTheLogsNameTheRoots() {
        Web3jLedgerChain chain = chain(Map.of());

        for (int count : new int[] {1, 2, 10, 200}) {
            List<AuditRoot> roots = IntStream.range(0, count)
                    .mapToObj(i -> new AuditRoot(java.util.HexFormat.of().formatHex(Records.bytes(32)), 1 + i))
                    .toList();
            AnchorTransaction transaction =
                    AnchorTransaction.pack(roots, 200, GAS).get(0);

            SignedTransaction signed = chain.signAnchors(contracts.get(Domain.PATIENT), transaction);
            chain.broadcast(List.of(signed));
            ChainReceipt receipt = chain.awaitConfirmed(List.of(signed.hash())).get(signed.hash());
            long used = gasUsed(signed.hash());

            assertThat(receipt.succeeded()).isTrue();
            assertThat(receipt.logs()).extracting(StoredLog::entryId).containsExactlyElementsOf(transaction.entryIds());
            report("anchorAudit", count, used, transaction.gasLimit());
            assertThat(transaction.gasLimit()).isGreaterThanOrEqualTo(used).isLessThan(used * 125 / 100 + 10_000);
        }
    }

    @Test
    void gasBoundTransactionStaysUnderTheCapAndSucceeds() {
        TransactionPacker packer = new TransactionPacker(GAS, 1_000, 15_000_000);
        Packing packing = packer.pack(IntStream.range(0, 700)
                .mapToObj(i -> Records.ledgerRecord(1_400))
                .toList());
        PackedTransaction fullest = packing.transactions().get(0);
        Web3jLedgerChain chain = chain(Map.of());

        long used = gasUsed(chain, fullest);

        assertThat(packing.transactions()).hasSizeGreaterThan(1);
        assertThat(fullest.records()).hasSizeGreaterThan(200);
        assertThat(fullest.gasLimit()).isLessThanOrEqualTo(15_000_000).isGreaterThanOrEqualTo(used);
        assertThat(used).isLessThan(LedgerProperties.TRANSACTION_GAS_CAP);
    }

    @Test
    void signsEip1559TransactionsToo() {
        Web3jLedgerChain chain = chain(Map.of("hrm.ledger.transaction-type", "EIP1559"));
        List<LedgerRecord> records = List.of(Records.ledgerRecord(500), Records.ledgerRecord(700));

        long used = gasUsed(chain, new PackedTransaction(records, GAS.gasLimit(List.of(500, 700))));

        assertThat(used).isPositive();
    }

    private static long gasUsed(Web3jLedgerChain chain, PackedTransaction transaction) {
        SignedTransaction signed = chain.sign(contracts.get(Domain.PATIENT), transaction);
        chain.broadcast(List.of(signed));
        ChainReceipt receipt = chain.awaitConfirmed(List.of(signed.hash())).get(signed.hash());
        assertThat(receipt.succeeded()).isTrue();
        assertThat(receipt.logs()).hasSize(transaction.records().size());
        return gasUsed(signed.hash());
    }

    private static long gasUsed(Web3jLedgerChain chain, ConsentTransaction transaction) {
        SignedTransaction signed = chain.signConsents(contracts.get(Domain.PRACTITIONER), transaction);
        chain.broadcast(List.of(signed));
        ChainReceipt receipt = chain.awaitConfirmed(List.of(signed.hash())).get(signed.hash());
        assertThat(receipt.succeeded()).isTrue();
        assertThat(receipt.logs()).extracting(StoredLog::entryId).containsExactlyElementsOf(transaction.entryIds());
        return gasUsed(signed.hash());
    }

    private static long gasUsed(Web3jLedgerChain chain, TombstoneTransaction transaction) {
        SignedTransaction signed = chain.signTombstones(contracts.get(Domain.PATIENT), transaction);
        chain.broadcast(List.of(signed));
        ChainReceipt receipt = chain.awaitConfirmed(List.of(signed.hash())).get(signed.hash());
        assertThat(receipt.succeeded()).isTrue();
        assertThat(receipt.logs()).extracting(StoredLog::entryId).containsExactlyElementsOf(transaction.recordIds());
        return gasUsed(signed.hash());
    }

    private static long gasUsed(String hash) {
        try {
            return web3j.ethGetTransactionReceipt(hash)
                    .send()
                    .getTransactionReceipt()
                    .orElseThrow()
                    .getGasUsed()
                    .longValueExact();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void report(String call, int entries, long used, long estimate) {
        System.out.printf(
                "gas: %s of %d entries: used %d, estimate %d (%.1f%%)%n",
                call, entries, used, estimate, 100.0 * (estimate - used) / used);
    }

    private static Map<String, String> layout(LedgerLayout layout) {
        return Map.of("hrm.ledger.layout", layout.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Web3jLedgerChain chain(Map<String, String> overrides) {
        LedgerProperties properties =
                TestLedgerProperties.bind(anvil.rpcUrl(), AnvilNode.WRITER_KEY, contracts, overrides);
        return new Web3jLedgerChain(web3j, properties);
    }

    private static List<Integer> sizes(int count, int size) {
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sizes.add(size);
        }
        return sizes;
    }
}

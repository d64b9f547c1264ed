package org.hrm.ledgerwriter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hrm.ledgerwriter.support.Records;
import org.junit.jupiter.api.Test;

class ConsentPackerTest {
    private final GasModel gas = new GasModel(10);

    @Test
    void packsManySharesPerGrantBatchUpToTheEntryCount() {
        ConsentPacker packer = new ConsentPacker(gas, 200, 15_000_000);
        List<ConsentEntry> shares = shares(450, 113);

        ConsentPacking packing = packer.pack(shares);

        assertThat(packing.transactions())
                .allMatch(ConsentTransaction.Grants.class::isInstance)
                .extracting(transaction -> transaction.entryIds().size())
                .containsExactly(200, 200, 50);
        assertThat(packing.rejected()).isEmpty();
    }

    @Test
    void closesAGrantBatchBeforeItExceedsTheGasBudget() {
        long budget = 1_000_000;
        ConsentPacker packer = new ConsentPacker(gas, 10_000, budget);

        ConsentPacking packing = packer.pack(shares(400, 1_400));

        assertThat(packing.transactions()).hasSizeGreaterThan(1);
        for (ConsentTransaction transaction : packing.transactions()) {
            ConsentTransaction.Grants grants = (ConsentTransaction.Grants) transaction;
            assertThat(grants.gasLimit())
                    .isEqualTo(grantLimit(grants.shares().size(), 1_400))
                    .isLessThanOrEqualTo(budget);
        }
        int first = packing.transactions().get(0).entryIds().size();
        assertThat(grantLimit(first + 1, 1_400)).isGreaterThan(budget);
    }

    @Test
    void packsRevocationsIntoTheirOwnRevokeBatchesUnderTheBudget() {
        long budget = 200_000;
        ConsentPacker packer = new ConsentPacker(gas, 10_000, budget);
        List<ConsentEntry> entries = new ArrayList<>(shares(3, 113));
        entries.addAll(revocations(150));

        ConsentPacking packing = packer.pack(entries);

        assertThat(packing.transactions().get(0)).isInstanceOf(ConsentTransaction.Grants.class);
        List<ConsentTransaction> revokes =
                packing.transactions().subList(1, packing.transactions().size());
        assertThat(revokes).hasSizeGreaterThan(1).allMatch(ConsentTransaction.Revocations.class::isInstance);
        for (ConsentTransaction transaction : revokes) {
            long sum = transaction.entryIds().size() * gas.revocationGas();
            assertThat(transaction.gasLimit())
                    .isEqualTo(gas.revokeGasLimit(sum))
                    .isLessThanOrEqualTo(budget);
        }
        assertThat(revokes.stream().mapToInt(t -> t.entryIds().size()).sum()).isEqualTo(150);
    }

    @Test
    void keepsSharesAndRevocationsInOrder() {
        ConsentPacker packer = new ConsentPacker(gas, 7, 15_000_000);
        List<ConsentEntry> shares = shares(30, 113);
        List<ConsentEntry> revocations = revocations(20);
        List<ConsentEntry> mixed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            mixed.add(shares.get(i));
            if (i < 20) {
                mixed.add(revocations.get(i));
            }
        }

        ConsentPacking packing = packer.pack(mixed);

        List<String> written = packing.transactions().stream()
                .flatMap(transaction -> transaction.entryIds().stream())
                .toList();
        List<String> expected = new ArrayList<>(ids(shares));
        expected.addAll(ids(revocations));
        assertThat(written).containsExactlyElementsOf(expected);
    }

    @Test
    void rejectsAShareTooLargeForOneTransactionAndPacksTheOthers() {
        ConsentPacker packer = new ConsentPacker(gas, 200, 1_000_000);
        ShareGrant small = share(113);
        ShareGrant huge = share(60_000);
        Revocation revocation = new Revocation(UUID.randomUUID().toString());

        ConsentPacking packing = packer.pack(List.of(small, huge, revocation));

        assertThat(packing.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.entryId()).isEqualTo(huge.entryId());
            assertThat(rejected.reason()).startsWith("key share too large for one ledger transaction");
        });
        assertThat(packing.transactions())
                .extracting(ConsentTransaction::entryIds)
                .containsExactly(List.of(small.entryId()), List.of(revocation.entryId()));
    }

    @Test
    void refusesABudgetThatFitsNoShareAtAll() {
        assertThatThrownBy(() -> new ConsentPacker(gas, 200, 30_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gas budget");
    }

    @Test
    void namesEntriesByGrantAndRecordInTheChainsLowerCaseForm() {
        String grantId = "7D444840-9DC0-11D1-B245-5FFDCE74FAD2";
        String recordId = "1B4E28BA-2FA1-41D2-883F-0016D3CCA427";

        ShareGrant share = new ShareGrant(grantId, recordId, new byte[] {1});
        Revocation revocation = new Revocation(grantId);

        assertThat(share.entryId())
                .isEqualTo("7d444840-9dc0-11d1-b245-5ffdce74fad2:1b4e28ba-2fa1-41d2-883f-0016d3cca427");
        assertThat(revocation.entryId()).isEqualTo("7d444840-9dc0-11d1-b245-5ffdce74fad2:revoked");
        assertThat(share.toString()).doesNotContain("[B@").contains("1 bytes");
    }

    private long grantLimit(int shares, int shareBytes) {
        return gas.gasLimit(shares * gas.shareGas(shareBytes), shareBytes);
    }

    private static List<ConsentEntry> shares(int count, int shareBytes) {
        return IntStream.range(0, count)
                .<ConsentEntry>mapToObj(i -> share(shareBytes))
                .toList();
    }

    private static ShareGrant share(int shareBytes) {
        return new ShareGrant(UUID.randomUUID().toString(), UUID.randomUUID().toString(), Records.bytes(shareBytes));
    }

    private static List<ConsentEntry> revocations(int count) {
        return IntStream.range(0, count)
                .<ConsentEntry>mapToObj(i -> new Revocation(UUID.randomUUID().toString()))
                .toList();
    }

    private static List<String> ids(List<ConsentEntry> entries) {
        return entries.stream().map(ConsentEntry::entryId).toList();
    }
}

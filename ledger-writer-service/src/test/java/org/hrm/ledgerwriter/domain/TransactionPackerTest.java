package org.hrm.ledgerwriter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.hrm.ledgerwriter.support.Records;
import org.junit.jupiter.api.Test;

class TransactionPackerTest {
    private final GasModel gas = new GasModel(10);

    @Test
    void packsAtMostTheMaximumRecordCountPerTransaction() {
        TransactionPacker packer = new TransactionPacker(gas, 200, 15_000_000);
        List<LedgerRecord> records = records(450, 100);

        Packing packing = packer.pack(records);

        assertThat(packing.transactions())
                .extracting(transaction -> transaction.records().size())
                .containsExactly(200, 200, 50);
        assertThat(packing.rejected()).isEmpty();
    }

    @Test
    void closesATransactionBeforeItExceedsTheGasBudget() {
        long budget = 2_000_000;
        TransactionPacker packer = new TransactionPacker(gas, 1_000, budget);
        List<LedgerRecord> records = records(300, 1_400);

        Packing packing = packer.pack(records);

        assertThat(packing.transactions()).hasSizeGreaterThan(1);
        for (PackedTransaction transaction : packing.transactions()) {
            List<Integer> sizes = transaction.records().stream()
                    .map(LedgerRecord::payloadSize)
                    .toList();
            assertThat(transaction.gasLimit()).isEqualTo(gas.gasLimit(sizes)).isLessThanOrEqualTo(budget);
        }
        PackedTransaction first = packing.transactions().get(0);
        List<Integer> oneMore = IntStream.range(0, first.records().size() + 1)
                .mapToObj(i -> 1_400)
                .toList();
        assertThat(gas.gasLimit(oneMore)).isGreaterThan(budget);
    }

    @Test
    void keepsTheRecordsInOrderAcrossTransactions() {
        TransactionPacker packer = new TransactionPacker(gas, 7, 15_000_000);
        List<LedgerRecord> records = records(30, 10);

        Packing packing = packer.pack(records);

        assertThat(packing.transactions().stream()
                        .flatMap(transaction -> transaction.records().stream())
                        .toList())
                .containsExactlyElementsOf(records);
    }

    @Test
    void rejectsARecordTooLargeForOneTransactionAndPacksTheOthers() {
        TransactionPacker packer = new TransactionPacker(gas, 200, 1_000_000);
        LedgerRecord small = Records.ledgerRecord(1_000);
        LedgerRecord huge = Records.ledgerRecord(60_000);

        Packing packing = packer.pack(List.of(small, huge, small));

        assertThat(packing.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.entryId()).isEqualTo(huge.recordId());
            assertThat(rejected.reason()).startsWith("record too large for one ledger transaction");
        });
        assertThat(packing.transactions())
                .singleElement()
                .satisfies(transaction -> assertThat(transaction.records()).containsExactly(small, small));
    }

    @Test
    void refusesABudgetThatFitsNoRecordAtAll() {
        assertThatThrownBy(() -> new TransactionPacker(gas, 200, 30_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gas budget");
    }

    private static List<LedgerRecord> records(int count, int payloadBytes) {
        return IntStream.range(0, count)
                .mapToObj(i -> Records.ledgerRecord(payloadBytes))
                .toList();
    }
}

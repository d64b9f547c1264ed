package org.hrm.ledgerwriter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hrm.ledgerwriter.support.Records;
import org.junit.jupiter.api.Test;

class TombstonePackerTest {
    private final GasModel gas = new GasModel(10);

    @Test
    void packsManyTombstonesPerEraseBatchUpToTheEntryCount() {
        TombstonePacker packer = new TombstonePacker(gas, 200, 15_000_000);

        List<TombstoneTransaction> transactions = packer.pack(tombstones(450));

        assertThat(transactions)
                .extracting(transaction -> transaction.tombstones().size())
                .containsExactly(200, 200, 50);
        assertThat(transactions.get(2).gasLimit()).isEqualTo(gas.eraseGasLimit(50 * gas.tombstoneGas()));
    }

    @Test
    void closesAnEraseBatchBeforeItExceedsTheGasBudget() {
        long budget = 300_000;
        TombstonePacker packer = new TombstonePacker(gas, 10_000, budget);

        List<TombstoneTransaction> transactions = packer.pack(tombstones(400));

        assertThat(transactions).hasSizeGreaterThan(1);
        for (TombstoneTransaction transaction : transactions) {
            assertThat(transaction.gasLimit())
                    .isEqualTo(gas.eraseGasLimit(transaction.tombstones().size() * gas.tombstoneGas()))
                    .isLessThanOrEqualTo(budget);
        }
        int first = transactions.get(0).tombstones().size();
        assertThat(gas.eraseGasLimit((first + 1) * gas.tombstoneGas())).isGreaterThan(budget);
        assertThat(transactions.stream().mapToInt(t -> t.tombstones().size()).sum())
                .isEqualTo(400);
    }

    @Test
    void keepsTheTombstonesInOrder() {
        TombstonePacker packer = new TombstonePacker(gas, 7, 15_000_000);
        List<RecordTombstone> tombstones = tombstones(30);

        List<TombstoneTransaction> transactions = packer.pack(tombstones);

        assertThat(transactions.stream().flatMap(t -> t.recordIds().stream()))
                .containsExactlyElementsOf(
                        tombstones.stream().map(RecordTombstone::recordId).toList());
    }

    @Test
    void packsNothingIntoNoTransaction() {
        TombstonePacker packer = new TombstonePacker(gas, 200, 15_000_000);

        assertThat(packer.pack(List.of())).isEmpty();
    }

    @Test
    void refusesABudgetThatFitsNoTombstoneAtAll() {
        assertThatThrownBy(() -> new TombstonePacker(gas, 200, 30_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gas budget");
    }

    @Test
    void acceptsOnlyALowerCaseRecordIdAndA32BytePseudonym() {
        String upper = "1B4E28BA-2FA1-41D2-883F-0016D3CCA427";

        assertThatThrownBy(() -> new RecordTombstone(upper, Records.bytes(32)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case UUID");
        assertThatThrownBy(() -> new RecordTombstone("not-a-uuid", Records.bytes(32)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordTombstone(upper.toLowerCase(Locale.ROOT), Records.bytes(31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThat(new RecordTombstone(upper.toLowerCase(Locale.ROOT), Records.bytes(32)).toString())
                .isEqualTo("RecordTombstone[" + upper.toLowerCase(Locale.ROOT) + "]");
    }

    private static List<RecordTombstone> tombstones(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new RecordTombstone(UUID.randomUUID().toString(), Records.bytes(32)))
                .toList();
    }
}

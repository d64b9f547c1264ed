package org.hrm.ledgerwriter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GasModelTest {

    @Test
    void estimatesOneKibRecordByTheFormula() {
        GasModel gas = new GasModel(0);
        // calldata: id 16x16 + padding 16x4, pseudonym 32x16, offset and length 2x(4x16 + 28x4), 1024x16
        long calldata = 256 + 64 + 512 + 2 * 176 + 1024 * 16;
        // LOG3: 375 + 3x375 + 8 per data byte (offset, length, 1024 bytes)
        long log = 375 + 3 * 375 + 8 * (64 + 1024);
        long copy = 3 * 32;

        long recordGas = gas.recordGas(1024);

        assertThat(recordGas).isEqualTo(calldata + log + copy + GasModel.RECORD_EXECUTION);
    }

    @Test
    void estimatesOneKibRecordOfTheCalldataLayoutByItsFormula() {
        GasModel gas = new GasModel(0, LedgerLayout.CALLDATA);
        long calldata = 256 + 64 + 512 + 2 * 176 + 1024 * 16;
        // LOG3: 375 + 3x375 + 8 per data byte (digest and position, 64 bytes); keccak256 30 + 6 per word
        long log = 375 + 3 * 375 + 8 * 64;
        long hash = 30 + 6 * 32;
        long copy = 3 * 32;

        long recordGas = gas.recordGas(1024);

        assertThat(recordGas).isEqualTo(calldata + log + hash + copy + GasModel.RECORD_EXECUTION);
        assertThat(recordGas).isLessThan(new GasModel(0, LedgerLayout.LOGGED).recordGas(1024) - 7 * 1024);
        assertThat(gas.layout()).isEqualTo(LedgerLayout.CALLDATA);
        assertThat(new GasModel(10).layout()).isEqualTo(LedgerLayout.LOGGED);
    }

    @Test
    void estimatesOneKeyShareOfAGrantBatchByTheFormula() {
        GasModel gas = new GasModel(0);
        // calldata: grant and record id 2x(16x16 + 16x4), offset and length 2x(4x16 + 28x4), 113x16 + 15x4 padding
        long calldata = 2 * (256 + 64) + 2 * 176 + 113 * 16 + 15 * 4;
        // LOG3: 375 + 3x375 + 8 per data byte (offset, length, 128 padded bytes)
        long log = 375 + 3 * 375 + 8 * (64 + 128);
        long copy = 3 * 4;

        long shareGas = gas.shareGas(113);

        assertThat(shareGas).isEqualTo(calldata + log + copy + GasModel.RECORD_EXECUTION);
    }

    @Test
    void estimatesARevocationAndItsOneArrayCallByTheFormula() {
        GasModel gas = new GasModel(0);
        long words = GasModel.MEMORY_BASE_WORDS + 2;
        long call = 21_000 + 4 * 16 + 2 * 176 + GasModel.CALL_EXECUTION + 3 * words + words * words / 512;

        long revocation = gas.revocationGas();

        // calldata: grant id 16x16 + 16x4; LOG2 without data: 375 + 2x375
        assertThat(revocation).isEqualTo(256 + 64 + 375 + 2 * 375 + GasModel.REVOCATION_EXECUTION);
        assertThat(gas.revokeGasLimit(3 * revocation)).isEqualTo(call + 3 * revocation);
        assertThat(new GasModel(10).revokeGasLimit(0)).isEqualTo(call + call / 10);
    }

    @Test
    void estimatesATombstoneAndItsTwoArrayCallByTheFormula() {
        GasModel gas = new GasModel(0);
        long words = GasModel.MEMORY_BASE_WORDS + 2;
        long call = 21_000 + 4 * 16 + 4 * 176 + GasModel.CALL_EXECUTION + 3 * words + words * words / 512;

        long tombstone = gas.tombstoneGas();

        // calldata: record id 16x16 + 16x4, pseudonym 32x16; LOG3 without data: 375 + 3x375
        assertThat(tombstone).isEqualTo(256 + 64 + 512 + 375 + 3 * 375 + GasModel.TOMBSTONE_EXECUTION);
        assertThat(gas.eraseGasLimit(2 * tombstone)).isEqualTo(call + 2 * tombstone);
        assertThat(new GasModel(10).eraseGasLimit(0)).isEqualTo(call + call / 10);
    }

    @Test
    void estimatesTheCallByTheFormula() {
        GasModel gas = new GasModel(0);

        long callGas = gas.callGas();

        assertThat(callGas).isEqualTo(21_000 + 4 * 16 + 6 * 176 + GasModel.CALL_EXECUTION);
    }

    @Test
    void paysMemoryOnceForTheLargestPayloadAndAddsTheMargin() {
        GasModel exact = new GasModel(0);
        GasModel withMargin = new GasModel(10);
        long words = GasModel.MEMORY_BASE_WORDS + 2 + 64;
        long memory = 3 * words + words * words / 512;
        long expected = exact.callGas() + exact.recordGas(100) + exact.recordGas(2048) + memory;

        long limit = withMargin.gasLimit(List.of(100, 2048));

        assertThat(exact.memoryGas(2048)).isEqualTo(memory);
        assertThat(exact.gasLimit(List.of(100, 2048))).isEqualTo(expected);
        assertThat(limit).isEqualTo(expected + expected / 10);
    }

    @Test
    void aBatchOf200KibRecordsStaysFarBelowTheTransactionCap() {
        GasModel gas = new GasModel(10);

        long limit = gas.gasLimit(java.util.Collections.nCopies(200, 1024));

        assertThat(limit).isBetween(5_000_000L, 15_000_000L);
    }
}

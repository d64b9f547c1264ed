package org.hrm.benchmarks.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GasFiguresTest {
    @Test
    void pricesTheCalldataFloorAtSixteenGasPerNonZeroByteAndFourPerZeroByte() {
        byte[] payload = {0, 1, 0, (byte) 0xff, 0x7f};

        assertThat(GasFigures.calldataFloor(payload)).isEqualTo(2 * 4 + 3 * 16);
    }

    @Test
    void dividesTheGasPerRecordByThePayloadBytes() {
        GasFigures gas = new GasFigures(2, 400 * 39_810L, 7_957_898, 400);

        assertThat(gas.gasPerRecord()).isEqualTo(39_810);
        assertThat(gas.gasPerPayloadByte(1479)).isCloseTo(26.92, org.assertj.core.data.Offset.offset(0.01));
        assertThat(gas.recordsPerTransaction()).isEqualTo(200.0);
    }
}

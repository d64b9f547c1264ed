package org.hrm.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChaosCommandTest {
    /** Kafka runs as one broker or as a cluster of three (min.insync.replicas 2 needs three to survive a kill). */
    @ParameterizedTest
    @ValueSource(ints = {0, 2, 4})
    void refusesBrokerCountsOtherThanOneOrThree(int brokers, @TempDir Path home) {
        assertThatThrownBy(() -> ChaosCommand.run(7, 300, 5, 1, 180, brokers, home))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--brokers");
    }
}

package org.hrm.embedded.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @Test
    void aProcessThatExitsBeforeItsMarkerFailsTheWaitWithWhatItPrintedOnItsWayOut(@TempDir Path dir) {
        try (ManagedProcess process = new ManagedProcess(
                "quitter",
                List.of("sh", "-c", "sleep 0.3; echo cannot bind port 8090 >&2; exit 3"),
                dir.resolve("quitter.out"))) {
            process.start();

            assertThatThrownBy(() -> process.awaitOutput("ready", Duration.ofSeconds(30)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("quitter exited with 3")
                    .hasMessageContaining("cannot bind port 8090");
        }
    }

    @Test
    void theWaitReturnsTheReadinessLineFromItsMarkerOn(@TempDir Path dir) {
        try (ManagedProcess process = new ManagedProcess(
                "server",
                List.of("sh", "-c", "echo starting; echo ready on 4242; sleep 30"),
                dir.resolve("server.out"))) {
            process.start();

            assertThat(process.awaitOutput("ready", Duration.ofSeconds(30))).isEqualTo("ready on 4242");
        }
    }
}

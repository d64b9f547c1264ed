package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./hrm demo} on a platform of its own, as it runs without {@code ./hrm up}: the story ends with the topics
 * expired and the gateway restarted, and the owners still see every record, grant and receipt.
 */
class StoreDemoRestartIT {

    @Test
    void theDemoRestartsTheGatewayOverExpiredTopicsAndTheOwnersLoseNothing(@TempDir Path home) throws Exception {
        try (Platform platform = Platform.start(Platform.Options.ephemeral(home), step -> {})) {
            StoreDemo demo =
                    new StoreDemo().inspecting(platform::gatewayReleases).restarting(platform);

            int exit = demo.tell(platform.endpoints());

            assertThat(demo.summary()).containsEntry("gatewayViewsAfterRestart", true);
            assertThat(exit).isZero();
        }
    }
}

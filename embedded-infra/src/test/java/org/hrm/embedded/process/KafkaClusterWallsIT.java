package org.hrm.embedded.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.hrm.embedded.KafkaWalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos run's single broker process stands inside the walls, and still does after kill -9 and a restart: the logins and
 * ACLs the admin put up on its first start live in its KRaft metadata log.
 */
class KafkaClusterWallsIT {
    @Test
    void theWallsStandAcrossKillAndRestart(@TempDir Path home) throws Exception {
        KafkaWalls walls = KafkaWalls.generate(Set.of(WallsAssertions.HOSPITAL));
        try (KafkaCluster broker =
                new KafkaCluster(home, 1, 1, walls, List.of(new NewTopic(WallsAssertions.DECIDED, 1, (short) 1)))) {
            assertThat(Files.getPosixFilePermissions(broker.home(1).resolve("server.properties")))
                    .as("the properties hold the admin's password")
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            broker.start();
            WallsAssertions.assertWalls(broker);

            broker.kill(1);
            broker.start(1);

            WallsAssertions.assertWalls(broker);
        }
    }
}

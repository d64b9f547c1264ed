package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.stream.Stream;

/** generate-dev-secrets.sh run into a directory: every secret owner-only, compose.env its public values. */
record GeneratedSecrets(Path dir, Map<String, String> composeEnv) {
    static GeneratedSecrets generate(Path dir) throws IOException {
        String uid = Commands.run(Path.of("."), Map.of(), "id", "-u").output().strip();
        Commands.Result result = Commands.run(
                RepositoryFiles.root(),
                Map.of(
                        "HRM_SECRETS_DIR", dir.toString(),
                        "HRM_SECRETS_UID", uid,
                        "HRM_KAFKA_UID", uid,
                        "HRM_MONGO_UID", uid,
                        "HRM_KEYCLOAK_UID", uid),
                "bash",
                "deploy/docker/generate-dev-secrets.sh");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Files.getPosixFilePermissions(dir))
                .containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(each -> !each.getFileName().toString().equals("compose.env"))
                    .toList()) {
                assertThat(Files.getPosixFilePermissions(file))
                        .as(file.getFileName() + " is readable by its owner only")
                        .containsExactly(PosixFilePermission.OWNER_READ);
            }
        }
        return new GeneratedSecrets(dir, DeploymentBootIT.envFile(dir.resolve("compose.env")));
    }

    byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(dir.resolve(name));
    }

    String text(String name) throws IOException {
        return Files.readString(dir.resolve(name)).strip();
    }
}

package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.testsupport.Requirements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml: accepted by Debian's docker-compose 1.29.2 (skipped when it is not installed), and
 * what the deployment needs of it, read from the file itself.
 */
class ComposeFileTest {
    private static final List<String> HRM_SERVICES =
            List.of("key-vault-service", "ledger-writer-service", "consent-service", "gateway-service");
    private static final String NOT_INSTALLED = "docker-compose is not installed, so the compose file was not"
            + " validated: install Debian's package (apt-get install -y docker-compose, v1.29.2) to run this check";

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void dockerComposeAcceptsTheFile() throws IOException {
        Requirements.require(Commands.installed("docker-compose", "version"), "compose validation", NOT_INSTALLED);

        Commands.Result result = Commands.run(
                RepositoryFiles.root(), Map.of(), "docker-compose", "-f", "docker-compose.yml", "config", "-q");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void dockerComposeRejectsKeysThatOnlyComposeV2Knows(@TempDir Path dir) throws IOException {
        Requirements.require(Commands.installed("docker-compose", "version"), "compose validation", NOT_INSTALLED);
        Path override = Files.writeString(dir.resolve("override.yml"), "version: \"3.9\"\nname: hrm\n");

        Commands.Result result = Commands.run(
                RepositoryFiles.root(),
                Map.of(),
                "docker-compose",
                "-f",
                "docker-compose.yml",
                "-f",
                override.toString(),
                "config",
                "-q");

        assertThat(result.exitCode()).as(result.output()).isNotZero();
    }

    @Test
    void everyLongRunningServiceHasAHealthcheckAndRestarts() {
        Set<String> oneShots = compose.oneShotServices();

        for (String name : compose.serviceNames()) {
            Map<String, Object> service = compose.service(name);
            if (oneShots.contains(name)) {
                assertThat(service).as(name + " runs once").doesNotContainKey("restart");
            } else {
                assertThat(service).as(name).containsKey("healthcheck").containsEntry("restart", "unless-stopped");
                assertThat(ComposeFile.map(service, "healthcheck")).as(name).containsKey("test");
            }
        }
        assertThat(oneShots)
                .containsExactlyInAnyOrder(
                        "kafka-topics", "mongo-init", "besu-network", "ledger-contracts", "vault-token-init");
    }

    @Test
    void everyDependencyWaitsForAHealthyOrCompletedService() {
        for (String name : compose.serviceNames()) {
            Object dependsOn = compose.service(name).get("depends_on");
            if (dependsOn != null) {
                assertThat(dependsOn).as(name + " depends_on with conditions").isInstanceOf(Map.class);
                ((Map<?, ?>) dependsOn)
                        .forEach((dependency, spec) -> assertThat(((Map<?, ?>) spec).get("condition"))
                                .as(name + " on " + dependency)
                                .isIn("service_healthy", "service_completed_successfully"));
            }
        }
    }

    @Test
    void theFourServicesAreBuiltFromTheRepositoryDockerfile() {
        String dockerfile = RepositoryFiles.read("deploy/docker/Dockerfile");

        for (String name : HRM_SERVICES) {
            Map<String, Object> build = ComposeFile.map(compose.service(name), "build");
            assertThat(build)
                    .as(name)
                    .containsEntry("context", ".")
                    .containsEntry("dockerfile", "deploy/docker/Dockerfile");
            assertThat(ComposeFile.map(build, "args")).as(name).containsEntry("SERVICE", name);
            assertThat(RepositoryFiles.path(name + "/pom.xml"))
                    .as(name + " is a module")
                    .isRegularFile();
        }
        assertThat(dockerfile)
                .contains("FROM ${JRE_IMAGE}", "ARG SERVICE")
                .contains("COPY ${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar")
                .containsPattern("(?m)^USER 10001");
    }

    @Test
    void theVaultKeepsItsKeysInAPkcs11TokenAndNeverReadsAMasterKeyFile() {
        Map<String, String> environment = compose.environment("key-vault-service");
        String generator = RepositoryFiles.read("deploy/docker/generate-dev-secrets.sh");

        assertThat(environment)
                .containsEntry("HRM_VAULT_MASTER_KEY_CUSTODY", "pkcs11")
                .containsEntry("HRM_VAULT_PKCS11_LIBRARY", "/usr/lib/softhsm/libsofthsm2.so")
                .containsEntry("HRM_VAULT_PKCS11_PIN_FILE", "/run/secrets/vault-token-pin")
                .doesNotContainKeys("HRM_VAULT_MASTER_KEY_FILE", "HRM_VAULT_MASTER_KEYS", "HRM_VAULT_SANDBOX");
        assertThat(compose.service("key-vault-service").get("secrets").toString())
                .contains("vault-token-pin")
                .doesNotContain("master");
        assertThat(ComposeFile.map(compose.service("key-vault-service"), "depends_on"))
                .containsKey("vault-token-init");
        assertThat(generator).contains("vault-token-pin", "vault-token-so-pin").doesNotContain("v1=");
    }

    @Test
    void eachServiceHasItsOwnDatabase() {
        List<String> databases = HRM_SERVICES.stream()
                .map(name -> compose.environment(name).get("SPRING_MONGODB_DATABASE"))
                .toList();

        assertThat(databases).doesNotHaveDuplicates().allMatch(database -> database.matches("hrm-[a-z-]+"));
    }

    @Test
    void fourBesuValidatorsWithTheirOwnKeyAndAddressAndFreeGas() {
        List<String> validators = compose.serviceNames().stream()
                .filter(name -> name.startsWith("besu-validator-"))
                .toList();

        List<String> endpoints =
                validators.stream().map(name -> ipv4(name) + ":30303").toList();

        assertThat(validators).hasSize(4);
        assertThat(String.join(" ", endpoints))
                .isEqualTo(compose.environment("besu-network").get("VALIDATOR_ENDPOINTS"));
        for (int n = 1; n <= 4; n++) {
            String name = "besu-validator-" + n;
            assertThat(compose.command(name)).contains("--node-private-key-file=/var/lib/besu/key");
            assertThat(compose.service(name).get("volumes"))
                    .as(name + " mounts the shared genesis and its own data volume, which holds its key")
                    .isEqualTo(List.of("besu-network:/network:ro", "besu-data-" + n + ":/var/lib/besu"));
            assertThat(BesuOptions.of(compose.environment(name), compose.command(name))
                            .problems())
                    .as(name)
                    .isEmpty();
        }
        assertThat(BesuOptions.of(compose.environment("besu-rpc"), compose.command("besu-rpc"))
                        .problems())
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    private String ipv4(String service) {
        Map<String, Object> networks = ComposeFile.map(compose.service(service), "networks");
        return (String) ((Map<String, Object>) networks.get("hrm")).get("ipv4_address");
    }
}

package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hrm.testsupport.Requirements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/docker/entrypoint.sh takes from the deploy-time env files only the contract address variables, only when
 * they hold an address, and never overrides one set explicitly; a planted JAVA_TOOL_OPTIONS or Spring setting is
 * ignored. A fake {@code java} on the PATH prints the environment the service would start with.
 */
class EntrypointTest {
    private static final String PATIENT = "0x" + "ab".repeat(20);
    private static final String PRACTITIONER = "0x" + "cd".repeat(20);

    @Test
    void exportsOnlyAllowedAddressesAndNothingPlanted(@TempDir Path dir) throws IOException {
        Path env = Files.createDirectories(dir.resolve("env"));
        Files.writeString(
                env.resolve("contracts.env"),
                String.join(
                        "\n",
                        "# written by deploy-contracts.sh",
                        "HRM_LEDGER_CONTRACTS_PATIENT=" + PATIENT,
                        "HRM_VAULT_CHAIN_CONTRACTS_PRACTITIONER=" + PRACTITIONER,
                        "HRM_VAULT_CHAIN_CONTRACTS_PATIENT=0xnot-an-address; touch /tmp/owned",
                        "JAVA_TOOL_OPTIONS=-javaagent:/tmp/evil.jar",
                        "SPRING_CONFIG_IMPORT=file:/tmp/evil.yml",
                        "HRM_LEDGER_CONTRACTS_PRACTITIONER=" + PATIENT));

        Commands.Result result = run(dir, env, Map.of("HRM_LEDGER_CONTRACTS_PRACTITIONER", PRACTITIONER));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("HRM_LEDGER_CONTRACTS_PATIENT=" + PATIENT)
                .contains("HRM_VAULT_CHAIN_CONTRACTS_PRACTITIONER=" + PRACTITIONER)
                .as("an explicit setting wins")
                .contains("HRM_LEDGER_CONTRACTS_PRACTITIONER=" + PRACTITIONER)
                .doesNotContain("HRM_LEDGER_CONTRACTS_PRACTITIONER=" + PATIENT)
                .doesNotContain("=-javaagent:/tmp/evil.jar")
                .doesNotContain("=file:/tmp/evil.yml")
                .doesNotContain("HRM_VAULT_CHAIN_CONTRACTS_PATIENT=")
                .contains("ignoring JAVA_TOOL_OPTIONS", "ignoring HRM_VAULT_CHAIN_CONTRACTS_PATIENT");
        assertThat(dir.resolve("owned")).doesNotExist();
    }

    private static Commands.Result run(Path dir, Path envDir, Map<String, String> explicit) throws IOException {
        Requirements.require(Commands.installed("sh", "-c", "true"), "EntrypointTest", "no sh");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\nenv | grep -E '^HRM_|evil' | sort\n");
        java.toFile().setExecutable(true);
        Map<String, String> environment = new java.util.HashMap<>(explicit);
        environment.put("PATH", bin + ":/usr/bin:/bin");
        environment.put("HRM_ENV_DIR", envDir.toString());
        return Commands.run(
                dir,
                environment,
                "sh",
                RepositoryFiles.path("deploy/docker/entrypoint.sh").toString());
    }
}

package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.hrm.testsupport.Requirements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./hrm} rebuilds the launcher's jar only when a source is newer than it: what the build, the sandbox, chaos runs,
 * npm and git write must not count, or every command after {@code ./hrm chaos} would rebuild. The script runs on a
 * copy of the repository's layout whose files are dated around the jar's time.
 */
class HrmLauncherTest {
    private static final Instant BUILT = Instant.parse("2026-12-05T09:00:00Z");

    @Test
    void filesWrittenByTheBuildTheSandboxNpmAndGitDoNotMakeTheJarStale(@TempDir Path repo) throws IOException {
        layout(repo);
        for (String written : new String[] {
            ".sandbox/chaos/kafka-1/server.properties",
            ".sandbox/bench/settings.yml",
            "sandbox/target/classes/application.yml",
            "benchmarks/end-to-end/target/test-classes/bench.properties",
            "tools/node_modules/solc/package.json",
            ".git/config.json"
        }) {
            write(repo, written, BUILT.plusSeconds(60));
        }

        assertThat(staleSource(repo)).isEmpty();
    }

    @Test
    void aChangedSourceConfigurationOrContractMakesTheJarStale(@TempDir Path repo) throws IOException {
        layout(repo);
        write(repo, "key-vault-service/src/main/resources/application.yml", BUILT.plusSeconds(60));

        assertThat(staleSource(repo)).isEqualTo("./key-vault-service/src/main/resources/application.yml");
    }

    private static void layout(Path repo) throws IOException {
        Files.copy(RepositoryFiles.path("hrm"), repo.resolve("hrm"));
        repo.resolve("hrm").toFile().setExecutable(true);
        write(repo, "launcher/target/hrm-exec.jar", BUILT);
        write(repo, "key-vault-service/src/main/resources/application.yml", BUILT.minusSeconds(60));
        write(repo, "contracts/src/main/solidity/RecordLedger.sol", BUILT.minusSeconds(60));
        write(repo, "pom.xml", BUILT.minusSeconds(60));
    }

    private static void write(Path repo, String file, Instant modified) throws IOException {
        Path path = repo.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, file);
        Files.setLastModifiedTime(path, FileTime.from(modified));
    }

    private static String staleSource(Path repo) throws IOException {
        Requirements.require(Commands.installed("bash", "-c", "true"), "HrmLauncherTest", "no bash");
        Commands.Result result = Commands.run(repo, Map.of(), "bash", "hrm", "--stale-source");
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output().strip();
    }
}

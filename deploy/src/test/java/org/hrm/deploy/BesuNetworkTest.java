package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.testsupport.Requirements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The QBFT genesis settings the ledger writer relies on, and the script that generates the network. */
class BesuNetworkTest {
    private static final String SCRIPT = "deploy/besu/generate-network.sh";

    private final JsonNode config = readJson(RepositoryFiles.read("deploy/besu/qbft-config.json"));
    private final JsonNode genesis = config.path("genesis").path("config");

    @Test
    void genesisIsCancunWithFreeGasAndOneSecondBlocks() {
        assertThat(genesis.path("shanghaiTime").isIntegralNumber()).isTrue();
        assertThat(genesis.path("shanghaiTime").asLong(-1)).isZero();
        assertThat(genesis.path("cancunTime").asLong(-1)).isZero();
        assertThat(genesis.path("zeroBaseFee").asBoolean()).isTrue();
        assertThat(genesis.path("qbft").path("blockperiodseconds").asInt()).isEqualTo(1);
    }

    @Test
    void blocksHoldManyFullTransactionsAndThePerTransactionCapStays() {
        BigInteger blockGas =
                new BigInteger(config.path("genesis").path("gasLimit").asText().substring(2), 16);

        assertThat(blockGas).isGreaterThanOrEqualTo(BigInteger.valueOf(LedgerProperties.TRANSACTION_GAS_CAP * 50));
        assertThat(genesis.fieldNames()).toIterable().noneMatch(name -> name.equalsIgnoreCase("pertxgaslimit"));
    }

    @Test
    void chainIdAndValidatorCountAgreeEverywhere() {
        ComposeFile compose = ComposeFile.load();
        String chainId = genesis.path("chainId").asText();

        assertThat(compose.environment("ledger-writer-service").get("HRM_LEDGER_CHAIN_ID"))
                .isEqualTo("${HRM_LEDGER_CHAIN_ID:-" + chainId + "}");
        assertThat(compose.environment("besu-network").get("CHAIN_ID"))
                .isEqualTo("${HRM_LEDGER_CHAIN_ID:-" + chainId + "}");
        assertThat(ModelResources.named(ConfigMap.class, "hrm-ledger").getData())
                .containsEntry("HRM_LEDGER_CHAIN_ID", chainId);
        assertThat(config.at("/blockchain/nodes/count").asInt())
                .isEqualTo(4)
                .isEqualTo(ModelResources.all(StatefulSet.class).stream()
                        .filter(set -> set.getMetadata().getName().startsWith("besu-validator-"))
                        .mapToInt(set -> set.getSpec().getReplicas())
                        .sum());
    }

    @Test
    void besuRulesRefuseWhatBesuRefuses() {
        BesuOptions asFirstPlanned = BesuOptions.of(
                Map.of("BESU_TX_POOL", "sequenced", "BESU_MIN_GAS_PRICE", "0"),
                List.of(
                        "--tx-pool-max-future-by-sender=256",
                        "--tx-pool-limit-by-account-percentage=1",
                        "--tx-pool-price-bump=0"));

        assertThat(asFirstPlanned.problems())
                .containsExactlyInAnyOrder(
                        "tx-pool-max-future-by-sender is refused with the sequenced pool",
                        "tx-pool-price-bump is refused on a zeroBaseFee genesis");
    }

    @Test
    void scriptLaysOutKeysAndStaticNodesOnceAndKeepsThemOnRerun(@TempDir Path dir) throws IOException {
        Path network = dir.resolve("network");
        Map<String, String> environment = generatorEnvironment(dir, Map.of("CHAIN_ID", "4242"));

        Commands.Result first = Commands.run(RepositoryFiles.root(), environment, "bash", SCRIPT);
        String staticNodes = Files.readString(network.resolve("static-nodes.json"));
        Files.writeString(network.resolve("validator-1/key"), "kept");
        Commands.Result second = Commands.run(RepositoryFiles.root(), environment, "bash", SCRIPT);

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(readJson(staticNodes).size()).isEqualTo(4);
        assertThat(readJson(staticNodes).get(0).asText()).isEqualTo("enode://a1pub@10.0.0.1:30303");
        assertThat(Files.readString(network.resolve("validator-4/address")).trim())
                .isEqualTo("0xd4");
        assertThat(readJson(Files.readString(network.resolve("genesis.json")))
                        .at("/genesis/config/chainId")
                        .asInt())
                .isEqualTo(4242);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(Files.readString(network.resolve("validator-1/key"))).isEqualTo("kept");
    }

    @Test
    void withKeyDirsEachKeyGoesToItsValidatorsDirectoryOnlyAndNoneStaysInTheSharedNetwork(@TempDir Path dir)
            throws IOException {
        Path network = dir.resolve("network");
        Map<String, String> environment = generatorEnvironment(
                dir,
                Map.of(
                        "KEY_DIRS",
                        dir.resolve("v1") + " " + dir.resolve("v2") + " " + dir.resolve("v3") + " "
                                + dir.resolve("v4")));

        Commands.Result result = Commands.run(RepositoryFiles.root(), environment, "bash", SCRIPT);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Files.readString(dir.resolve("v1/key")).trim()).isEqualTo("private-0xa1");
        assertThat(Files.readString(dir.resolve("v4/key")).trim()).isEqualTo("private-0xd4");
        try (var files = Files.walk(network)) {
            assertThat(files.map(path -> path.getFileName().toString())).doesNotContain("key");
        }
        assertThat(Files.readString(network.resolve("validator-1/key.pub"))).contains("a1pub");
    }

    /** The generator's environment with the fake besu first on the PATH, writing to dir/network. */
    private static Map<String, String> generatorEnvironment(Path dir, Map<String, String> extra) throws IOException {
        Requirements.require(
                Commands.installed("bash", "--version"),
                "BesuNetworkTest",
                "bash is not installed: the generator script was not run");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("besu"), FAKE_BESU);
        bin.resolve("besu").toFile().setExecutable(true);
        Map<String, String> environment = new java.util.HashMap<>(extra);
        environment.put("PATH", bin + ":" + System.getenv("PATH"));
        environment.put("NETWORK_DIR", dir.resolve("network").toString());
        environment.put("BESU_UID", String.valueOf(new com.sun.security.auth.module.UnixSystem().getUid()));
        environment.put("VALIDATOR_ENDPOINTS", "10.0.0.1:30303 10.0.0.2:30303 10.0.0.3:30303 10.0.0.4:30303");
        return environment;
    }

    /** Stands in for `besu operator generate-blockchain-config`: four keys named by address, unsorted. */
    private static final String FAKE_BESU = """
            #!/usr/bin/env bash
            for arg in "$@"; do case $arg in --config-file=*) config=${arg#*=};; --to=*) to=${arg#*=};; esac; done
            for address in 0xc3 0xa1 0xd4 0xb2; do
              mkdir -p "$to/keys/$address"
              echo "private-$address" > "$to/keys/$address/key"
              echo "0x${address#0x}pub" > "$to/keys/$address/key.pub"
            done
            cp "$config" "$to/genesis.json"
            """;

    private static JsonNode readJson(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

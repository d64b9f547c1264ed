package org.hrm.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Anvil, a real Ethereum dev node, run as a child process from the npm package the build installs
 * into {@code tools/node_modules}. Pinned to the production fork, free gas (a permissioned
 * consortium chain), automine by default.
 */
public final class AnvilNode implements AutoCloseable {
    public static final long CHAIN_ID = 31337;
    /** Anvil's well-known dev account 0: deploys the ledger contracts (admin). Sandbox only. */
    public static final String ADMIN_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    /** Anvil's well-known dev account 1: the ledger writer's signing key. Sandbox only. */
    public static final String WRITER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    private static final String RELATIVE_BINARY = "tools/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";

    private final Process process;
    private final String rpcUrl;

    private AnvilNode(Process process, String rpcUrl) {
        this.process = process;
        this.rpcUrl = rpcUrl;
    }

    /**
     * Options for one node; {@code blockTimeSeconds} 0 means automine (a block per transaction); a
     * {@code stateFile} keeps the chain across restarts (loaded at start, written when the node is stopped
     * by {@link #close()}; its transaction pool is not kept); {@code chainId} is {@link #CHAIN_ID} unless a
     * deployment's own chain id is wanted (the boot test runs the manifests' 1337).
     */
    public record Options(
            int port,
            String hardfork,
            long blockGasLimit,
            int blockTimeSeconds,
            Path logFile,
            Path stateFile,
            long chainId) {
        public static Options defaults() {
            return new Options(
                    0, System.getProperty("hrm.evm.version", "cancun"), 1_000_000_000L, 0, null, null, CHAIN_ID);
        }

        public Options withPort(int newPort) {
            return new Options(newPort, hardfork, blockGasLimit, blockTimeSeconds, logFile, stateFile, chainId);
        }

        public Options withLogFile(Path file) {
            return new Options(port, hardfork, blockGasLimit, blockTimeSeconds, file, stateFile, chainId);
        }

        public Options withBlockTime(int seconds, long gasLimit) {
            return new Options(port, hardfork, gasLimit, seconds, logFile, stateFile, chainId);
        }

        public Options withStateFile(Path file) {
            return new Options(port, hardfork, blockGasLimit, blockTimeSeconds, logFile, file, chainId);
        }

        public Options withChainId(long id) {
            return new Options(port, hardfork, blockGasLimit, blockTimeSeconds, logFile, stateFile, id);
        }
    }

    public static AnvilNode start(Options options) {
        int port = options.port() == 0 ? freePort() : options.port();
        ProcessBuilder builder = new ProcessBuilder(command(options, port)).redirectErrorStream(true);
        if (options.logFile() != null) {
            builder.redirectOutput(
                    ProcessBuilder.Redirect.appendTo(options.logFile().toFile()));
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        try {
            AnvilNode node = new AnvilNode(builder.start(), "http://127.0.0.1:" + port);
            node.awaitReady(Duration.ofSeconds(30));
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Anvil at " + binary(), e);
        }
    }

    private static List<String> command(Options options, int port) {
        List<String> command = new ArrayList<>(List.of(
                binary().toString(),
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--hardfork",
                options.hardfork(),
                "--chain-id",
                String.valueOf(options.chainId()),
                "--gas-limit",
                String.valueOf(options.blockGasLimit()),
                "--base-fee",
                "0",
                "--gas-price",
                "0",
                "--no-priority-fee"));
        if (options.blockTimeSeconds() > 0) {
            command.addAll(List.of("--block-time", String.valueOf(options.blockTimeSeconds())));
        }
        if (options.stateFile() != null) {
            command.addAll(
                    List.of("--state", options.stateFile().toAbsolutePath().toString()));
        }
        return command;
    }

    /** The Anvil binary: {@code HRM_ANVIL}, or tools/node_modules found from the working directory up. */
    public static Path binary() {
        String configured = System.getenv("HRM_ANVIL");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_BINARY);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "Anvil not found: run ./mvnw install (it installs tools/node_modules) or set HRM_ANVIL");
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}"))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Anvil exited with code " + process.exitValue());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Anvil", e);
            }
        }
        close();
        throw new IllegalStateException("Anvil did not answer on " + rpcUrl + " within " + timeout);
    }

    public String rpcUrl() {
        return rpcUrl;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the node (SIGTERM, so a node with a state file writes it first), then kills it if it hangs. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

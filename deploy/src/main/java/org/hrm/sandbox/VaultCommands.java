package org.hrm.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrm.client.kafka.TopicReader;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.VaultCommand;
import org.hrm.contracts.events.VaultProgress;
import org.hrm.keyvault.domain.ReceiptSigningKey;

/**
 * {@code ./hrm vault rotate | retire --version N}: an operator's master-key commands to the running
 * vault, signed with the sandbox operator's key (the vault runs no unsigned command), with the vault's progress
 * printed as it comes.
 */
final class VaultCommands {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^v(\\d+)=");

    private VaultCommands() {}

    static int run(String[] args) throws Exception {
        if (args.length == 0) {
            throw new Args.UsageException("vault: rotate or retire --version N");
        }
        Args options = new Args("vault " + args[0], java.util.Arrays.copyOfRange(args, 1, args.length));
        try (Session session = Session.open(options)) {
            return switch (args[0]) {
                case "rotate" ->
                    send(session, "ROTATE", appendVersion(Path.of(session.endpoints.vaultMasterKeyFile())));
                case "retire" -> send(session, "RETIRE", options.integer("version", -1));
                default -> throw new Args.UsageException("vault: unknown command " + args[0]);
            };
        }
    }

    /** The sandbox's stand-in for a KMS: a new random master key version appended to the key file. */
    static int appendVersion(Path keyFile) throws IOException {
        String content = Files.readString(keyFile);
        Matcher versions = VERSION_LINE.matcher(content);
        int newest = 0;
        while (versions.find()) {
            newest = Math.max(newest, Integer.parseInt(versions.group(1)));
        }
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        int next = newest + 1;
        Files.writeString(
                keyFile,
                content + (content.endsWith("\n") ? "" : "\n") + "v" + next + "="
                        + Base64.getEncoder().encodeToString(key) + "\n");
        java.util.Arrays.fill(key, (byte) 0);
        System.out.println("added master key version v" + next + " to " + keyFile);
        return next;
    }

    static int send(Session session, String command, int version) throws Exception {
        if (version < 1) {
            throw new Args.UsageException(
                    "vault " + command.toLowerCase(java.util.Locale.ROOT) + ": needs --version N");
        }
        ReceiptSigningKey operator =
                ReceiptSigningKey.parse(Files.readString(operatorKeyFile(session)), "vault operator key");
        VaultCommand draft = new VaultCommand(
                UUID.randomUUID().toString(), command, version, Instant.now(), ServiceSettings.OPERATOR_ID, null);
        VaultCommand sent = new VaultCommand(
                draft.commandId(),
                command,
                version,
                draft.issuedAt(),
                ServiceSettings.OPERATOR_ID,
                operator.sign(draft.signedBytes()));
        session.publisher.command(sent).join();
        VaultProgress last = follow(session.endpoints.kafkaBootstrapServers(), sent.commandId());
        return "DONE".equals(last.state()) ? 0 : 1;
    }

    /** The sandbox operator's key file, kept beside the master key file in the sandbox's home. */
    private static Path operatorKeyFile(Session session) throws IOException {
        return new SandboxSecrets(
                        Path.of(session.endpoints.vaultMasterKeyFile()).getParent())
                .operatorKeyFile();
    }

    private static VaultProgress follow(String bootstrapServers, String commandId) throws InterruptedException {
        EventCodec codec = new EventCodec();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int printed = 0;
        while (System.nanoTime() < deadline) {
            List<VaultProgress> progress = new java.util.ArrayList<>();
            TopicReader.readAll(bootstrapServers, List.of(Topic.VAULT_PROGRESS.topicName()), message -> {
                if (commandId.equals(message.key())) {
                    progress.add(codec.decode(message.value(), VaultProgress.class));
                }
            });
            for (VaultProgress step : progress.subList(printed, progress.size())) {
                System.out.printf(
                        "[vault] %s %s %d/%d %s%n",
                        step.command(),
                        step.state(),
                        step.done(),
                        step.total(),
                        step.message() == null ? "" : step.message());
            }
            printed = progress.size();
            if (!progress.isEmpty()
                    && !"RUNNING".equals(progress.get(progress.size() - 1).state())) {
                return progress.get(progress.size() - 1);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the vault did not finish command " + commandId + " within " + TIMEOUT);
    }
}

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
import org.hrm.cli.KafkaLogin;
import org.hrm.cli.Session;
import org.hrm.cli.SessionCommand;
import org.hrm.cli.UsageException;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.kafka.TopicReader;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.VaultCommand;
import org.hrm.contracts.events.VaultProgress;
import org.hrm.keyvault.domain.ReceiptSigningKey;

/**
 * {@code ./hrm vault rotate | retire --version N | rotate-pseudonym}: an operator's key commands to the
 * running vault, signed with the sandbox operator's key (the vault runs no unsigned command), with the vault's
 * progress printed as it comes.
 */
final class VaultCommands {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^v(\\d+)=");
    private static final Pattern PSEUDONYM_LINE = Pattern.compile("(?m)^pseudonym(?:\\.v(\\d+))?=");

    private VaultCommands() {}

    static int rotate(SessionCommand command) throws Exception {
        try (Session session = Session.open(command)) {
            return send(session, "ROTATE", keyFile(session) ? appendVersion(keyFilePath(session)) : 0);
        }
    }

    static int retire(SessionCommand command, int version) throws Exception {
        try (Session session = Session.open(command)) {
            return send(session, "RETIRE", version);
        }
    }

    static int rotatePseudonym(SessionCommand command) throws Exception {
        try (Session session = Session.open(command)) {
            return send(
                    session, "ROTATE_PSEUDONYM", keyFile(session) ? appendPseudonymVersion(keyFilePath(session)) : 0);
        }
    }

    /**
     * Whether the vault's keys are in the sandbox's key file, where the operator adds versions; with PKCS#11 the vault
     * generates them inside the token.
     */
    private static boolean keyFile(Session session) {
        return "keyfile".equals(session.endpoints.masterKeyCustody());
    }

    private static Path keyFilePath(Session session) {
        return Path.of(session.endpoints.vaultMasterKeyFile());
    }

    /** The sandbox's stand-in for an HSM: a new random master key version appended to the key file. */
    static int appendVersion(Path keyFile) throws IOException {
        return append(keyFile, VERSION_LINE, "v", "master key");
    }

    /** A new random pseudonym key version ({@code pseudonym.v<N>}, version 1 being {@code pseudonym=}). */
    static int appendPseudonymVersion(Path keyFile) throws IOException {
        return append(keyFile, PSEUDONYM_LINE, "pseudonym.v", "pseudonym key");
    }

    private static int append(Path keyFile, Pattern line, String prefix, String name) throws IOException {
        String content = Files.readString(keyFile);
        Matcher versions = line.matcher(content);
        int newest = 0;
        while (versions.find()) {
            newest = Math.max(newest, versions.group(1) == null ? 1 : Integer.parseInt(versions.group(1)));
        }
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        int next = newest + 1;
        Files.writeString(
                keyFile,
                content + (content.endsWith("\n") ? "" : "\n") + prefix + next + "="
                        + Base64.getEncoder().encodeToString(key) + "\n");
        java.util.Arrays.fill(key, (byte) 0);
        System.out.println("added " + name + " version v" + next + " to " + keyFile);
        return next;
    }

    static int send(Session session, String command, int version) throws Exception {
        if ("RETIRE".equals(command) && version < 1) {
            throw new UsageException("vault " + command.toLowerCase(java.util.Locale.ROOT) + ": needs --version N");
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
        // Only operators' tooling may write the vault's commands (and read its progress): not the session's hospital.
        KafkaLogin operatorLogin = session.kafka(SandboxPrincipals.OPERATOR);
        try (RecordPublisher commands =
                RecordPublisher.connect(operatorLogin.bootstrapServers(), operatorLogin.settings())) {
            commands.command(sent).join();
        }
        VaultProgress last = follow(operatorLogin, sent.commandId());
        return "DONE".equals(last.state()) ? 0 : 1;
    }

    /**
     * The sandbox operator's key file, kept in the sandbox's home: the parent of its log folder, since with PKCS#11
     * custody there is no master key file to find it beside.
     */
    private static Path operatorKeyFile(Session session) throws IOException {
        return new SandboxSecrets(Path.of(session.endpoints.logDir()).getParent()).operatorKeyFile();
    }

    private static VaultProgress follow(KafkaLogin operator, String commandId) throws InterruptedException {
        EventCodec codec = new EventCodec();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int printed = 0;
        while (System.nanoTime() < deadline) {
            List<VaultProgress> progress = new java.util.ArrayList<>();
            TopicReader.readAll(
                    operator.bootstrapServers(),
                    operator.settings(),
                    List.of(Topic.VAULT_PROGRESS.topicName()),
                    message -> {
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

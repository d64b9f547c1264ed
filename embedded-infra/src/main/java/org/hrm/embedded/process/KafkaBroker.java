package org.hrm.embedded.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.hrm.embedded.KafkaWalls;

/**
 * A standalone Kafka broker (KRaft, broker and controller in one) in its own JVM, from the Kafka jars on
 * the sandbox's classpath, on fixed ports with its log directory kept, so kill -9 and a restart resume it.
 *
 * <p>It runs inside the same walls as the in-process broker ({@code EmbeddedKafka.startSecured}): its client
 * listener takes only SASL SCRAM-SHA-512 logins of the walls' principals, KRaft's StandardAuthorizer denies whatever
 * no ACL allows ({@code allow.everyone.if.no.acl.found=false}), {@link KafkaWalls#ADMIN} is the super user, topics are
 * never created automatically, and the controller listener takes a PLAIN login of a controller user of this broker.
 * The admin's login is formatted into the log directory; on the first start the admin puts up the other principals'
 * credentials, the catalogue's ACLs ({@link KafkaWalls#putUp}) and the topics. All of them live in the KRaft metadata
 * log, so a broker killed with kill -9 and restarted keeps them. The properties file holds the admin's and the
 * controller user's passwords and is owner-only.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(90);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);
    private static final String CONTROLLER_USER = "hrm-sandbox-controller";

    private final Path home;
    private final int port;
    private final KafkaWalls walls;
    private final List<NewTopic> topics;
    private final ManagedProcess process;
    private boolean wallsUp;

    /** A broker inside {@code walls} that creates {@code topics} on its first start. */
    public KafkaBroker(Path home, int partitions, KafkaWalls walls, List<NewTopic> topics) {
        this.home = home;
        this.port = Loopback.freePort();
        this.walls = walls;
        this.topics = List.copyOf(topics);
        Path properties = writeProperties(home, port, Loopback.freePort(), partitions, walls);
        format(home, properties, walls);
        this.process = new ManagedProcess(
                "kafka",
                ChildJvm.command("kafka.Kafka", jvmOptions(home), List.of(properties.toString())),
                home.resolve("kafka.out"));
    }

    public String bootstrapServers() {
        return Loopback.LOOPBACK + ":" + port;
    }

    /** The walls this broker runs inside. */
    public KafkaWalls walls() {
        return walls;
    }

    /** What a client connecting as {@code principal} adds to its configuration (its SCRAM login). */
    public Map<String, String> clientProperties(String principal) {
        return walls.clientProperties(principal);
    }

    /** Starts the broker; the first time, puts up the walls' logins, ACLs and topics as the admin. */
    public void start() {
        process.start();
        Loopback.awaitPort("Kafka", port, READY);
        if (!wallsUp) {
            putUpWalls();
            wallsUp = true;
        }
    }

    public void kill() {
        process.kill();
    }

    private void putUpWalls() {
        Map<String, Object> config = new HashMap<>(clientProperties(KafkaWalls.ADMIN));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            walls.putUp(admin, ADMIN_TIMEOUT);
            admin.createTopics(topics).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while putting up the broker's walls", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker's walls did not go up: " + e.getMessage(), e);
        }
    }

    private static List<String> jvmOptions(Path home) {
        return ChildJvm.smallJvmOptions("-Xmx384m", home.resolve("kafka.log"));
    }

    private static Path writeProperties(Path home, int port, int controllerPort, int partitions, KafkaWalls walls) {
        String controllerPassword = UUID.randomUUID().toString();
        String listeners = "BROKER://" + Loopback.LOOPBACK + ":" + port + ",CONTROLLER://" + Loopback.LOOPBACK + ":"
                + controllerPort;
        String content = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=" + listeners,
                "advertised.listeners=BROKER://" + Loopback.LOOPBACK + ":" + port,
                "inter.broker.listener.name=BROKER",
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms=" + KafkaWalls.MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + KafkaWalls.MECHANISM,
                "listener.name.broker.scram-sha-512.sasl.jaas.config="
                        + walls.clientProperties(KafkaWalls.ADMIN).get("sasl.jaas.config"),
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config="
                        + "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + CONTROLLER_USER + "\" password=\"" + controllerPassword + "\" user_" + CONTROLLER_USER
                        + "=\"" + controllerPassword + "\";",
                "authorizer.class.name=" + StandardAuthorizer.class.getName(),
                "allow.everyone.if.no.acl.found=false",
                "super.users=User:" + KafkaWalls.ADMIN + ";User:" + CONTROLLER_USER,
                "controller.quorum.bootstrap.servers=" + Loopback.LOOPBACK + ":" + controllerPort,
                "log.dirs=" + home.resolve("data").toAbsolutePath(),
                "num.partitions=" + partitions,
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=3",
                "group.initial.rebalance.delay.ms=0",
                "share.coordinator.state.topic.replication.factor=1",
                "");
        try {
            Files.createDirectories(home);
            Path file = home.resolve("server.properties");
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker's properties in " + home, e);
        }
    }

    /**
     * Formats the log directory once, as a single-voter KRaft quorum with the admin's SCRAM login in its bootstrap
     * metadata. The storage tool runs in this JVM, so the admin's password is on no command line.
     */
    private static void format(Path home, Path properties, KafkaWalls walls) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(
                    new String[] {
                        "format",
                        "--standalone",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        properties.toString(),
                        "--add-scram",
                        walls.adminScramArgument()
                    },
                    print);
        } catch (RuntimeException e) {
            throw new IllegalStateException("formatting the broker's storage failed: " + e.getMessage(), e);
        }
        try {
            Files.writeString(
                    home.resolve("kafka.out"),
                    output.toString(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + home.resolve("kafka.out"), e);
        }
        if (status != 0) {
            throw new IllegalStateException("formatting the broker's storage failed; see " + home.resolve("kafka.out"));
        }
    }

    @Override
    public void close() {
        process.close();
    }
}

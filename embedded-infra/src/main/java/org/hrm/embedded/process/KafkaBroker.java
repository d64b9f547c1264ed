package org.hrm.embedded.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * A standalone Kafka broker (KRaft, broker and controller in one) in its own JVM, from the Kafka jars on
 * the sandbox's classpath, on fixed ports with its log directory kept, so kill -9 and a restart resume it.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(90);

    private final Path home;
    private final int port;
    private final ManagedProcess process;

    public KafkaBroker(Path home, int partitions) {
        this.home = home;
        this.port = Loopback.freePort();
        Path properties = writeProperties(home, port, Loopback.freePort(), partitions);
        format(home, properties);
        this.process = new ManagedProcess(
                "kafka",
                ChildJvm.command("kafka.Kafka", jvmOptions(home), List.of(properties.toString())),
                home.resolve("kafka.out"));
    }

    public String bootstrapServers() {
        return Loopback.LOOPBACK + ":" + port;
    }

    public void start() {
        process.start();
        Loopback.awaitPort("Kafka", port, READY);
    }

    public void kill() {
        process.kill();
    }

    private static List<String> jvmOptions(Path home) {
        return ChildJvm.smallJvmOptions("-Xmx384m", home.resolve("kafka.log"));
    }

    private static Path writeProperties(Path home, int port, int controllerPort, int partitions) {
        String listeners = "PLAINTEXT://" + Loopback.LOOPBACK + ":" + port + ",CONTROLLER://" + Loopback.LOOPBACK + ":"
                + controllerPort;
        String content = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=" + listeners,
                "advertised.listeners=PLAINTEXT://" + Loopback.LOOPBACK + ":" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.bootstrap.servers=" + Loopback.LOOPBACK + ":" + controllerPort,
                "log.dirs=" + home.resolve("data").toAbsolutePath(),
                "num.partitions=" + partitions,
                "auto.create.topics.enable=true",
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
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker's properties in " + home, e);
        }
    }

    /** Formats the log directory once, as a single-voter KRaft quorum. */
    private static void format(Path home, Path properties) {
        List<String> command = ChildJvm.command(
                "kafka.tools.StorageTool",
                ChildJvm.smallJvmOptions("-Xmx256m", home.resolve("kafka.log")),
                List.of("format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", properties.toString()));
        try {
            Process format = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            home.resolve("kafka.out").toFile()))
                    .start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException(
                        "formatting the broker's storage failed; see " + home.resolve("kafka.out"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format the broker's storage", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}

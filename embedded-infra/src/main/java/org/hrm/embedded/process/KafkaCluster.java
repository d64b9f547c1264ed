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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.hrm.embedded.KafkaWalls;

/**
 * Kafka as {@code size} processes (KRaft, each node broker and controller in one JVM, node ids 1 to size), from the
 * Kafka jars on the sandbox's classpath, on fixed ports with their log directories kept, so kill -9 and a restart of
 * any node resume it. One node is the single broker; three are a replicated cluster: every topic, the offsets and the
 * transaction state have {@code size} replicas and {@code min.insync.replicas} a majority (2 of 3), and no unclean
 * leader election, so with one node down acks=all writes go on and none is lost.
 *
 * <p>It runs inside the same walls as the in-process broker ({@code EmbeddedKafka.startSecured}): its client
 * listener takes only SASL SCRAM-SHA-512 logins of the walls' principals, KRaft's StandardAuthorizer denies whatever
 * no ACL allows ({@code allow.everyone.if.no.acl.found=false}), {@link KafkaWalls#ADMIN} is the super user, topics are
 * never created automatically. Brokers replicate from each other over that same listener, logged in as the admin; the
 * controller listener (the quorum's votes and the brokers' heartbeats) takes a PLAIN login of the cluster's own
 * controller user, also a super user. The admin's login is formatted into each node's log directory; on the first
 * start the admin puts up the other principals' credentials, the catalogue's ACLs ({@link KafkaWalls#putUp}) and the
 * topics, once, through any node. All of them live in the KRaft metadata log, so a node killed with kill -9 and
 * restarted keeps them. Each node's properties file holds the admin's and the controller user's passwords and is
 * owner-only.
 */
public final class KafkaCluster implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(120);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);
    private static final String CONTROLLER_USER = "hrm-sandbox-controller";

    private final KafkaWalls walls;
    private final List<NewTopic> topics;
    private final List<Path> homes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final List<ManagedProcess> processes = new ArrayList<>();
    private boolean wallsUp;

    /**
     * A cluster of {@code size} nodes in {@code home} (one directory per node) inside {@code walls}, that creates
     * {@code topics} on its first start; their replication factor is the caller's ({@link #size()} for all of them).
     */
    public KafkaCluster(Path home, int size, int partitions, KafkaWalls walls, List<NewTopic> topics) {
        this(home, size, partitions, walls, topics, JvmProfile.RESTARTABLE);
    }

    /** As above, each node's JVM sized by {@code profile}. */
    public KafkaCluster(
            Path home, int size, int partitions, KafkaWalls walls, List<NewTopic> topics, JvmProfile profile) {
        if (size < 1) {
            throw new IllegalArgumentException("a cluster has at least one node, not " + size);
        }
        this.walls = walls;
        this.topics = List.copyOf(topics);
        List<Integer> controllerPorts = new ArrayList<>();
        for (int node = 1; node <= size; node++) {
            ports.add(Loopback.freePort());
            controllerPorts.add(Loopback.freePort());
        }
        String voters = IntStream.rangeClosed(1, size)
                .mapToObj(node -> node + "@" + Loopback.LOOPBACK + ":" + controllerPorts.get(node - 1))
                .collect(Collectors.joining(","));
        String controllerPassword = UUID.randomUUID().toString();
        String clusterId = Uuid.randomUuid().toString();
        for (int node = 1; node <= size; node++) {
            Path nodeHome = home.resolve("node-" + node);
            Path properties = writeProperties(
                    nodeHome,
                    new NodeSettings(
                            node,
                            size,
                            ports.get(node - 1),
                            controllerPorts.get(node - 1),
                            voters,
                            partitions,
                            controllerPassword));
            format(nodeHome, properties, clusterId);
            homes.add(nodeHome);
            processes.add(new ManagedProcess(
                    "kafka-" + node,
                    ChildJvm.command(
                            "kafka.Kafka", jvmOptions(profile, nodeHome, size), List.of(properties.toString())),
                    nodeHome.resolve("kafka.out")));
        }
    }

    /** How many nodes (brokers) the cluster has. */
    public int size() {
        return processes.size();
    }

    /** Node {@code node}'s directory (1 to {@link #size()}): its properties, log directory and output. */
    public Path home(int node) {
        return homes.get(node - 1);
    }

    /** Every node's client address, so a client reaches the cluster while any one of them is down. */
    public String bootstrapServers() {
        return ports.stream().map(port -> Loopback.LOOPBACK + ":" + port).collect(Collectors.joining(","));
    }

    /** The walls this cluster runs inside. */
    public KafkaWalls walls() {
        return walls;
    }

    /** What a client connecting as {@code principal} adds to its configuration (its SCRAM login). */
    public Map<String, String> clientProperties(String principal) {
        return walls.clientProperties(principal);
    }

    /** Starts every node; the first time, puts up the walls' logins, ACLs and topics as the admin. */
    public void start() {
        processes.forEach(ManagedProcess::start);
        ports.forEach(port -> Loopback.awaitPort("Kafka", port, READY));
        awaitBrokers(READY);
        if (!wallsUp) {
            withAdmin(admin -> {
                walls.putUp(admin, ADMIN_TIMEOUT);
                admin.createTopics(topics).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            });
            wallsUp = true;
        }
        awaitFullyReplicated(READY);
    }

    /** kill -9 of node {@code node} (1 to {@link #size()}). */
    public void kill(int node) {
        processes.get(node - 1).kill();
    }

    /**
     * Starts node {@code node} again and waits until it is back in the cluster and every partition's replicas are all
     * in sync again, so the next fault finds the cluster whole.
     */
    public void start(int node) {
        processes.get(node - 1).start();
        Loopback.awaitPort("Kafka", ports.get(node - 1), READY);
        awaitBrokers(READY);
        awaitFullyReplicated(READY);
    }

    /** Waits until every node is a registered, unfenced broker. */
    private void awaitBrokers(Duration timeout) {
        awaitTrue(
                "all " + size() + " brokers registered",
                timeout,
                admin -> admin.describeCluster().nodes().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
                                .map(Node::id)
                                .collect(Collectors.toSet())
                                .size()
                        == size());
    }

    /** Waits until every partition of every topic (the internal ones too) has all its replicas in sync. */
    public void awaitFullyReplicated(Duration timeout) {
        awaitTrue(
                "every partition fully in sync",
                timeout,
                admin -> underReplicated(admin).isEmpty());
    }

    /** The partitions ("topic-partition") whose in-sync replicas are fewer than their replicas. */
    public List<String> underReplicated(Admin admin) throws Exception {
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true))
                .names()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, TopicDescription> described =
                admin.describeTopics(names).allTopicNames().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        List<String> lagging = new ArrayList<>();
        described.forEach((name, description) -> {
            for (TopicPartitionInfo partition : description.partitions()) {
                if (partition.isr().size() < partition.replicas().size()) {
                    lagging.add(name + "-" + partition.partition());
                }
            }
        });
        return lagging;
    }

    /** An admin client logged in as the walls' admin, reaching the cluster through any node. */
    public Admin admin() {
        Map<String, Object> config = new HashMap<>(clientProperties(KafkaWalls.ADMIN));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                Duration.ofSeconds(15).toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        return Admin.create(config);
    }

    private interface AdminCall {
        void run(Admin admin) throws Exception;
    }

    private interface AdminCheck {
        boolean holds(Admin admin) throws Exception;
    }

    private void withAdmin(AdminCall call) {
        try (Admin admin = admin()) {
            call.run(admin);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while putting up the cluster's walls", e);
        } catch (Exception e) {
            throw new IllegalStateException("the cluster's walls did not go up: " + e.getMessage(), e);
        }
    }

    /** Polls {@code check} until it holds; an admin call failing while nodes come and go counts as not yet. */
    private void awaitTrue(String what, Duration timeout, AdminCheck check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastFailure = "";
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    if (check.holds(admin)) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    lastFailure = "; last error: " + e.getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + what, e);
                } catch (Exception e) {
                    throw new IllegalStateException("while waiting for " + what + ": " + e.getMessage(), e);
                }
                Loopback.sleep(Duration.ofMillis(500));
            }
        }
        throw new IllegalStateException("Kafka: not " + what + " after " + timeout + lastFailure);
    }

    /** Small heaps: a three-node cluster shares two cores and the memory with the services. */
    private static List<String> jvmOptions(JvmProfile profile, Path home, int size) {
        return profile.options(size == 1 ? 384 : 320, home.resolve("kafka.log"));
    }

    /** The process id of each running node, by node number. */
    public Map<Integer, Long> pids() {
        Map<Integer, Long> pids = new java.util.LinkedHashMap<>();
        for (int node = 1; node <= processes.size(); node++) {
            if (processes.get(node - 1).isAlive()) {
                pids.put(node, processes.get(node - 1).pid());
            }
        }
        return pids;
    }

    /** One node's place in the cluster. */
    private record NodeSettings(
            int node,
            int size,
            int port,
            int controllerPort,
            String voters,
            int partitions,
            String controllerPassword) {
        /** A majority of the replicas: 1 of 1, 2 of 3. */
        int minInSync() {
            return size / 2 + 1;
        }
    }

    private Path writeProperties(Path home, NodeSettings settings) {
        String listeners = "BROKER://" + Loopback.LOOPBACK + ":" + settings.port() + ",CONTROLLER://"
                + Loopback.LOOPBACK + ":" + settings.controllerPort();
        String content = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=" + settings.node(),
                "listeners=" + listeners,
                "advertised.listeners=BROKER://" + Loopback.LOOPBACK + ":" + settings.port(),
                "inter.broker.listener.name=BROKER",
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms=" + KafkaWalls.MECHANISM,
                // Replication between brokers logs in as the admin (a super user) on the walled listener.
                "sasl.mechanism.inter.broker.protocol=" + KafkaWalls.MECHANISM,
                "listener.name.broker.scram-sha-512.sasl.jaas.config="
                        + walls.clientProperties(KafkaWalls.ADMIN).get("sasl.jaas.config"),
                // The controllers' votes and the brokers' heartbeats: PLAIN, one controller user shared by the nodes.
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config="
                        + "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + CONTROLLER_USER + "\" password=\"" + settings.controllerPassword() + "\" user_"
                        + CONTROLLER_USER + "=\"" + settings.controllerPassword() + "\";",
                "authorizer.class.name=" + StandardAuthorizer.class.getName(),
                "allow.everyone.if.no.acl.found=false",
                "super.users=User:" + KafkaWalls.ADMIN + ";User:" + CONTROLLER_USER,
                "controller.quorum.voters=" + settings.voters(),
                "log.dirs=" + home.resolve("data").toAbsolutePath(),
                "num.partitions=" + settings.partitions(),
                "auto.create.topics.enable=false",
                "default.replication.factor=" + settings.size(),
                "min.insync.replicas=" + settings.minInSync(),
                "unclean.leader.election.enable=false",
                "offsets.topic.replication.factor=" + settings.size(),
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=" + settings.size(),
                "transaction.state.log.min.isr=" + settings.minInSync(),
                "transaction.state.log.num.partitions=3",
                "group.initial.rebalance.delay.ms=0",
                "share.coordinator.state.topic.replication.factor=" + settings.size(),
                "share.coordinator.state.topic.min.isr=" + settings.minInSync(),
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
     * Formats a node's log directory once, for the cluster's id and its static quorum of voters, with the admin's SCRAM
     * login in its bootstrap metadata. The storage tool runs in this JVM, so the admin's password is on no command line.
     */
    private void format(Path home, Path properties, String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(
                    new String[] {
                        "format",
                        "-t",
                        clusterId,
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
        processes.forEach(ManagedProcess::close);
    }
}

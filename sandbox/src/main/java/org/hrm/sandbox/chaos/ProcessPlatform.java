package org.hrm.sandbox.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.hrm.cli.KafkaLogin;
import org.hrm.contracts.Domain;
import org.hrm.contracts.Topic;
import org.hrm.embedded.AnvilNode;
import org.hrm.embedded.KafkaWalls;
import org.hrm.embedded.LedgerDeployment;
import org.hrm.embedded.process.ChildJvm;
import org.hrm.embedded.process.JvmProfile;
import org.hrm.embedded.process.KafkaCluster;
import org.hrm.embedded.process.Loopback;
import org.hrm.embedded.process.ManagedProcess;
import org.hrm.embedded.process.MongoServerMain;
import org.hrm.messaging.CatalogueTopics;
import org.hrm.sandbox.Platform;
import org.hrm.sandbox.ServiceSettings;

/**
 * The platform with every part in its own process: Kafka (one broker, or a cluster of three with every topic
 * replicated three times and min.insync.replicas 2), the MongoDB-wire server and each service in a JVM of its own,
 * Anvil as its own process. For {@code ./hrm chaos} ({@link Settings#chaos}) the chain is kept in a state file and
 * the database in an H2 file, so each part can be killed or restarted on the same port with its data kept; for
 * {@code ./hrm bench --separate-jvms} ({@link Settings#measured}) and {@code ./hrm up --separate-jvms}
 * ({@link Settings#up}) they are in memory, as the in-process platform's, and the JVMs are sized for throughput
 * ({@link JvmProfile}); {@code up} adds the gateway and the FHIR edge, each in a JVM of its own too
 * ({@link #startGateway}, {@link #startFhirEdge}). Every client is given all the brokers' addresses; each part's output
 * and log are under {@code HOME/logs}.
 *
 * <p>Kafka runs inside the walls the in-process platform has ({@link KafkaWalls}, decision record 0041): each
 * service logs in as its own principal, the run's own clients as the sandbox's hospital (the load) or its observer
 * (watchers and audits), and the forgeries and bad inputs with the stolen login of each topic's rightful writer.
 */
public final class ProcessPlatform implements AutoCloseable {
    static final List<String> SERVICES =
            List.of(ServiceSettings.CONSENT, ServiceSettings.KEY_VAULT, ServiceSettings.LEDGER_WRITER);
    /** Each service's stage name, as the in-process platform's thread groups are named. */
    private static final Map<String, String> STAGES = Map.of(
            ServiceSettings.CONSENT,
            "consent",
            ServiceSettings.KEY_VAULT,
            "vault",
            ServiceSettings.LEDGER_WRITER,
            "writer",
            ServiceSettings.GATEWAY,
            "gateway",
            ServiceSettings.FHIR_EDGE,
            "fhir-edge");

    private static final Duration SERVICE_READY = Duration.ofSeconds(240);
    private static final Duration INFRA_READY = Duration.ofSeconds(60);

    /**
     * What kind of platform to start.
     *
     * @param brokers Kafka nodes, each its own process: 1, or 3 for a replicated cluster
     * @param jvms how each part's JVM is sized
     * @param chain Anvil's settings (its port and log file are the platform's)
     * @param keepData whether the database and the chain keep their data across a restart of their process (an H2
     *     file, Anvil's state file) or hold it in memory
     * @param serviceProperties added to every service's properties (each reads only its own prefix)
     * @param mongoPort the MongoDB-wire server's port (0: any free port)
     * @param chainPort Anvil's JSON-RPC port (0: any free port)
     */
    public record Settings(
            int partitions,
            int brokers,
            JvmProfile jvms,
            AnvilNode.Options chain,
            boolean keepData,
            Map<String, Object> serviceProperties,
            int mongoPort,
            int chainPort) {
        /**
         * For the chaos run: one-second blocks as on the production chain (transactions wait in the pool, and a
         * restart loses them), data kept across restarts, JVMs that restart quickly, and short Kafka sessions: a killed
         * consumer's partitions move to its restarted self after the session timeout.
         */
        static Settings chaos(int brokers) {
            return new Settings(
                    3,
                    brokers,
                    JvmProfile.RESTARTABLE,
                    AnvilNode.Options.defaults().withBlockTime(1, 1_000_000_000L),
                    true,
                    Map.of(
                            "spring.kafka.consumer.properties.session.timeout.ms", "10000",
                            "spring.kafka.consumer.properties.heartbeat.interval.ms", "2000"),
                    0,
                    0);
        }

        /** For a measured run: one broker, data in memory, JVMs sized for throughput, the given chain and services. */
        public static Settings measured(AnvilNode.Options chain, Map<String, Object> serviceProperties) {
            return new Settings(3, 1, JvmProfile.SIZED, chain, false, serviceProperties, 0, 0);
        }

        /**
         * For {@code ./hrm up --separate-jvms}: as {@link #measured} with the in-process {@code up}'s chain and
         * services, the database and the chain on the ports asked for.
         */
        public static Settings up(int mongoPort, int chainPort) {
            return new Settings(
                    3, 1, JvmProfile.SIZED, AnvilNode.Options.defaults(), false, Map.of(), mongoPort, chainPort);
        }
    }

    private final Path home;
    private final Settings settings;
    private final Consumer<String> progress;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
    /** The port each service's web server took at its last start, from its readiness line. */
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();

    private KafkaCluster kafka;
    private ManagedProcess mongo;
    private int mongoPort;
    private AnvilNode.Options anvilOptions;
    private AnvilNode anvil;
    private Map<Domain, String> ledgers;
    private boolean closed;

    private ProcessPlatform(Path home, Settings settings, Consumer<String> progress) {
        this.home = home;
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Starts every part, reporting each step; on failure stops what already started. Every child process is also
     * stopped when this JVM exits (Ctrl-C included) without {@link #close()} having run.
     */
    public static ProcessPlatform start(Path home, Settings settings, Consumer<String> progress) {
        ProcessPlatform platform = new ProcessPlatform(home, settings, progress);
        Thread stopper = new Thread(platform::close, "process-platform-stopper");
        Runtime.getRuntime().addShutdownHook(stopper);
        platform.started.add(() -> removeHook(stopper));
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is what is closing the platform
        }
    }

    private void startAll() {
        int brokers = settings.brokers();
        int partitions = settings.partitions();
        progress.accept("starting Kafka ("
                + (brokers == 1
                        ? "one KRaft broker"
                        : brokers + " KRaft brokers, replication " + brokers + ", min.insync.replicas "
                                + (brokers / 2 + 1))
                + ", each in its own JVM) inside the walls: SASL SCRAM-SHA-512, one principal per service and per"
                + " hospital, ACLs from the topic catalogue");
        kafka = new KafkaCluster(
                home.resolve("kafka"),
                brokers,
                partitions,
                KafkaWalls.generate(Platform.SANDBOX_HOSPITALS),
                CatalogueTopics.list(partitions, (short) brokers, Topic.values()),
                settings.jvms());
        started.add(kafka);
        kafka.start();
        progress.accept(
                "starting the MongoDB-wire server (" + (settings.keepData() ? "H2 file" : "in memory") + ", own JVM)");
        mongoPort = settings.mongoPort() == 0 ? Loopback.freePort() : settings.mongoPort();
        List<String> mongoArgs = settings.keepData()
                ? List.of(home.resolve("mongo/hrm.mv").toAbsolutePath().toString(), String.valueOf(mongoPort))
                : List.of(String.valueOf(mongoPort));
        mongo = new ManagedProcess(
                "mongo",
                ChildJvm.command(
                        MongoServerMain.class.getName(),
                        settings.jvms().options(256, home.resolve("logs/mongo.log")),
                        mongoArgs),
                home.resolve("logs/mongo.out"));
        started.add(mongo);
        startMongo();
        progress.accept("starting Anvil" + (settings.keepData() ? " (state kept in a file across restarts)" : ""));
        anvilOptions = settings.chain()
                .withPort(settings.chainPort() == 0 ? Loopback.freePort() : settings.chainPort())
                .withLogFile(home.resolve("logs/anvil.log"));
        if (settings.keepData()) {
            anvilOptions = anvilOptions.withStateFile(home.resolve("anvil-state.json"));
        }
        anvil = AnvilNode.start(anvilOptions);
        ledgers =
                LedgerDeployment.deploy(anvil.rpcUrl(), AnvilNode.CHAIN_ID, AnvilNode.ADMIN_KEY, AnvilNode.WRITER_KEY);
        progress.accept("deployed ledgers " + ledgers);
        SERVICES.forEach(
                service -> services.put(service, serviceProcess(service, serviceProperties(service), List.of())));
        progress.accept("starting " + String.join(", ", SERVICES) + ", each in its own JVM (output and log in "
                + home.resolve("logs") + ")");
        services.values().forEach(ManagedProcess::start);
        SERVICES.forEach(this::awaitService);
        progress.accept("every part is up: " + pids());
    }

    /**
     * Starts the gateway (profile {@code dev}: its own token issuer, as the in-process platform's) in a JVM of its
     * own on {@code port} (0: any free port), with the same settings, and waits until it serves.
     */
    public void startGateway(int port) {
        try {
            startService(ServiceSettings.GATEWAY, serviceSettings().gateway(port), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the gateway's properties", e);
        }
    }

    /** Starts the FHIR edge with {@code properties} in a JVM of its own on {@code port}, and waits until it serves. */
    public void startFhirEdge(Map<String, Object> properties, int port) {
        // As an argument: the edge's own server.port=8090 would override a property (see FhirEdgeSandbox).
        startService(ServiceSettings.FHIR_EDGE, properties, List.of("--server.port=" + port));
    }

    private void startService(String service, Map<String, Object> properties, List<String> springArgs) {
        progress.accept("starting " + service + " in its own JVM");
        ManagedProcess process = serviceProcess(service, properties, springArgs);
        // Under the lock close() takes: a Ctrl-C while this part starts stops it with the others.
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the platform is stopping");
            }
            services.put(service, process);
            process.start();
        }
        awaitService(service);
    }

    private ManagedProcess serviceProcess(String service, Map<String, Object> properties, List<String> springArgs) {
        Path propertiesFile = home.resolve(service + ".properties");
        writeOwnerOnly(propertiesFile, properties);
        List<String> jvm = settings.jvms().options(384, home.resolve("logs/" + service + ".log"));
        List<String> args = new ArrayList<>(List.of(service, propertiesFile.toString()));
        args.addAll(springArgs);
        return new ManagedProcess(
                service,
                ChildJvm.command(ServiceMain.class.getName(), jvm, args),
                home.resolve("logs/" + service + ".out"));
    }

    private Map<String, Object> serviceProperties(String service) {
        try {
            Map<String, Object> properties = serviceSettings().of(service);
            properties.putAll(settings.serviceProperties());
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the properties of " + service, e);
        }
    }

    private ServiceSettings serviceSettings() {
        return new ServiceSettings(
                home,
                kafka.bootstrapServers(),
                this::mongoUri,
                anvil.rpcUrl(),
                ledgers,
                settings.partitions(),
                kafka::clientProperties);
    }

    private static void writeOwnerOnly(Path file, Map<String, Object> values) {
        Properties properties = new Properties();
        values.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "written by the sandbox's process platform: owner-only");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void awaitService(String service) {
        ports.put(service, ServiceMain.port(services.get(service).awaitOutput(ServiceMain.READY, SERVICE_READY)));
    }

    /** The port the named service's web server listens on (the gateway's API, the edge's FHIR base, an actuator). */
    public int port(String service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException(service + " has not started");
        }
        return port;
    }

    /** The actuator base URL (health, Prometheus) of consent-service, the vault and the writer, by service name. */
    public Map<String, String> actuators() {
        Map<String, String> urls = new LinkedHashMap<>();
        SERVICES.forEach(
                service -> urls.put(service, "http://" + Loopback.LOOPBACK + ":" + port(service) + "/actuator"));
        return urls;
    }

    private void startMongo() {
        mongo.start();
        mongo.awaitOutput(MongoServerMain.READY, INFRA_READY);
    }

    public String mongoUri(String database) {
        return "mongodb://" + Loopback.LOOPBACK + ":" + mongoPort + "/" + database;
    }

    /** The brokers of the run's Kafka, each its own process. */
    int brokers() {
        return kafka.size();
    }

    /** How a client of the run connects as {@code principal} (one of the walls' principals), to every broker. */
    public KafkaLogin kafka(String principal) {
        return new KafkaLogin(kafka.bootstrapServers(), principal, kafka.clientProperties(principal));
    }

    public String chainRpc() {
        return anvil.rpcUrl();
    }

    public Map<Domain, String> ledgers() {
        return ledgers;
    }

    public Path home() {
        return home;
    }

    /**
     * The process id of each running part by stage name, as the in-process platform names its thread groups:
     * {@code broker} (each Kafka node; {@code broker-N} when there are several), {@code database}, {@code consent},
     * {@code vault}, {@code writer}, and once started {@code gateway} and {@code fhir-edge}.
     */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        kafka.pids().forEach((node, pid) -> pids.put(kafka.size() == 1 ? "broker" : "broker-" + node, pid));
        if (mongo.isAlive()) {
            pids.put("database", mongo.pid());
        }
        services.forEach((service, process) -> {
            if (process.isAlive()) {
                pids.put(STAGES.get(service), process.pid());
            }
        });
        return pids;
    }

    /**
     * kill -9 of one service, then a new process; it starts while the next faults come (a restart here takes
     * tens of seconds on a loaded machine), {@link #awaitServicesReady()} waits for it.
     */
    void killAndRestart(String service, Duration down) {
        ManagedProcess process = services.get(service);
        process.kill();
        Loopback.sleep(down);
        process.start();
    }

    void awaitServicesReady() {
        SERVICES.forEach(this::awaitService);
    }

    /**
     * kill -9 of one broker ({@code random}'s choice), then its restart; returns when every partition is fully in sync
     * again. With three brokers it is a rolling fault: the other two keep every partition writable (min ISR 2).
     */
    void restartKafka(Duration down, Random random) {
        // One broker draws nothing, so a seed replays the same faults as before the cluster existed.
        int node = kafka.size() == 1 ? 1 : 1 + random.nextInt(kafka.size());
        progress.accept("killing Kafka broker " + node + " of " + kafka.size());
        kafka.kill(node);
        Loopback.sleep(down);
        kafka.start(node);
    }

    /** A clean stop: mongo-java-server's H2 file keeps only what was written out (a real MongoDB has its journal). */
    void restartMongo(Duration down) {
        mongo.stop(Duration.ofSeconds(20));
        Loopback.sleep(down);
        startMongo();
    }

    /** A clean stop, so Anvil writes its state file; its transaction pool is lost, as a killed Besu node's is. */
    void restartChain(Duration down) {
        anvil.close();
        Loopback.sleep(down);
        anvil = AnvilNode.start(anvilOptions);
    }

    /** The services that are not running. */
    List<String> deadServices() {
        return services.values().stream()
                .filter(process -> !process.isAlive())
                .map(ManagedProcess::name)
                .toList();
    }

    /**
     * Services first, the last started first (the FHIR edge, then the gateway, before what they call), then the chain
     * (it writes its state file), then the database and the broker; once, whether called by its owner or by the
     * shutdown hook.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ManagedProcess> lastStartedFirst = new ArrayList<>(services.values());
        Collections.reverse(lastStartedFirst);
        lastStartedFirst.forEach(ProcessPlatform::closeQuietly);
        if (anvil != null) {
            closeQuietly(anvil);
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            closeQuietly(started.get(i));
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e.getMessage());
        }
    }
}

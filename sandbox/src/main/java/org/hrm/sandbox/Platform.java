package org.hrm.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.hrm.cli.Endpoints;
import org.hrm.cli.KafkaCredentialsFile;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.consent.ConsentApplication;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.KafkaRole;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.embedded.AnvilNode;
import org.hrm.embedded.EmbeddedKafka;
import org.hrm.embedded.EmbeddedMongo;
import org.hrm.embedded.KafkaWalls;
import org.hrm.embedded.LedgerDeployment;
import org.hrm.gateway.GatewayApplication;
import org.hrm.gateway.application.Views;
import org.hrm.gateway.config.DevIssuer;
import org.hrm.gateway.config.GatewayProperties;
import org.hrm.keyvault.KeyVaultApplication;
import org.hrm.keyvault.adapter.pkcs11.Pkcs11Custody;
import org.hrm.keyvault.domain.MasterKeyCustody;
import org.hrm.ledgerwriter.LedgerWriterApplication;
import org.hrm.messaging.CatalogueTopics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The whole platform on its embedded default: Kafka (KRaft, in-process), a MongoDB-wire server,
 * Anvil with both ledger contracts deployed, and each service in its own Spring context (the gateway with its
 * web server, in profile {@code dev}).
 */
public final class Platform implements AutoCloseable {
    /**
     * The hospital systems that have a Kafka principal in the sandbox (hrm-hospital-&lt;id&gt;): the demo's hospital
     * and the FHIR edge's.
     */
    public static final Set<String> SANDBOX_HOSPITALS = Set.of("sandbox-hospital", "sandbox-fhir-edge");

    /**
     * Whether the platform's broker runs inside the walls unless its options say otherwise: on, so {@code ./hrm up},
     * the demo and the ITs run inside the walls production has (decision record 0041). Every sandbox client connects
     * as its principal ({@link SandboxPrincipals}): hospitals (the FHIR edge included) as their hospital principal,
     * which reads only the party directory and asks the gateway for the rest; operators' tooling as the operator; test
     * tooling as the read-only observer. {@code --kafka-walls off} (or {@link Options#withKafkaWalls}) opens the broker
     * for clients that cannot log in, such as another project's client pointed at the sandbox.
     */
    public static final boolean KAFKA_WALLS_BY_DEFAULT = true;

    /** The services' start methods apply properties after the banner is printed; an argument comes first. */
    private static final String QUIET = "--spring.main.banner-mode=off";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final StageThreads stages = new StageThreads();
    private final Options options;
    private final Tuning tuning;
    private final SandboxSecrets secrets;
    private EmbeddedKafka kafka;
    private EmbeddedMongo mongo;
    private AnvilNode anvil;
    private Map<Domain, String> ledgers;
    private ConfigurableApplicationContext consent;
    private ConfigurableApplicationContext keyVault;
    private ConfigurableApplicationContext ledgerWriter;
    private ConfigurableApplicationContext gateway;

    /**
     * Where the platform keeps its files and which ports it listens on (0: any free port; Kafka's is always free), and
     * whether its broker runs inside the walls ({@link #kafkaWalls}).
     *
     * @param kafkaWalls SASL SCRAM-SHA-512 with one principal per service and per hospital and the catalogue's ACLs
     *     ({@link KafkaWalls}); {@link #KAFKA_WALLS_BY_DEFAULT} unless asked otherwise
     */
    public record Options(
            Path home, int mongoPort, int chainPort, int partitions, int gatewayPort, boolean kafkaWalls) {
        public Options(Path home, int mongoPort, int chainPort, int partitions) {
            this(home, mongoPort, chainPort, partitions, 0);
        }

        public Options(Path home, int mongoPort, int chainPort, int partitions, int gatewayPort) {
            this(home, mongoPort, chainPort, partitions, gatewayPort, KAFKA_WALLS_BY_DEFAULT);
        }

        /** These options with the broker inside the walls (or not). */
        public Options withKafkaWalls(boolean walls) {
            return new Options(home, mongoPort, chainPort, partitions, gatewayPort, walls);
        }

        public static Options ephemeral(Path home) {
            return new Options(home, 0, 0, 3);
        }

        public Path logDir() {
            return home.resolve("logs");
        }
    }

    /**
     * Chain settings and extra service properties (applied to every service; each reads only its own prefix), for
     * benchmark runs; {@link #defaults()} changes nothing.
     */
    public record Tuning(AnvilNode.Options chain, Map<String, Object> serviceProperties) {
        public static Tuning defaults() {
            return new Tuning(AnvilNode.Options.defaults(), Map.of());
        }
    }

    private Platform(Options options, Tuning tuning) {
        this.options = options;
        this.tuning = tuning;
        this.secrets = new SandboxSecrets(options.home());
    }

    /** Starts everything, reporting each step; on failure stops what already started. */
    public static Platform start(Options options, Consumer<String> progress) {
        return start(options, Tuning.defaults(), progress);
    }

    /** Starts everything with the given chain settings and service properties. */
    public static Platform start(Options options, Tuning tuning, Consumer<String> progress) {
        Platform platform = new Platform(options, tuning);
        try {
            platform.startAll(progress);
            return platform;
        } catch (RuntimeException | IOException e) {
            platform.close();
            throw new IllegalStateException("platform failed to start: " + e.getMessage(), e);
        }
    }

    private void startAll(Consumer<String> progress) throws IOException {
        Files.createDirectories(options.logDir());
        if (options.kafkaWalls()) {
            progress.accept("starting Kafka (KRaft, in-process) inside the walls: SASL SCRAM-SHA-512, one principal per"
                    + " service and per hospital, ACLs from the topic catalogue");
            kafka = track(stages.start(
                    "broker",
                    () -> EmbeddedKafka.startSecured(
                            options.partitions(),
                            KafkaWalls.generate(SANDBOX_HOSPITALS),
                            CatalogueTopics.list(options.partitions(), (short) 1, Topic.values()))));
            Path credentials = kafkaCredentialsFile();
            KafkaCredentialsFile.write(credentials, SandboxPrincipals.CLI, kafka::clientProperties);
            started.push(() -> Files.deleteIfExists(credentials));
        } else {
            progress.accept("starting Kafka (KRaft, in-process)");
            kafka = track(stages.start("broker", () -> EmbeddedKafka.start(options.partitions())));
        }
        progress.accept("starting MongoDB-wire server (mongo-java-server)");
        mongo = track(stages.start("database", () -> EmbeddedMongo.inMemory(options.mongoPort())));
        progress.accept("starting Anvil (--hardfork " + tuning.chain().hardfork() + ")");
        anvil = track(AnvilNode.start(tuning.chain()
                .withPort(options.chainPort())
                .withLogFile(options.logDir().resolve("anvil.log"))));
        ledgers =
                LedgerDeployment.deploy(anvil.rpcUrl(), AnvilNode.CHAIN_ID, AnvilNode.ADMIN_KEY, AnvilNode.WRITER_KEY);
        progress.accept("deployed ledgers " + ledgers);
        progress.accept("starting consent-service");
        consent = track(stages.start(
                "consent", () -> ConsentApplication.start(tuned(settings().consent()), QUIET)));
        progress.accept("starting key-vault-service");
        keyVault = track(stages.start(
                "vault", () -> KeyVaultApplication.start(tuned(settings().keyVault()), QUIET)));
        progress.accept("starting ledger-writer-service");
        ledgerWriter = track(stages.start(
                "writer",
                () -> service(LedgerWriterApplication.class, tuned(settings().ledgerWriter()))));
        progress.accept("starting gateway-service (profile dev: its own token issuer)");
        gateway = track(stages.start("gateway", () -> GatewayApplication.start(gatewayProperties(), QUIET)));
    }

    private Map<String, Object> gatewayProperties() throws IOException {
        return settings().gateway(options.gatewayPort());
    }

    /**
     * Stops the gateway and starts it again on the same port with the same database, as a redeployment would: its views
     * come back from its database and from what its topics still hold. Callers log in again (the development issuer's
     * key is new).
     */
    public void restartGateway() throws IOException {
        String port = gateway.getEnvironment().getProperty("local.server.port");
        gateway.close();
        Map<String, Object> properties = gatewayProperties();
        properties.put("server.port", port);
        gateway = track(stages.start("gateway", () -> GatewayApplication.start(properties, QUIET)));
    }

    /**
     * One more gateway replica on another port with the same database and topics (as a second Kubernetes pod), with
     * extra properties over the platform's; the caller closes it.
     */
    public ConfigurableApplicationContext startGatewayReplica(Map<String, Object> overrides) throws IOException {
        Map<String, Object> properties = gatewayProperties();
        properties.put("server.port", 0);
        properties.putAll(overrides);
        return GatewayApplication.start(properties, QUIET);
    }

    /** Adds the benchmark's service properties; each service reads only its own prefix. */
    private Map<String, Object> tuned(Map<String, Object> properties) {
        properties.putAll(tuning.serviceProperties());
        return properties;
    }

    /** The settings the platform started its services with (an IT starts one more replica with them). */
    ServiceSettings settings() {
        return new ServiceSettings(
                options.home(),
                kafka.bootstrapServers(),
                mongo::uri,
                anvil.rpcUrl(),
                ledgers,
                options.partitions(),
                kafka::clientProperties);
    }

    /**
     * The platform's properties come first, above system properties and the environment, as the other services'
     * {@code start} methods put them: default properties would lose to a stray {@code spring.kafka.bootstrap-servers}.
     */
    private static ConfigurableApplicationContext service(Class<?> application, Map<String, Object> properties) {
        return new SpringApplicationBuilder(application)
                .initializers(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("hrm-platform", properties)))
                .run();
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    /** The thread group of each part (broker, database, consent, vault, writer, gateway): CPU time by stage. */
    public Map<String, ThreadGroup> stageThreads() {
        return stages.groups();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Whether the broker runs inside the walls (SASL, one principal per role, the catalogue's ACLs). */
    public boolean kafkaWalls() {
        return kafka.walls().isPresent();
    }

    private Path kafkaCredentialsFile() {
        return options.home().toAbsolutePath().resolve(KafkaCredentialsFile.NAME);
    }

    /** How a client in this JVM connects as {@code principal}; anonymously when the broker is open. */
    public KafkaLogin kafka(String principal) {
        return kafkaWalls()
                ? new KafkaLogin(kafka.bootstrapServers(), principal, kafka.clientProperties(principal))
                : KafkaLogin.open(kafka.bootstrapServers());
    }

    /**
     * What a Kafka client connecting as {@code principal} adds to its configuration (security protocol, mechanism, the
     * JAAS line with this run's password); nothing when the broker is open. The principals are {@link KafkaRole}'s,
     * {@link KafkaRole#hospitalPrincipal} of {@link #SANDBOX_HOSPITALS}, and the sandbox-only
     * {@link KafkaWalls#OBSERVER} for test tooling.
     */
    public Map<String, String> kafkaClientProperties(String principal) {
        return kafka.clientProperties(principal);
    }

    /** A publisher in this JVM connecting as {@code principal} (one of {@link SandboxPrincipals}); close it. */
    public RecordPublisher publisher(String principal) {
        KafkaLogin login = kafka(principal);
        return RecordPublisher.connect(login.bootstrapServers(), login.settings());
    }

    public String mongoUri(String database) {
        return mongo.uri(database);
    }

    public String chainRpc() {
        return anvil.rpcUrl();
    }

    public Map<Domain, String> ledgers() {
        return ledgers;
    }

    public ConfigurableApplicationContext consent() {
        return consent;
    }

    public ConfigurableApplicationContext keyVault() {
        return keyVault;
    }

    public ConfigurableApplicationContext ledgerWriter() {
        return ledgerWriter;
    }

    public ConfigurableApplicationContext gateway() {
        return gateway;
    }

    /** Attests registrations and lost-key rotations for the sandbox's own tools, as the gateway would. */
    public SandboxAttester attester() {
        try {
            return SandboxAttester.of(options.home());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The gateway's base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
    }

    /** The development users one can log in as at the gateway (party id, role, label). */
    public List<GatewayProperties.DevUser> devUsers() {
        return gateway.getBean(DevIssuer.class).users();
    }

    /** The releases the gateway holds for their requesters right now (for the erasure completeness check). */
    public List<RecordReleased> gatewayReleases() {
        EventCodec codec = new EventCodec();
        return gateway.getBean(Views.class).answers().held().stream()
                .map(release -> codec.decode(release.event(), RecordReleased.class))
                .toList();
    }

    /** What a client needs to reach the platform. */
    public Endpoints endpoints() {
        String custody = keyVault.getBean(MasterKeyCustody.class).kind();
        boolean keyFileCustody = !Pkcs11Custody.KIND.equals(custody);
        try {
            return new Endpoints(
                    kafka.bootstrapServers(),
                    mongo.uri(""),
                    anvil.rpcUrl(),
                    ledgers.get(Domain.PATIENT),
                    ledgers.get(Domain.PRACTITIONER),
                    options.logDir().toString(),
                    secrets.receiptPublicKey(),
                    keyFileCustody ? secrets.masterKeyFile().toAbsolutePath().toString() : null,
                    custody,
                    actuators(),
                    gatewayUrl(),
                    SandboxUp.devLogins(devUsers()),
                    Map.of(SandboxAttester.KEY_ID, secrets.gatewayAttestationPublicKey()),
                    secrets.consentPublicKey(),
                    kafkaWalls() ? kafkaCredentialsFile().toString() : null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the sandbox's key files in " + options.home(), e);
        }
    }

    /** Each service's actuator base URL (health probes, Prometheus), by service name. */
    public Map<String, String> actuators() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("consent-service", actuator(consent));
        urls.put("key-vault-service", actuator(keyVault));
        urls.put("ledger-writer-service", actuator(ledgerWriter));
        return urls;
    }

    private static String actuator(ConfigurableApplicationContext service) {
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        return "http://127.0.0.1:" + port + "/actuator";
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
    }
}

package org.hrm.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.hrm.consent.ConsentApplication;
import org.hrm.contracts.Domain;
import org.hrm.embedded.AnvilNode;
import org.hrm.embedded.EmbeddedKafka;
import org.hrm.embedded.EmbeddedMongo;
import org.hrm.embedded.LedgerDeployment;
import org.hrm.keyvault.KeyVaultApplication;
import org.hrm.ledgerwriter.LedgerWriterApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform on its embedded default: Kafka (KRaft, in-process), a MongoDB-wire server,
 * Anvil with both ledger contracts deployed, and each service in its own Spring context.
 */
public final class Platform implements AutoCloseable {
    /** The services' start methods apply properties after the banner is printed; an argument comes first. */
    private static final String QUIET = "--spring.main.banner-mode=off";
    /** Shorter than production's 5 s, so a watcher (or a test) sees the platform move within a second or two. */
    private static final String HEARTBEAT_INTERVAL = "1s";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Options options;
    private final SandboxSecrets secrets;
    private EmbeddedKafka kafka;
    private EmbeddedMongo mongo;
    private AnvilNode anvil;
    private Map<Domain, String> ledgers;
    private ConfigurableApplicationContext consent;
    private ConfigurableApplicationContext keyVault;
    private ConfigurableApplicationContext ledgerWriter;

    /** Where the platform keeps its files and which ports it listens on (0: any free port; Kafka's is always free). */
    public record Options(Path home, int mongoPort, int chainPort, int partitions) {
        public static Options ephemeral(Path home) {
            return new Options(home, 0, 0, 3);
        }

        public Path logDir() {
            return home.resolve("logs");
        }
    }

    private Platform(Options options) {
        this.options = options;
        this.secrets = new SandboxSecrets(options.home());
    }

    /** Starts everything, reporting each step; on failure stops what already started. */
    public static Platform start(Options options, Consumer<String> progress) {
        Platform platform = new Platform(options);
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
        progress.accept("starting Kafka (KRaft, in-process)");
        kafka = track(EmbeddedKafka.start(options.partitions()));
        progress.accept("starting MongoDB-wire server (mongo-java-server)");
        mongo = track(EmbeddedMongo.inMemory(options.mongoPort()));
        progress.accept(
                "starting Anvil (--hardfork " + AnvilNode.Options.defaults().hardfork() + ")");
        anvil = track(AnvilNode.start(AnvilNode.Options.defaults()
                .withPort(options.chainPort())
                .withLogFile(options.logDir().resolve("anvil.log"))));
        ledgers =
                LedgerDeployment.deploy(anvil.rpcUrl(), AnvilNode.CHAIN_ID, AnvilNode.ADMIN_KEY, AnvilNode.WRITER_KEY);
        progress.accept("deployed ledgers " + ledgers);
        progress.accept("starting consent-service");
        consent = track(ConsentApplication.start(named("consent-service", consentProperties()), QUIET));
        progress.accept("starting key-vault-service");
        keyVault = track(KeyVaultApplication.start(named("key-vault-service", keyVaultProperties()), QUIET));
        progress.accept("starting ledger-writer-service");
        ledgerWriter = track(service(LedgerWriterApplication.class, "ledger-writer-service", ledgerWriterProperties()));
    }

    private Map<String, Object> keyVaultProperties() throws IOException {
        Map<String, Object> properties = commonProperties("key-vault");
        properties.put("hrm.vault.master-key-file", secrets.masterKeyFile().toString());
        properties.put("hrm.vault.topic-partitions", options.partitions());
        properties.put("hrm.vault.consent-public-key", secrets.consentPublicKey());
        properties.put("hrm.vault.receipt-key-file", secrets.receiptKeyFile().toString());
        properties.put("hrm.vault.chain.rpc-url", anvil.rpcUrl());
        properties.put("hrm.vault.chain.contracts.patient", ledgers.get(Domain.PATIENT));
        properties.put("hrm.vault.chain.contracts.practitioner", ledgers.get(Domain.PRACTITIONER));
        return properties;
    }

    private Map<String, Object> consentProperties() throws IOException {
        Map<String, Object> properties = commonProperties("consent");
        properties.put("hrm.consent.signing-key-file", secrets.consentKeyFile().toString());
        properties.put("hrm.consent.topic-partitions", options.partitions());
        return properties;
    }

    private Map<String, Object> ledgerWriterProperties() {
        Map<String, Object> properties = commonProperties("ledger-writer");
        properties.put("hrm.ledger.rpc-url", anvil.rpcUrl());
        properties.put("hrm.ledger.chain-id", AnvilNode.CHAIN_ID);
        properties.put("hrm.ledger.signing-key", AnvilNode.WRITER_KEY);
        properties.put("hrm.ledger.contracts.patient", ledgers.get(Domain.PATIENT));
        properties.put("hrm.ledger.contracts.practitioner", ledgers.get(Domain.PRACTITIONER));
        properties.put("hrm.ledger.topic-partitions", options.partitions());
        return properties;
    }

    private Map<String, Object> commonProperties(String database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.jmx.enabled", "false");
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.mongodb.uri", mongo.uri(database));
        // All services share this JVM: each gets a free port for its actuator (recorded in the endpoints file).
        properties.put("server.port", 0);
        properties.put("server.address", "127.0.0.1");
        properties.put("hrm.ops.heartbeat-interval", HEARTBEAT_INTERVAL);
        return properties;
    }

    private static Map<String, Object> named(String name, Map<String, Object> properties) {
        properties.put("spring.application.name", name);
        return properties;
    }

    private static ConfigurableApplicationContext service(
            Class<?> application, String name, Map<String, Object> properties) {
        return new SpringApplicationBuilder(application)
                .properties(named(name, properties))
                .run();
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
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

    /** What a client needs to reach the platform. */
    public Endpoints endpoints() {
        try {
            return new Endpoints(
                    kafka.bootstrapServers(),
                    mongo.uri(""),
                    anvil.rpcUrl(),
                    ledgers.get(Domain.PATIENT),
                    ledgers.get(Domain.PRACTITIONER),
                    options.logDir().toString(),
                    secrets.receiptPublicKey(),
                    secrets.masterKeyFile().toAbsolutePath().toString(),
                    actuators());
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

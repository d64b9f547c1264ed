package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.hrm.contracts.Domain;
import org.hrm.embedded.AnvilNode;
import org.hrm.embedded.EmbeddedKafka;
import org.hrm.embedded.EmbeddedMongo;
import org.hrm.embedded.KafkaTls;
import org.hrm.embedded.KafkaWalls;
import org.hrm.embedded.LedgerDeployment;
import org.hrm.embedded.SoftHsm;
import org.hrm.sandbox.GatewayStory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boots the four services from the deployment's own configuration: for each, the environment and mounted files that
 * docker-compose.yml, and then the Kubernetes manifests, give it, with every secret from generate-dev-secrets.sh, each
 * service run as its image runs it (the entrypoint, the executable jar, exactly that environment: {@link
 * ServiceProcess}). Only the addresses of the infrastructure are changed, to the embedded Kafka, MongoDB-wire server,
 * Anvil (on the manifests' chain id) and a stand-in identity provider ({@link TestIssuer}); every service must reach
 * readiness UP, and then a store, a grant, a fetch and an erasure pass through the gateway and the services behind it.
 *
 * <p>Child JVMs rather than Spring contexts in this JVM: in one JVM every service would see the others' classpath
 * (the gateway's application.yml and its security auto-configuration), which the sandbox corrects with settings no
 * manifest has; a child JVM runs the service's own jar with the environment as its real process environment, so
 * Spring binds the variables, the config trees and the {@code *_FILE} paths as in a container.
 *
 * <p>Kafka: the embedded broker runs inside the deployment's walls, and the services' Kafka settings are the
 * deployment's, untouched. For compose, its listener is SASL_SSL, as compose's: the broker presents the certificate
 * generate-dev-secrets.sh made (kafka-broker.pem, for kafka and localhost, from its CA), each service trusts that CA
 * (the mounted kafka-truststore.pem) and verifies the broker's name, and logs in with its own SCRAM-SHA-512 login from
 * the generator (the mounted {@code sasl.jaas.config}); the broker holds the credentials of kafka-scram-users and
 * exactly the ACLs of deploy/docker/kafka/acls.txt. For Kubernetes, its listener
 * is TLS with client certificates required, as Strimzi's {@code tls} listener with {@code authentication: tls}: the
 * test makes what Strimzi would ({@link KafkaTls}: a cluster CA that signs the broker's certificate for localhost, the
 * trust store {@code ca.p12} of hrm-kafka-cluster-ca-cert; a clients CA that signs each KafkaUser's certificate, subject
 * {@code CN=<user>}, in its {@code user.p12}), the services verify the broker's name, and the broker grants the
 * KafkaUsers' ACLs to {@code User:CN=<user>} as Strimzi's user operator does. Both brokers deny whatever no rule
 * allows and let no service create a topic (the test's admin creates compose's topics.txt or the KafkaTopics), so a
 * rule missing from the deployment fails the story; KafkaAclCoverageTest checks that these rules are exactly what the
 * code needs. Not run here: compose's broker settings themselves (ComposeKafkaBrokerIT runs them) and Strimzi.
 * MongoDB: mongo-java-server has no authentication, so the connection string (with its user and password) is replaced
 * as a whole by the embedded server's. Nor has it TLS, which the Kubernetes manifests require: that run turns the
 * driver's TLS off explicitly ({@code SPRING_MONGODB_SSL_ENABLED=false}, {@link #MONGO_WITHOUT_TLS}) and mounts a
 * stand-in CA where cert-manager's ca.crt would be, so the SSL bundle {@code mongo} still loads. That MongoDB requires
 * TLS and every service trusts its CA is checked statically (KubernetesManifestsTest: the MongoDBCommunity resource
 * has TLS on and not optional, every service workload sets the bundle and mounts the CA).
 */
class DeploymentBootIT {
    private static final List<String> SERVICES =
            List.of("consent-service", "key-vault-service", "ledger-writer-service", "gateway-service");
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);
    /** The one Kubernetes setting the test changes beyond addresses: the embedded MongoDB-wire server has no TLS. */
    private static final Map<String, String> MONGO_WITHOUT_TLS = Map.of("SPRING_MONGODB_SSL_ENABLED", "false");

    @TempDir
    static Path dir;

    private static GeneratedSecrets secrets;
    private static AnvilNode anvil;
    private static TestIssuer issuer;
    private static Path contracts;

    @BeforeAll
    static void generateSecretsDeployTheLedgersAndStartTheIssuer() throws Exception {
        secrets = GeneratedSecrets.generate(dir.resolve("secrets"));
        long chainId = Long.parseLong(secrets.composeEnv().get("HRM_LEDGER_CHAIN_ID"));
        anvil = AnvilNode.start(
                AnvilNode.Options.defaults().withChainId(chainId).withLogFile(dir.resolve("anvil.log")));
        String deployer = secrets.text("ledger-deployer-key");
        String writer = secrets.text("ledger-signing-key");
        Map<Domain, String> ledgers = LedgerDeployment.deploy(anvil.rpcUrl(), chainId, deployer, writer);
        // What deploy/besu/deploy-contracts.sh writes (compose: the ledger-contracts volume; Kubernetes: the
        // hrm-ledger-contracts ConfigMap).
        contracts = Files.createDirectories(dir.resolve("ledger-contracts"));
        Files.writeString(
                contracts.resolve("contracts.env"),
                "HRM_LEDGER_CONTRACTS_PATIENT=" + ledgers.get(Domain.PATIENT) + "\n"
                        + "HRM_LEDGER_CONTRACTS_PRACTITIONER=" + ledgers.get(Domain.PRACTITIONER) + "\n"
                        + "HRM_VAULT_CHAIN_CONTRACTS_PATIENT=" + ledgers.get(Domain.PATIENT) + "\n"
                        + "HRM_VAULT_CHAIN_CONTRACTS_PRACTITIONER=" + ledgers.get(Domain.PRACTITIONER) + "\n");
        issuer = TestIssuer.start();
    }

    @AfterAll
    static void stop() {
        if (issuer != null) {
            issuer.close();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    void composeConfigurationStartsEveryServiceReadyAndCarriesStoreGrantFetchAndErasure() throws Exception {
        Path home = Files.createDirectories(dir.resolve("compose"));
        // The generator's certificates: the broker's key store as compose mounts it, the CA the services trust.
        KafkaTls tls = KafkaTls.fromPem(
                new String(secrets.bytes("kafka-broker.pem"), StandardCharsets.US_ASCII),
                new String(secrets.bytes("kafka-ca.crt"), StandardCharsets.US_ASCII));
        KafkaWalls walls = KafkaWalls.of(
                scramUsers(secrets.dir().resolve("kafka-scram-users")),
                acls(KafkaAclCoverageTest.composeRules(KafkaAclCoverageTest.EXAMPLE_HOSPITAL), name -> name));
        try (Infrastructure infrastructure =
                Infrastructure.start(home, walls, EmbeddedKafka.Listener.saslOverTls(tls), composeTopics())) {
            Path tokens = infrastructure.initialiseToken(secrets.dir());
            Map<String, Path> volumes = Map.of("ledger-contracts", contracts, "vault-token", tokens);
            Map<String, String> addresses = Map.of(
                    "kafka:9092", infrastructure.kafka.bootstrapServers(),
                    "http://besu-rpc:8545", anvil.rpcUrl(),
                    "https://localhost:8443/realms/hrm", issuer.issuerUrl(),
                    "http://keycloak:8080/realms/hrm/protocol/openid-connect/certs", issuer.jwkSetUrl());

            bootAndTell(
                    infrastructure,
                    addresses,
                    Map.of(),
                    (service, problems) -> ComposeServiceConfiguration.of(
                            service, secrets.dir(), secrets.composeEnv(), volumes, home.resolve(service), problems));
        }
    }

    @Test
    void kubernetesConfigurationStartsEveryServiceReadyAndCarriesStoreGrantFetchAndErasure() throws Exception {
        Path home = Files.createDirectories(dir.resolve("kubernetes"));
        // What Strimzi makes: the cluster CA and the broker's certificate, the clients CA and each KafkaUser's
        // certificate; the broker grants the KafkaUsers' ACLs to User:CN=<name>, as Strimzi's user operator does.
        KafkaTls tls = KafkaTls.generate();
        KafkaWalls walls = KafkaWalls.of(
                Map.of(),
                acls(KafkaAclCoverageTest.kubernetesRules(ModelResources.all(KafkaUser.class)), KafkaTls::principal));
        try (Infrastructure infrastructure =
                Infrastructure.start(home, walls, EmbeddedKafka.Listener.mutualTls(tls), kubernetesTopics())) {
            Path tokens = infrastructure.initialiseToken(secrets.dir());
            Map<String, Map<String, String>> configMaps = Map.of(
                    "hrm-published-keys", secrets.composeEnv(),
                    "hrm-ledger-contracts", envFile(contracts.resolve("contracts.env")),
                    "hrm-vault-hsm", operatorHsmSettings(infrastructure.tokenSlot(tokens)));
            Map<String, Map<String, byte[]>> kubernetesSecrets = kubernetesSecrets(tls);
            Map<String, String> addresses = Map.of(
                    "hrm-kafka-kafka-bootstrap:9093", infrastructure.kafka.bootstrapServers(),
                    "http://besu-rpc:8545", anvil.rpcUrl(),
                    "https://id.hrm.example/realms/hrm", issuer.issuerUrl());

            bootAndTell(
                    infrastructure,
                    addresses,
                    MONGO_WITHOUT_TLS,
                    (service, problems) -> KubernetesServiceConfiguration.of(
                            service, configMaps, kubernetesSecrets, home.resolve(service), problems));
        }
    }

    /** How one service's configuration is made from a deployment; anything it cannot place goes to problems. */
    private interface Configure {
        ServiceConfiguration of(String service, List<String> problems) throws IOException;
    }

    /**
     * Starts the four services as {@code configure} makes them, with {@code addresses} moved to the embedded
     * infrastructure and {@code settings} (deployment settings it cannot honour) replaced, and tells the story.
     */
    private static void bootAndTell(
            Infrastructure infrastructure,
            Map<String, String> addresses,
            Map<String, String> settings,
            Configure configure)
            throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        List<ServiceProcess> started = new ArrayList<>();
        try {
            for (String service : SERVICES) {
                List<String> replaced = new ArrayList<>();
                ServiceConfiguration deployed = configure.of(service, problems);
                assertThat(problems).as("what the deployment gives " + service).isEmpty();
                assertThat(settings.keySet())
                        .as("settings the test changes are ones the deployment gives " + service)
                        .isSubsetOf(deployed.environment().keySet());
                ServiceConfiguration configuration = deployed.replacing(addresses, replaced)
                        .with(infrastructure.overrides(service))
                        .with(settings);
                used.addAll(replaced);
                started.add(ServiceProcess.start(configuration, executableJar(service), infrastructure.image(service)));
            }
            assertThat(used)
                    .as("every infrastructure address the test moves is one the deployment uses")
                    .containsExactlyInAnyOrderElementsOf(addresses.keySet());
            for (ServiceProcess service : started) {
                service.awaitReady(READY_WITHIN);
            }
            ServiceProcess gateway = started.get(SERVICES.indexOf("gateway-service"));
            awaitTokensAccepted(gateway.baseUrl());

            GatewayStory.storeGrantFetchErase(
                    gateway.baseUrl(),
                    party -> issuer.token(party, GatewayStory.ROLES.get(party)),
                    secrets.composeEnv().get("HRM_VAULT_PUBLIC_KEY"));
        } finally {
            for (ServiceProcess service : started) {
                service.close();
            }
        }
    }

    /**
     * Waits until the gateway has the identity provider's keys (from the JWK set URL, or discovered from the issuer):
     * an authenticated call is answered, not refused as unauthenticated or failed while fetching the keys.
     */
    private static void awaitTokensAccepted(String gatewayUrl) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/parties/hospital-a"))
                .header("Authorization", "Bearer " + issuer.token("hospital-a", GatewayStory.ROLES.get("hospital-a")))
                .timeout(Duration.ofSeconds(30))
                .build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        while ((status == 401 || status >= 500) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        assertThat(status)
                .as("the gateway accepts the identity provider's token")
                .isIn(200, 404);
    }

    /**
     * The executable jar the image copies to /app/app.jar: the reactor's (a full build packaged it just now), or the
     * local repository's (a build of this module alone, after installing the services).
     */
    private static Path executableJar(String service) {
        String version = System.getProperty("hrm.version", "0.1.0-SNAPSHOT");
        String name = service + "-" + version + "-exec.jar";
        Path built = RepositoryFiles.path(service + "/target/" + name);
        if (Files.isRegularFile(built)) {
            return built;
        }
        String repository = System.getProperty(
                "hrm.maven.repository",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path installed = Path.of(repository, "org", "hrm", service, version, name);
        assertThat(installed)
                .as("the executable jar of " + service + " (package or install it first)")
                .isRegularFile();
        return installed;
    }

    /** deploy/docker/kafka/topics.txt as kafka-topics creates it ("-" is its HRM_TOPIC_PARTITIONS). */
    private static List<NewTopic> composeTopics() throws IOException {
        int partitions =
                Integer.parseInt(ComposeFile.load().environment("kafka-topics").get("HRM_TOPIC_PARTITIONS"));
        List<NewTopic> topics = new ArrayList<>();
        for (String line : Files.readAllLines(RepositoryFiles.path(TopicFiles.COMPOSE))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] field = line.trim().split("\\s+");
            Map<String, String> config = new LinkedHashMap<>();
            for (int i = 2; i < field.length; i++) {
                config.put(field[i].substring(0, field[i].indexOf('=')), field[i].substring(field[i].indexOf('=') + 1));
            }
            int count = field[1].equals("-") ? partitions : Integer.parseInt(field[1]);
            topics.add(new NewTopic(field[0], count, (short) 1).configs(config));
        }
        return topics;
    }

    /**
     * The KafkaTopics of deploy/kubernetes/kafka/topics.yaml as Strimzi creates them, on one broker: replicas and
     * min.insync.replicas are the cluster's size, not the topic's contract, so they become 1.
     */
    private static List<NewTopic> kubernetesTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (KafkaTopic topic : ModelResources.all(KafkaTopic.class)) {
            Map<String, String> config = new LinkedHashMap<>();
            topic.getSpec().getConfig().forEach((key, value) -> config.put(key, String.valueOf(value)));
            config.remove("min.insync.replicas");
            String name = topic.getSpec().getTopicName() != null
                    ? topic.getSpec().getTopicName()
                    : topic.getMetadata().getName();
            topics.add(new NewTopic(name, topic.getSpec().getPartitions(), (short) 1).configs(config));
        }
        return topics;
    }

    /**
     * ConfigMap hrm-vault-hsm as the operator fills it for this installation (services/config.yaml: "set both for
     * your HSM"): the values of the keys the manifest has, for the SoftHSM2 token standing in for the HSM.
     */
    private static Map<String, String> operatorHsmSettings(long slot) {
        Map<String, String> settings = new LinkedHashMap<>(
                ModelResources.named(io.fabric8.kubernetes.api.model.ConfigMap.class, "hrm-vault-hsm")
                        .getData());
        Map<String, String> installation =
                Map.of("library", SoftHsm.LIBRARY.toString(), "slot", Long.toString(slot), "initialize", "true");
        settings.replaceAll((key, value) -> installation.getOrDefault(key, value));
        return settings;
    }

    /**
     * The Secrets of deploy/kubernetes/README.md ("Before kubectl apply -k"), made from the generator's files as it
     * says, and those Strimzi and the MongoDB operator make: each KafkaUser's key store (its certificate from the
     * clients CA, subject CN=<user>, as Strimzi's user operator issues it) and password, the cluster CA's trust store
     * and password, each service user's connection string (replaced by the embedded server's address), and the CA
     * cert-manager puts beside MongoDB's certificate (a stand-in: the embedded server has no TLS, see the class comment).
     */
    private static Map<String, Map<String, byte[]>> kubernetesSecrets(KafkaTls tls) throws Exception {
        Map<String, Map<String, byte[]>> made = new LinkedHashMap<>();
        made.put("hrm-vault-hsm-pin", Map.of("pin", secrets.bytes("vault-token-pin")));
        made.put("hrm-vault-receipt-key", Map.of("key", secrets.bytes("vault-receipt-key")));
        made.put("hrm-consent-signing-key", Map.of("key", secrets.bytes("consent-signing-key")));
        made.put("hrm-gateway-attestation-key", Map.of("key", secrets.bytes("gateway-attestation-key")));
        made.put("hrm-besu-rpc-jwt-key", Map.of("key", secrets.bytes("besu-rpc-jwt-key")));
        made.put("hrm-ledger-signing-lane-0", Map.of("signing-key", secrets.bytes("ledger-signing-key")));
        made.put(
                "hrm-ledger-signing-lane-1",
                Map.of("signing-key", ("0x" + HexFormat.of().formatHex(random(32))).getBytes(StandardCharsets.UTF_8)));
        made.put(
                "hrm-mongo-tls",
                Map.of("ca.crt", KafkaTls.generate().clusterCa().pem().getBytes(StandardCharsets.US_ASCII)));
        String caPassword = HexFormat.of().formatHex(random(12));
        made.put(
                "hrm-kafka-cluster-ca-cert",
                Map.of(
                        "ca.p12",
                        tls.clusterCa().trustStore(caPassword),
                        "ca.password",
                        caPassword.getBytes(StandardCharsets.UTF_8)));
        for (String user : List.of("hrm-key-vault", "hrm-ledger-writer", "hrm-consent", "hrm-gateway")) {
            String password = HexFormat.of().formatHex(random(12));
            made.put(
                    user,
                    Map.of(
                            "user.p12",
                            tls.user(user).keyStore(user, password),
                            "user.password",
                            password.getBytes(StandardCharsets.UTF_8)));
            made.put(
                    user + "-mongo",
                    Map.of(
                            "connectionString.standard",
                            ("mongodb://" + user + ":" + HexFormat.of().formatHex(random(12))
                                            + "@hrm-mongodb-svc.hrm.svc.cluster.local:27017/admin?replicaSet=hrm-mongodb")
                                    .getBytes(StandardCharsets.UTF_8)));
        }
        return made;
    }

    /** kafka-scram-users of the generator: one "principal password" a line, as kafka-principals.sh reads it. */
    private static Map<String, String> scramUsers(Path file) throws IOException {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                String[] field = line.trim().split("\\s+");
                passwords.put(field[0], field[1]);
            }
        }
        return passwords;
    }

    /**
     * The deployment's ACL rules (KafkaAclCoverageTest's "principal type pattern name operation") as the broker's
     * bindings, each principal named as the deployment's broker names it.
     */
    private static List<AclBinding> acls(Set<String> rules, UnaryOperator<String> principal) {
        List<AclBinding> bindings = new ArrayList<>();
        for (String rule : rules) {
            String[] field = rule.split(" ");
            ResourcePattern resource = new ResourcePattern(
                    ResourceType.fromString(field[1]),
                    field[3],
                    field[2].equals("prefix") ? PatternType.PREFIXED : PatternType.LITERAL);
            assertThat(resource.isUnknown()).as(rule).isFalse();
            AclOperation operation = AclOperation.fromString(field[4]);
            assertThat(operation).as(rule).isNotEqualTo(AclOperation.UNKNOWN);
            bindings.add(new AclBinding(
                    resource,
                    new AccessControlEntry(
                            "User:" + principal.apply(field[0]), "*", operation, AclPermissionType.ALLOW)));
        }
        return bindings;
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new java.security.SecureRandom().nextBytes(value);
        return value;
    }

    static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return env;
    }

    /** One run's Kafka and MongoDB-wire server, and the SoftHSM2 token standing in for the vault's HSM. */
    private static final class Infrastructure implements AutoCloseable {
        private final Path home;
        private final EmbeddedKafka kafka;
        private final EmbeddedMongo mongo;
        private Path softHsmConf;

        private Infrastructure(Path home, EmbeddedKafka kafka, EmbeddedMongo mongo) {
            this.home = home;
            this.kafka = kafka;
            this.mongo = mongo;
        }

        /**
         * A broker inside {@code walls}, reached over {@code listener}, with {@code topics} created by the broker's
         * admin (as compose's kafka-topics and Strimzi's topic operator create them; no service may).
         */
        static Infrastructure start(
                Path home, KafkaWalls walls, EmbeddedKafka.Listener listener, List<NewTopic> topics) {
            EmbeddedKafka kafka = EmbeddedKafka.startSecured(1, walls, topics, listener);
            try {
                return new Infrastructure(home, kafka, EmbeddedMongo.inMemory(0));
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
        }

        /**
         * A SoftHSM2 token initialised as compose's vault-token-init does (deploy/docker/softhsm-init.sh, the PINs
         * from the generator), in a token directory of its own; the image's /etc/softhsm/softhsm2.conf points there.
         */
        Path initialiseToken(Path secretsDir) throws IOException {
            Path tokens = Files.createDirectories(home.resolve("vault-token"));
            softHsmConf = home.resolve("softhsm2.conf");
            Files.writeString(softHsmConf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n");
            String script = RepositoryFiles.read("deploy/docker/softhsm-init.sh")
                    .replace("/run/secrets/", secretsDir.toAbsolutePath() + "/");
            Commands.Result result =
                    Commands.run(home, Map.of(SoftHsm.CONF_VARIABLE, softHsmConf.toString()), "/bin/sh", "-c", script);
            assertThat(result.exitCode()).as(result.output()).isZero();
            return tokens;
        }

        /** The slot id SoftHSM2 gave the initialised token (an operator reads it from the HSM's tools). */
        long tokenSlot(Path tokens) throws IOException {
            Commands.Result slots = Commands.run(
                    home, Map.of(SoftHsm.CONF_VARIABLE, softHsmConf.toString()), "softhsm2-util", "--show-slots");
            Matcher slot =
                    Pattern.compile("(?s)Slot (\\d+)\\s.*?Label:\\s+hrm-vault").matcher(slots.output());
            assertThat(slot.find()).as(slots.output()).isTrue();
            return Long.parseLong(slot.group(1));
        }

        /** What the image adds to the environment: the vault's SoftHSM2 configuration file. */
        Map<String, String> image(String service) {
            return service.equals("key-vault-service")
                    ? Map.of(SoftHsm.CONF_VARIABLE, softHsmConf.toString())
                    : Map.of();
        }

        /**
         * Besides the addresses replaced in place: the container's port 8080 moved to a free one (containers each
         * have their own) and MongoDB's connection string (the embedded server's, see the class comment). Kafka's
         * settings are the deployment's, untouched.
         */
        Map<String, String> overrides(String service) throws IOException {
            return Map.of("SERVER_PORT", Integer.toString(freePort()), "SPRING_MONGODB_URI", mongo.uri(""));
        }

        @Override
        public void close() {
            mongo.close();
            kafka.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

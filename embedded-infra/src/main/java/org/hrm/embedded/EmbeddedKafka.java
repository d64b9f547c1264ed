package org.hrm.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.metadata.UserScramCredentialRecord;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.ApiMessageAndVersion;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single in-process Kafka broker in KRaft mode (combined broker and controller), open ({@link #start}) or inside
 * the walls production has ({@link #startSecured}), reached over SCRAM, SCRAM with TLS, or TLS with client
 * certificates ({@link Listener}).
 */
public final class EmbeddedKafka implements AutoCloseable {
    /** The system properties spring-kafka's test broker sets to its address. */
    static final List<String> PUBLISHED_BY_TEST_BROKER =
            List.of("spring.kafka.bootstrap-servers", "spring.embedded.kafka.brokers");

    private static final String CONTROLLER_USER = "hrm-sandbox-controller";
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final String bootstrapServers;
    private final AutoCloseable broker;
    private final Optional<KafkaWalls> walls;
    private final Listener listener;

    private EmbeddedKafka(
            String bootstrapServers, AutoCloseable broker, Optional<KafkaWalls> walls, Listener listener) {
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
        this.walls = walls;
        this.listener = listener;
    }

    /**
     * How clients reach a broker inside the walls: the security protocol of its one client listener and, over TLS,
     * the certificates it presents and accepts.
     */
    public static final class Listener {
        private final String protocol;
        private final Optional<KafkaTls> tls;

        private Listener(String protocol, Optional<KafkaTls> tls) {
            this.protocol = protocol;
            this.tls = tls;
        }

        /** SCRAM-SHA-512 logins over plain TCP: the sandbox's listener, on the loopback. */
        public static Listener sasl() {
            return new Listener("SASL_PLAINTEXT", Optional.empty());
        }

        /**
         * SCRAM-SHA-512 logins over TLS: the broker presents {@code tls}'s broker certificate (cluster CA); compose's
         * listeners, with the generator's certificates ({@link KafkaTls#fromPem}).
         */
        public static Listener saslOverTls(KafkaTls tls) {
            return new Listener("SASL_SSL", Optional.of(tls));
        }

        /**
         * TLS that requires a client certificate signed by {@code tls}'s clients CA, and no SASL: Strimzi's
         * {@code tls} listener with {@code authentication: tls}. The principal is the certificate's whole subject
         * ({@code User:CN=<user>}, Kafka's default mapping, as Strimzi leaves it): grant ACLs to {@link
         * KafkaTls#principal}.
         */
        public static Listener mutualTls(KafkaTls tls) {
            return new Listener("SSL", Optional.of(tls));
        }

        /** The client listener's security protocol, as clients name it in {@code security.protocol}. */
        public String protocol() {
            return protocol;
        }

        Optional<KafkaTls> tls() {
            return tls;
        }

        boolean certificates() {
            return protocol.equals("SSL");
        }

        @Override
        public String toString() {
            return protocol;
        }
    }

    /**
     * Starts an open broker (no authentication, no ACLs) on a free port with the given default partition count.
     * (spring-kafka's KRaft test broker ignores fixed ports, so callers read {@link #bootstrapServers()}.)
     */
    public static EmbeddedKafka start(int partitions) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("num.partitions", String.valueOf(partitions));
        // The cleaner looks for work every second, not every 15: the erasure check waits for compaction.
        broker.brokerProperty("log.cleaner.backoff.ms", "1000");
        startLeavingSystemPropertiesAlone(broker);
        return new EmbeddedKafka(
                broker.getBrokersAsString(),
                broker::destroy,
                Optional.empty(),
                new Listener("PLAINTEXT", Optional.empty()));
    }

    /**
     * spring-kafka's test broker publishes its address in JVM-wide system properties ({@code spring.kafka.bootstrap-servers}
     * among them) and never takes them back. A system property outranks a Spring application's default properties, so
     * a service started later in this JVM against another broker connected to this one, long closed (a walled
     * platform's ledger writer after an open platform's run, CI of 2026-12-05). They are put back as they were.
     */
    private static void startLeavingSystemPropertiesAlone(EmbeddedKafkaKraftBroker broker) {
        Map<String, String> before = new HashMap<>();
        for (String name : PUBLISHED_BY_TEST_BROKER) {
            before.put(name, System.getProperty(name));
        }
        try {
            broker.afterPropertiesSet();
        } finally {
            before.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    /**
     * Starts a broker inside {@code walls}: its client listener takes only SASL SCRAM-SHA-512 logins of the walls'
     * principals (their credentials are in the cluster's bootstrap metadata, as {@code kafka-storage format
     * --add-scram} puts them), KRaft's StandardAuthorizer denies whatever no ACL allows
     * ({@code allow.everyone.if.no.acl.found=false}), and the walls' ACLs are in place before this returns. Topics are
     * never created automatically: {@code topics} are created here as the sandbox's admin, as compose's kafka-init
     * creates them.
     *
     * <p>The controller listener (on localhost, used only by the broker inside this JVM) takes a PLAIN login of a
     * controller user with a password of this run, so no one reaches it anonymously.
     */
    public static EmbeddedKafka startSecured(int partitions, KafkaWalls walls, List<NewTopic> topics) {
        return startSecured(partitions, walls, topics, Listener.sasl());
    }

    /**
     * Starts a broker inside {@code walls} as {@link #startSecured(int, KafkaWalls, List)} does, with its client
     * listener as {@code listener} says: SCRAM over plain TCP or over TLS, or TLS with client certificates (then the
     * walls' ACLs name principals {@code CN=<user>}, and {@link KafkaWalls#ADMIN} logs in with a certificate too).
     */
    public static EmbeddedKafka startSecured(
            int partitions, KafkaWalls walls, List<NewTopic> topics, Listener listener) {
        String controllerPassword = java.util.UUID.randomUUID().toString();
        Map<String, ScramCredential> credentials = walls.credentials();
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBootstrapMetadata(bootstrapWith(credentials))
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        String broker = nodes.brokerListenerName().value();
        String controller = nodes.controllerListenerName().value();
        Map<String, Object> config = new HashMap<>();
        config.put(
                "listener.security.protocol.map",
                broker + ":" + listener.protocol() + "," + controller + ":SASL_PLAINTEXT");
        listener.tls().ifPresent(tls -> config.putAll(brokerTls(listener(broker), tls, listener.certificates())));
        config.put("sasl.enabled.mechanisms", KafkaWalls.MECHANISM);
        config.put("sasl.mechanism.inter.broker.protocol", KafkaWalls.MECHANISM);
        config.put(
                listener(broker) + "scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + KafkaWalls.ADMIN
                        + "\" password=\"" + password(walls, KafkaWalls.ADMIN) + "\";");
        config.put(listener(controller) + "sasl.enabled.mechanisms", "PLAIN");
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        config.put(
                listener(controller) + "plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + CONTROLLER_USER
                        + "\" password=\"" + controllerPassword + "\" user_" + CONTROLLER_USER + "=\""
                        + controllerPassword + "\";");
        config.put("authorizer.class.name", StandardAuthorizer.class.getName());
        config.put("allow.everyone.if.no.acl.found", "false");
        config.put(
                "super.users",
                String.join(
                        ";",
                        "User:" + (listener.certificates() ? KafkaTls.principal(KafkaWalls.ADMIN) : KafkaWalls.ADMIN),
                        "User:" + KafkaTls.principal(KafkaTls.BROKER),
                        "User:" + CONTROLLER_USER));
        config.put("auto.create.topics.enable", "false");
        config.put("num.partitions", String.valueOf(partitions));
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("log.cleaner.backoff.ms", "1000");
        config.forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = null;
        try {
            overrideExit();
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            EmbeddedKafka kafka = new EmbeddedKafka(cluster.bootstrapServers(), cluster, Optional.of(walls), listener);
            kafka.putUpWalls(topics);
            return kafka;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(cluster);
            throw new IllegalStateException("interrupted while starting Kafka", e);
        } catch (Exception e) {
            close(cluster);
            throw new IllegalStateException("Kafka inside the walls did not start: " + e.getMessage(), e);
        }
    }

    /**
     * The broker's certificate (PEM, inline: no file to leave behind) and whom it trusts: the cluster CA, so that it
     * can reach its own listener, and, when clients log in with certificates, the clients CA, whose certificates it
     * then requires.
     */
    private static Map<String, String> brokerTls(String prefix, KafkaTls tls, boolean clientCertificates) {
        Map<String, String> config = new HashMap<>();
        config.put(prefix + "ssl.keystore.type", "PEM");
        config.put(prefix + "ssl.keystore.key", tls.broker().keyPem());
        config.put(prefix + "ssl.keystore.certificate.chain", tls.broker().chainPem());
        config.put(prefix + "ssl.truststore.type", "PEM");
        config.put(
                prefix + "ssl.truststore.certificates",
                tls.clusterCa().pem() + (clientCertificates ? tls.clientsCa().pem() : ""));
        config.put(prefix + "ssl.client.auth", clientCertificates ? "required" : "none");
        return config;
    }

    private static String password(KafkaWalls walls, String principal) {
        String jaas = walls.clientProperties(principal).get("sasl.jaas.config");
        return jaas.substring(jaas.indexOf("password=\"") + 10, jaas.lastIndexOf('"'));
    }

    private static String listener(String name) {
        return "listener.name." + name.toLowerCase(java.util.Locale.ROOT) + ".";
    }

    /** The bootstrap metadata the test kit would use, plus every principal's SCRAM-SHA-512 credential. */
    private static BootstrapMetadata bootstrapWith(Map<String, ScramCredential> credentials) {
        Map<String, Short> features = new HashMap<>();
        Feature.PRODUCTION_FEATURES.forEach(feature -> features.put(feature.featureName(), feature.latestTesting()));
        BootstrapMetadata base =
                BootstrapMetadata.fromVersions(MetadataVersion.latestTesting(), features, "hrm-sandbox");
        List<ApiMessageAndVersion> records = new ArrayList<>(base.records());
        credentials.forEach((principal, credential) -> records.add(new ApiMessageAndVersion(
                new UserScramCredentialRecord()
                        .setName(principal)
                        .setMechanism(ScramMechanism.SCRAM_SHA_512.type())
                        .setSalt(credential.salt())
                        .setStoredKey(credential.storedKey())
                        .setServerKey(credential.serverKey())
                        .setIterations(credential.iterations()),
                (short) 0)));
        return BootstrapMetadata.fromRecords(records, "hrm-sandbox");
    }

    private void putUpWalls(List<NewTopic> topics) throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(adminProperties())) {
            admin.createAcls(walls.orElseThrow().acls()).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            try {
                admin.createTopics(topics).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private static void overrideExit() {
        // A broker that fails must not end the sandbox's JVM (as spring-kafka's test broker does too).
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Kafka called exit(" + status + "): " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("Kafka called halt(" + status + "): " + message);
        });
    }

    private static void close(AutoCloseable cluster) {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                // already failing: the first error is the one to report
            }
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The walls this broker runs inside, if any. */
    public Optional<KafkaWalls> walls() {
        return walls;
    }

    /**
     * What a client connecting as {@code principal} adds to its configuration: nothing on an open broker; its SCRAM
     * login, and over TLS the cluster CA to trust; with client certificates, a certificate {@code CN=principal} from
     * the clients CA instead of a login.
     */
    public Map<String, String> clientProperties(String principal) {
        if (walls.isEmpty()) {
            return Map.of();
        }
        Map<String, String> config = new HashMap<>();
        KafkaTls tls = listener.tls().orElse(null);
        if (tls == null || !listener.certificates()) {
            config.putAll(walls.get().clientProperties(principal));
        }
        if (tls != null) {
            config.put("security.protocol", listener.protocol());
            config.put("ssl.truststore.type", "PEM");
            config.put("ssl.truststore.certificates", tls.clusterCa().pem());
        }
        if (tls != null && listener.certificates()) {
            KafkaTls.Identity user = tls.user(principal);
            config.put("ssl.keystore.type", "PEM");
            config.put("ssl.keystore.key", user.keyPem());
            config.put("ssl.keystore.certificate.chain", user.chainPem());
        }
        return Map.copyOf(config);
    }

    /** An admin client's configuration as the sandbox's super user (on an open broker, no principal at all). */
    public Map<String, Object> adminProperties() {
        Map<String, Object> config = new HashMap<>(clientProperties(KafkaWalls.ADMIN));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    @Override
    public void close() {
        try {
            broker.close();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not stop cleanly: " + e.getMessage(), e);
        }
    }
}

package org.hrm.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hrm.contracts.Domain;
import org.hrm.contracts.KafkaRole;
import org.hrm.embedded.AnvilNode;

/**
 * The properties each service starts with in the sandbox, whether it runs in the platform's JVM
 * ({@link Platform}) or in a JVM of its own ({@code ./hrm chaos}, {@code bench} and {@code up --separate-jvms}).
 *
 * @param home where the sandbox keeps its key files
 * @param kafkaBootstrapServers the broker
 * @param mongoUri the connection string of one database, by database name
 * @param chainRpc the chain node's JSON-RPC address
 * @param ledgers each domain's ledger contract
 * @param partitions partitions of the topics the services create
 * @param kafkaSecurity what a Kafka client connecting as a principal adds to its configuration (empty maps on an open
 *     broker): each service connects as its own {@link KafkaRole#principal()}
 */
public record ServiceSettings(
        Path home,
        String kafkaBootstrapServers,
        Function<String, String> mongoUri,
        String chainRpc,
        Map<Domain, String> ledgers,
        int partitions,
        Function<String, Map<String, String>> kafkaSecurity) {
    public static final String CONSENT = "consent-service";
    public static final String KEY_VAULT = "key-vault-service";
    public static final String LEDGER_WRITER = "ledger-writer-service";
    public static final String GATEWAY = "gateway-service";
    public static final String FHIR_EDGE = "fhir-edge-service";
    /** The sandbox's one vault operator, whose key {@code ./hrm vault rotate|retire} signs with. */
    static final String OPERATOR_ID = "sandbox-operator";
    /** Shorter than production's 5 s, so a watcher (or a test) sees the platform move within a second or two. */
    static final String HEARTBEAT_INTERVAL = "1s";

    private static final List<String> GATEWAY_ONLY_AUTO_CONFIGURATION = List.of(
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet"
                    + ".OAuth2ResourceServerAutoConfiguration");

    /**
     * Puts a principal's Kafka client settings where Spring Boot gives them to every client a service builds
     * ({@code spring.kafka.properties.*}: listeners, templates, admin, and the hand-built clients, which start from
     * {@code KafkaProperties.build*Properties()}).
     */
    static void putKafkaSecurity(Map<String, Object> properties, Map<String, String> security) {
        security.forEach((key, value) -> properties.put("spring.kafka.properties." + key, value));
    }

    /** The properties of the named service. */
    public Map<String, Object> of(String service) throws IOException {
        return switch (service) {
            case CONSENT -> consent();
            case KEY_VAULT -> keyVault();
            case LEDGER_WRITER -> ledgerWriter();
            default -> throw new IllegalArgumentException("no such service: " + service);
        };
    }

    /** The vault's published receipt key and the path of its master key file, for clients and operators. */
    SandboxSecrets secrets() {
        return new SandboxSecrets(home);
    }

    Map<String, Object> keyVault() throws IOException {
        SandboxSecrets secrets = secrets();
        Map<String, Object> properties = common(KEY_VAULT, "key-vault", KafkaRole.KEY_VAULT);
        // The key file is the sandbox's zero-install stand-in for an HSM; the vault accepts it only here.
        properties.put("hrm.vault.sandbox", true);
        properties.put("hrm.vault.master-key-file", secrets.masterKeyFile().toString());
        properties.put("hrm.vault.topic-partitions", partitions);
        properties.put("hrm.vault.consent-public-key", secrets.consentPublicKey());
        properties.put("hrm.vault.receipt-key-file", secrets.receiptKeyFile().toString());
        properties.put("hrm.vault.authority.operator-keys." + OPERATOR_ID, secrets.operatorPublicKey());
        properties.put(
                "hrm.vault.authority.attestation-keys." + SandboxAttester.KEY_ID,
                secrets.gatewayAttestationPublicKey());
        properties.put("hrm.vault.chain.rpc-url", chainRpc);
        properties.put("hrm.vault.chain.contracts.patient", ledgers.get(Domain.PATIENT));
        properties.put("hrm.vault.chain.contracts.practitioner", ledgers.get(Domain.PRACTITIONER));
        return properties;
    }

    /**
     * The gateway's properties, in profile {@code dev} (its own token issuer) on {@code port} (0: any free port); its
     * own database keeps its views and fetches across its restarts, like compose's hrm-gateway.
     */
    public Map<String, Object> gateway(int port) throws IOException {
        SandboxSecrets secrets = secrets();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.application.name", GATEWAY);
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.jmx.enabled", "false");
        properties.put("spring.profiles.active", "dev");
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        putKafkaSecurity(properties, kafkaSecurity.apply(KafkaRole.GATEWAY.principal()));
        properties.put("spring.mongodb.uri", mongoUri.apply("hrm-gateway"));
        properties.put("server.port", port);
        properties.put("hrm.gateway.chain-rpc", chainRpc);
        properties.put(
                "hrm.gateway.attestation.key-file",
                secrets.gatewayAttestationKeyFile().toString());
        properties.put("hrm.gateway.attestation.key-id", SandboxAttester.KEY_ID);
        properties.put("hrm.gateway.consent-public-key", secrets.consentPublicKey());
        properties.put("hrm.ops.heartbeat-interval", HEARTBEAT_INTERVAL);
        return properties;
    }

    Map<String, Object> consent() throws IOException {
        Map<String, Object> properties = common(CONSENT, "consent", KafkaRole.CONSENT);
        properties.put(
                "hrm.consent.signing-key-file", secrets().consentKeyFile().toString());
        properties.put("hrm.consent.topic-partitions", partitions);
        properties.put("hrm.consent.vault-public-key", secrets().receiptPublicKey());
        properties.put(
                "hrm.consent.attestation-keys." + SandboxAttester.KEY_ID,
                secrets().gatewayAttestationPublicKey());
        return properties;
    }

    Map<String, Object> ledgerWriter() throws IOException {
        Map<String, Object> properties = common(LEDGER_WRITER, "ledger-writer", KafkaRole.LEDGER_WRITER);
        properties.put("hrm.ledger.authority.vault-public-key", secrets().receiptPublicKey());
        properties.put("hrm.ledger.authority.consent-public-key", secrets().consentPublicKey());
        properties.put(
                "hrm.ledger.authority.attestation-keys." + SandboxAttester.KEY_ID,
                secrets().gatewayAttestationPublicKey());
        properties.put("hrm.ledger.rpc-url", chainRpc);
        properties.put("hrm.ledger.chain-id", AnvilNode.CHAIN_ID);
        properties.put("hrm.ledger.signing-key", AnvilNode.WRITER_KEY);
        properties.put("hrm.ledger.contracts.patient", ledgers.get(Domain.PATIENT));
        properties.put("hrm.ledger.contracts.practitioner", ledgers.get(Domain.PRACTITIONER));
        properties.put("hrm.ledger.topic-partitions", partitions);
        return properties;
    }

    private Map<String, Object> common(String name, String database, KafkaRole role) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.application.name", name);
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.jmx.enabled", "false");
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        putKafkaSecurity(properties, kafkaSecurity.apply(role.principal()));
        properties.put("spring.mongodb.uri", mongoUri.apply(database));
        // Services share one host (and in the platform one JVM): each gets a free actuator port, recorded by its
        // starter, rather than production's 8080.
        properties.put("server.port", 0);
        properties.put("server.address", "127.0.0.1");
        properties.put("hrm.ops.heartbeat-interval", HEARTBEAT_INTERVAL);
        // The sandbox's classpath also holds the gateway: its application.yml and its security would otherwise apply
        // to every service here (production images carry one service each).
        properties.put("spring.config.name", "hrm-" + name);
        properties.put("spring.autoconfigure.exclude", String.join(",", GATEWAY_ONLY_AUTO_CONFIGURATION));
        return properties;
    }
}

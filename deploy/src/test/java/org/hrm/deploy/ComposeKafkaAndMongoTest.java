package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml's Kafka and MongoDB are locked down: every Kafka client reaches the broker over TLS only, trusting
 * the generator's Kafka CA, and authenticates with its own SCRAM principal, ACLs (deploy/docker/kafka/acls.txt: KafkaAclCoverageTest checks them against the topic catalogue),
 * nothing is allowed without an ACL, the broker is published on the loopback only; MongoDB runs with authentication
 * and each service logs in as its own user.
 */
class ComposeKafkaAndMongoTest {
    private static final Map<String, String> PRINCIPALS = Map.of(
            "key-vault-service", "hrm-key-vault",
            "ledger-writer-service", "hrm-ledger-writer",
            "consent-service", "hrm-consent",
            "gateway-service", "hrm-gateway");

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void theBrokerAuthenticatesEveryConnectionAndDeniesWhatNoAclAllows() {
        Map<String, String> kafka = compose.environment("kafka");

        Map<String, String> protocols = new LinkedHashMap<>();
        for (String entry : kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
            protocols.put(entry.substring(0, entry.indexOf(':')), entry.substring(entry.indexOf(':') + 1));
        }
        assertThat(protocols)
                .as("clients' listeners are TLS; only the controller's, on the loopback, is not")
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("INTERNAL", "SASL_SSL", "EXTERNAL", "SASL_SSL", "CONTROLLER", "SASL_PLAINTEXT"));
        assertThat(kafka.get("KAFKA_LISTENERS").split(","))
                .filteredOn(listener -> !listener.startsWith("CONTROLLER:"))
                .extracting(listener -> listener.substring(0, listener.indexOf(':')))
                .containsExactlyInAnyOrder("INTERNAL", "EXTERNAL")
                .allSatisfy(name -> assertThat(name).doesNotEndWith("SSL"));
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).doesNotContain("CONTROLLER");
        assertThat(kafka)
                .containsEntry("KAFKA_INTER_BROKER_LISTENER_NAME", "INTERNAL")
                .containsEntry("KAFKA_SSL_KEYSTORE_TYPE", "PEM")
                .containsEntry("KAFKA_SSL_KEYSTORE_LOCATION", "/run/secrets/kafka-broker.pem")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_LOCATION", "/run/secrets/kafka-broker-truststore.pem")
                .doesNotContainKeys("KAFKA_SSL_KEY_PASSWORD", "KAFKA_SSL_KEYSTORE_PASSWORD");
        assertThat(secretTargets("kafka").values()).contains("kafka-broker.pem", "kafka-broker-truststore.pem");
        assertThat(secretTargets("kafka-topics").values()).contains("kafka-broker-truststore.pem");
        assertThat(kafka)
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_SUPER_USERS", "User:admin")
                .containsEntry("KAFKA_OPTS", "-Djava.security.auth.login.config=/run/secrets/kafka-server-jaas.conf");
        assertThat(kafka.get("KAFKA_LISTENERS")).contains("CONTROLLER://localhost:");
        assertThat(compose.command("kafka-topics").toString())
                .contains("--command-config /run/secrets/kafka-admin.properties")
                .contains("kafka-principals.sh");
    }

    @Test
    void everyKafkaClientOfComposeSpeaksTlsAndTrustsTheGeneratorsCa() {
        List<String> clients = new ArrayList<>();
        for (String name : compose.serviceNames()) {
            Map<String, String> environment = compose.environment(name);
            if (environment.containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
                clients.add(name);
                assertThat(environment)
                        .as(name)
                        .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                        .containsEntry("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PEM");
                String trustStore = environment.get("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION");
                assertThat(trustStore).as(name).startsWith("file:/run/secrets/");
                assertThat(secretTargets(name)).as(name).containsKey(trustStore.substring("file:".length()));
            }
        }
        // The broker's own tools (healthcheck, kafka-topics) connect with kafka-admin.properties, whose SASL_SSL and
        // trust store DevSecretsGeneratorTest checks.
        String healthcheck =
                ComposeFile.map(compose.service("kafka"), "healthcheck").toString();
        assertThat(healthcheck).contains("--command-config /run/secrets/kafka-admin.properties");
        assertThat(clients).containsExactlyInAnyOrderElementsOf(PRINCIPALS.keySet());
        assertThat(RepositoryFiles.read("docker-compose.yml"))
                .doesNotContainPattern("(?i)SECURITY_PROTOCOL: *(SASL_)?PLAINTEXT");
    }

    @Test
    void nothingIsPublishedOnEveryInterfaceButTheGateway() {
        List<String> published = new ArrayList<>();
        for (String name : compose.serviceNames()) {
            Object ports = compose.service(name).get("ports");
            if (ports instanceof List<?> list) {
                list.forEach(port -> published.add(name + " " + port));
            }
        }

        assertThat(published)
                .filteredOn(port -> !port.startsWith("gateway-service "))
                .allSatisfy(port -> assertThat(port).contains(" 127.0.0.1:"));
    }

    @Test
    void eachServiceLogsInToKafkaAndMongoAsItsOwnPrincipal() {
        String generator = RepositoryFiles.read("deploy/docker/generate-dev-secrets.sh");

        PRINCIPALS.forEach((service, principal) -> {
            Map<String, String> environment = compose.environment(service);
            assertThat(environment)
                    .as(service)
                    .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PEM")
                    .containsEntry("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "file:/run/secrets/kafka-truststore.pem")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("SPRING_CONFIG_IMPORT", "configtree:/run/secrets/hrm-config/")
                    .containsEntry("SPRING_MONGODB_DATABASE", principal)
                    .doesNotContainKey("SPRING_MONGODB_URI");
            assertThat(secretTargets(service))
                    .as(service)
                    .containsEntry(
                            "/run/secrets/hrm-config/spring.kafka.properties.sasl.jaas.config",
                            "kafka-" + principal + "-jaas")
                    .containsEntry("/run/secrets/hrm-config/spring.mongodb.uri", "mongo-" + principal + "-uri")
                    .containsEntry("/run/secrets/kafka-truststore.pem", "kafka-truststore.pem");
            assertThat(generator).contains(principal);
        });
    }

    @Test
    void mongoRunsWithAuthenticationAndMembersShareAKeyFile() {
        for (String member : List.of("mongo-1", "mongo-2", "mongo-3")) {
            assertThat(compose.command(member)).as(member).containsSequence("--keyFile", "/run/secrets/mongo-keyfile");
            assertThat(compose.environment(member))
                    .as(member)
                    .containsEntry("MONGO_INITDB_ROOT_PASSWORD_FILE", "/run/secrets/mongo-root-password")
                    .doesNotContainKey("MONGO_INITDB_ROOT_PASSWORD");
        }
        String init = RepositoryFiles.read("deploy/docker/mongo/init-replica-set.js");
        assertThat(init).contains("createUser", "readWrite", "/run/secrets/");
        assertThat(secretTargets("mongo-init").values()).contains("mongo-root-password", "mongo-users");
    }

    /** The service's docker secrets: where each is mounted, and from which secret. */
    private Map<String, String> secretTargets(String service) {
        Object secrets = compose.service(service).get("secrets");
        if (!(secrets instanceof List<?> list)) {
            return Map.of();
        }
        return list.stream()
                .collect(Collectors.toMap(
                        secret -> secret instanceof Map<?, ?> spec
                                ? (String) spec.get("target")
                                : "/run/secrets/" + secret,
                        secret -> secret instanceof Map<?, ?> spec ? (String) spec.get("source") : (String) secret));
    }
}

package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.UuidRepresentation;
import org.hrm.embedded.KafkaTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.ssl.PropertiesSslBundle;
import org.springframework.boot.autoconfigure.ssl.SslProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.mongodb.autoconfigure.PropertiesMongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.StandardMongoClientSettingsBuilderCustomizer;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The way compose and Kubernetes hand secrets to the services binds as intended: a Spring config tree file named
 * {@code spring.kafka.properties.sasl.jaas.config} becomes the Kafka client property {@code sasl.jaas.config}, the
 * variable {@code SPRING_KAFKA_PROPERTIES_SASL_MECHANISM} becomes {@code sasl.mechanism}, compose's PEM trust store
 * reaches every client Spring builds (producer, consumer, admin) as {@code ssl.truststore.*}, a trailing newline of a
 * mounted file is dropped, the map-key variables name the key ids and operator ids the services trust, and the
 * Kubernetes MongoDB TLS settings give the driver TLS trusting the mounted CA.
 */
class ConfigTreeBindingTest {
    @Test
    void configTreeFilesAndVariablesBindToTheKafkaClientAndMongoSettings(@TempDir Path tree, @TempDir Path secrets)
            throws IOException {
        Path trustStore = Files.writeString(secrets.resolve("kafka-truststore.pem"), "-----BEGIN CERTIFICATE-----\n");
        String login = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"hrm-consent\""
                + " password=\"secret\";";
        Files.writeString(tree.resolve("spring.kafka.properties.sasl.jaas.config"), login + "\n");
        Files.writeString(tree.resolve("spring.mongodb.uri"), "mongodb://hrm-consent:pw@mongo-1:27017/hrm-consent\n");
        Files.writeString(tree.resolve("hrm.ledger.signing-key"), "0x01\n");

        Binder binder = binder(
                tree,
                Map.of(
                        "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                        "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PEM",
                        "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "file:" + trustStore,
                        "HRM_VAULT_AUTHORITY_ATTESTATIONKEYS_GATEWAY1", "BAAA",
                        "HRM_VAULT_AUTHORITY_OPERATORKEYS_OPERATOR1", "BBBB"));
        KafkaProperties kafka =
                binder.bind("spring.kafka", KafkaProperties.class).get();

        assertThat(kafka.getProperties())
                .containsEntry("sasl.jaas.config", login)
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        for (Map<String, Object> client : List.of(
                kafka.buildProducerProperties(), kafka.buildConsumerProperties(), kafka.buildAdminProperties())) {
            assertThat(client)
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("ssl.truststore.type", "PEM")
                    .containsEntry("ssl.truststore.location", trustStore.toString())
                    .containsEntry("sasl.jaas.config", login);
        }
        assertThat(binder.bind("spring.mongodb.uri", String.class).get())
                .isEqualTo("mongodb://hrm-consent:pw@mongo-1:27017/hrm-consent");
        assertThat(binder.bind("hrm.ledger.signing-key", String.class).get()).isEqualTo("0x01");
        assertThat(binder.bind("hrm.vault.authority.attestation-keys", Map.class)
                        .get())
                .isEqualTo(Map.of("gateway1", "BAAA"));
        assertThat(binder.bind("hrm.vault.authority.operator-keys", Map.class).get())
                .isEqualTo(Map.of("operator1", "BBBB"));
    }

    /**
     * hrm-common's MongoDB TLS settings, with the operator's connection string in the config tree, give the driver
     * TLS with an SSL context that trusts the mounted CA and nothing else, even when the URI says {@code ssl=false}:
     * the property names are Spring Boot 4's, and the bundle, not the URI, decides.
     */
    @Test
    void kubernetesMongoSettingsGiveTheDriverTlsTrustingOnlyTheMountedCa(@TempDir Path tree, @TempDir Path mounted)
            throws Exception {
        KafkaTls.Authority ca = KafkaTls.generate().clusterCa();
        Files.writeString(mounted.resolve("ca.crt"), ca.pem());
        Files.writeString(
                tree.resolve("spring.mongodb.uri"),
                "mongodb://hrm-consent:pw@hrm-mongo-0.hrm-mongo-svc.hrm.svc.cluster.local:27017/admin"
                        + "?replicaSet=hrm-mongo&ssl=false\n");
        Map<String, Object> variables = new LinkedHashMap<>();
        ModelResources.named(ConfigMap.class, "hrm-common").getData().forEach((name, value) -> {
            if (name.startsWith("SPRING_MONGODB_SSL_") || name.startsWith("SPRING_SSL_BUNDLE_")) {
                variables.put(name, value.replace("file:/var/run/secrets/hrm/mongo-ca/", "file:" + mounted + "/"));
            }
        });

        Binder binder = binder(tree, variables);
        DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry();
        binder.bind("spring.ssl", SslProperties.class)
                .get()
                .getBundle()
                .getPem()
                .forEach((name, properties) -> bundles.registerBundle(name, PropertiesSslBundle.get(properties)));
        MongoClientSettings.Builder settings = MongoClientSettings.builder();
        new StandardMongoClientSettingsBuilderCustomizer(
                        new PropertiesMongoConnectionDetails(
                                binder.bind("spring.mongodb", MongoProperties.class)
                                        .get(),
                                bundles),
                        UuidRepresentation.STANDARD)
                .customize(settings);
        KeyStore trusted = bundles.getBundle("mongo").getStores().getTrustStore();

        assertThat(variables).hasSize(3);
        assertThat(settings.build().getSslSettings().isEnabled()).isTrue();
        assertThat(settings.build().getSslSettings().getContext()).isNotNull();
        assertThat(Collections.list(trusted.aliases()))
                .singleElement()
                .satisfies(alias -> assertThat(trusted.getCertificate(alias)).isEqualTo(ca.certificate()));
    }

    private static Binder binder(Path tree, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment
                .getPropertySources()
                .addLast(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment
                .getPropertySources()
                .addLast(new ConfigTreePropertySource(
                        "configtree", tree, ConfigTreePropertySource.Option.AUTO_TRIM_TRAILING_NEW_LINE));
        return Binder.get(environment);
    }
}

package org.hrm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.contracts.Domain;
import org.hrm.contracts.KafkaRole;
import org.hrm.contracts.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The broker's TLS listeners inside the walls: SCRAM over TLS (a client must trust the cluster CA and log in), and
 * TLS with client certificates, where the principal is the certificate's subject ({@code User:CN=<user>}, as Strimzi
 * grants KafkaUsers' ACLs) and a certificate the clients CA did not sign gets nowhere.
 */
class EmbeddedKafkaTlsIT {
    private static final String HOSPITAL = "st-mary";
    private static final String DECIDED = Topic.ACCESS_DECIDED.name(Domain.PATIENT);
    private static final String CONSENT = KafkaRole.CONSENT.principal();

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ScramOverTls {
        private final KafkaWalls walls = KafkaWalls.generate(Set.of(HOSPITAL));
        private final KafkaTls tls = KafkaTls.generate();
        private final EmbeddedKafka kafka = EmbeddedKafka.startSecured(
                1, walls, List.of(new NewTopic(DECIDED, 1, (short) 1)), EmbeddedKafka.Listener.saslOverTls(tls));

        @Test
        void theServiceThatDecidesWritesOverTlsAndAHospitalIsRefused() throws Exception {
            assertThat(kafka.clientProperties(CONSENT))
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsKey("sasl.jaas.config");
            consentWritesAndAHospitalIsRefused(kafka);
        }

        @Test
        void aClientThatDoesNotTrustTheClusterCaGetsNowhere() {
            Map<String, String> config = new HashMap<>(kafka.clientProperties(CONSENT));
            config.put(
                    "ssl.truststore.certificates",
                    KafkaTls.generate().clusterCa().pem());

            assertThatThrownBy(() -> send(kafka, config)).hasCauseInstanceOf(SslAuthenticationException.class);
        }

        @AfterAll
        void stop() {
            kafka.close();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ClientCertificates {
        private final KafkaTls tls = KafkaTls.generate();
        // Strimzi's user operator grants a KafkaUser's ACLs to User:CN=<name>: the catalogue's rules, so named.
        private final KafkaWalls walls = KafkaWalls.of(
                Map.of(),
                KafkaWalls.generate(Set.of(HOSPITAL)).acls().stream()
                        .map(EmbeddedKafkaTlsIT::namedByCertificate)
                        .toList());
        private final EmbeddedKafka kafka = EmbeddedKafka.startSecured(
                1, walls, List.of(new NewTopic(DECIDED, 1, (short) 1)), EmbeddedKafka.Listener.mutualTls(tls));

        @Test
        void theDecidingServicesCertificateWritesItsTopicAndAHospitalsIsRefused() throws Exception {
            assertThat(kafka.clientProperties(CONSENT))
                    .containsEntry("security.protocol", "SSL")
                    .doesNotContainKey("sasl.jaas.config");
            consentWritesAndAHospitalIsRefused(kafka);
        }

        @Test
        void aCertificateTheClientsCaDidNotSignGetsNowhere() {
            KafkaTls.Identity forged = KafkaTls.generate().user(CONSENT);
            Map<String, String> config = new HashMap<>(kafka.clientProperties(CONSENT));
            config.put("ssl.keystore.key", forged.keyPem());
            config.put("ssl.keystore.certificate.chain", forged.chainPem());

            assertThatThrownBy(() -> send(kafka, config)).hasCauseInstanceOf(SslAuthenticationException.class);
        }

        @Test
        void aClientWithoutCertificateGetsNowhere() {
            Map<String, String> config = new HashMap<>(kafka.clientProperties(CONSENT));
            config.remove("ssl.keystore.type");
            config.remove("ssl.keystore.key");
            config.remove("ssl.keystore.certificate.chain");

            assertThatThrownBy(() -> send(kafka, config)).hasCauseInstanceOf(SslAuthenticationException.class);
        }

        @AfterAll
        void stop() {
            kafka.close();
        }
    }

    private static AclBinding namedByCertificate(AclBinding acl) {
        String user = acl.entry().principal().substring("User:".length());
        return new AclBinding(
                acl.pattern(),
                new AccessControlEntry(
                        "User:" + KafkaTls.principal(user),
                        acl.entry().host(),
                        acl.entry().operation(),
                        acl.entry().permissionType()));
    }

    private static void consentWritesAndAHospitalIsRefused(EmbeddedKafka kafka) throws Exception {
        assertThat(send(kafka, kafka.clientProperties(CONSENT))).isGreaterThanOrEqualTo(0);
        assertThatThrownBy(() -> send(kafka, kafka.clientProperties(KafkaRole.hospitalPrincipal(HOSPITAL))))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    private static long send(EmbeddedKafka kafka, Map<String, String> security) throws Exception {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(DECIDED, "k", "decided"))
                    .get(30, TimeUnit.SECONDS)
                    .offset();
        }
    }
}

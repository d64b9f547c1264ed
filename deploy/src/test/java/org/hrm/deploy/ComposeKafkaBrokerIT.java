package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.contracts.Domain;
import org.hrm.contracts.KafkaRole;
import org.hrm.contracts.Topic;
import org.hrm.embedded.KafkaTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml's Kafka broker settings, run: a broker in a JVM of its own started from the broker variables of
 * the compose file (ports moved to free ones, /run/secrets/ to the generator's directory) with the JAAS file, key
 * store and trust store generate-dev-secrets.sh writes, then the SCRAM users and the ACLs of
 * deploy/docker/kafka/acls.txt created as kafka-principals.sh does, as the admin of kafka-admin.properties. Both
 * listeners are SASL_SSL: the services reach the internal one trusting kafka-truststore.pem, the example hospital the
 * external one with its own client file. A service writes the topic it produces, another service may not; a wrong
 * password, a plaintext or SASL_PLAINTEXT client and a client that does not trust the generator's CA get nowhere; the
 * example hospital writes records and reads the party directory, and is refused standing grants and release answers.
 */
class ComposeKafkaBrokerIT {
    private static final String HOSPITAL = KafkaRole.hospitalPrincipal(KafkaAclCoverageTest.EXAMPLE_HOSPITAL);

    @TempDir
    static Path dir;

    private static Process broker;
    private static Path secrets;
    private static String bootstrap;
    private static int external;

    @BeforeAll
    static void startTheComposeBroker() throws Exception {
        secrets = GeneratedSecrets.generate(dir.resolve("secrets")).dir();

        int internal = freePort();
        external = freePort();
        int controller = freePort();
        bootstrap = "127.0.0.1:" + internal;
        Properties server = new Properties();
        ComposeFile.load().environment("kafka").forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !name.equals("KAFKA_OPTS") && !name.equals("KAFKA_LOG_DIRS")) {
                String moved = value.replace("kafka:9092", "127.0.0.1:9092")
                        .replace("://:", "://127.0.0.1:")
                        .replace(":29092", ":" + external)
                        .replace(":9092", ":" + internal)
                        .replace(":9093", ":" + controller)
                        .replace("/run/secrets/", secrets + "/");
                server.setProperty(name.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'), moved);
            }
        });
        server.setProperty("log.dirs", dir.resolve("data").toString());
        Path properties = dir.resolve("server.properties");
        try (var writer = Files.newBufferedWriter(properties)) {
            server.store(writer, "from docker-compose.yml");
        }
        String clusterId = ComposeFile.load().environment("kafka").get("CLUSTER_ID");
        Process format = java("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", properties.toString())
                .start();
        assertThat(format.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(format.exitValue()).isZero();
        String jaas = ComposeFile.load().environment("kafka").get("KAFKA_OPTS").replace("/run/secrets/", secrets + "/");
        broker = java(jaas, "kafka.Kafka", properties.toString()).start();

        try (Admin admin = Admin.create(adminSettings())) {
            admin.createTopics(Stream.of(
                                    Topic.RECORD_SEALED.name(Domain.PATIENT),
                                    Topic.RECORD_SUBMITTED.name(Domain.PATIENT),
                                    Topic.PARTY_REGISTERED.topicName(),
                                    Topic.STANDING_GRANTS.name(Domain.PATIENT),
                                    Topic.RECORD_RELEASED.name(Domain.PATIENT))
                            .map(name -> new NewTopic(name, 1, (short) 1))
                            .toList())
                    .all()
                    .get(60, TimeUnit.SECONDS);
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            for (String line : Files.readAllLines(secrets.resolve("kafka-scram-users"))) {
                String[] field = line.split(" ");
                users.add(new UserScramCredentialUpsertion(
                        field[0], new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), field[1]));
            }
            admin.alterUserScramCredentials(users).all().get();
            admin.createAcls(composeAcls()).all().get();
        }
        Thread.sleep(2000);
    }

    @AfterAll
    static void stopTheBroker() throws InterruptedException {
        if (broker != null) {
            broker.destroy();
            broker.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServiceWritesTheTopicItProducesAndNoOtherPrincipalMay() throws Exception {
        String sealed = Topic.RECORD_SEALED.name(Domain.PATIENT);

        assertThat(send(client("hrm-key-vault"), sealed)).isNull();
        assertThat(send(client("hrm-gateway"), sealed)).isInstanceOf(TopicAuthorizationException.class);
        assertThat(send(client(HOSPITAL), sealed)).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aHospitalWritesRecordsAndReadsTheDirectoryButNotStandingGrantsOrReleaseAnswers() throws Exception {
        Properties hospital = client(HOSPITAL);

        assertThat(send(hospital, Topic.RECORD_SUBMITTED.name(Domain.PATIENT))).isNull();
        assertThat(read(hospital, Topic.PARTY_REGISTERED.topicName())).isNull();
        assertThat(read(hospital, Topic.STANDING_GRANTS.name(Domain.PATIENT)))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(read(hospital, Topic.RECORD_RELEASED.name(Domain.PATIENT)))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aWrongPasswordOrAPlaintextClientGetsNowhere() throws Exception {
        Properties wrong = client("hrm-key-vault");
        wrong.put(
                "sasl.jaas.config",
                wrong.getProperty("sasl.jaas.config").replaceAll("password=\"[0-9a-f]+\"", "password=\"x\""));
        Properties plaintext = client("hrm-key-vault");
        plaintext.put("security.protocol", "PLAINTEXT");
        Properties saslPlaintext = client("hrm-key-vault");
        saslPlaintext.put("security.protocol", "SASL_PLAINTEXT");

        assertThat(send(wrong, Topic.RECORD_SEALED.name(Domain.PATIENT)))
                .isInstanceOf(SaslAuthenticationException.class);
        assertThat(send(plaintext, Topic.RECORD_SEALED.name(Domain.PATIENT))).isNotNull();
        assertThat(send(saslPlaintext, Topic.RECORD_SEALED.name(Domain.PATIENT)))
                .isNotNull();
    }

    @Test
    void aClientThatDoesNotTrustTheGeneratorsCaGetsNowhere() throws Exception {
        Properties elsewhere = client("hrm-key-vault");
        elsewhere.remove("ssl.truststore.location");
        elsewhere.put(
                "ssl.truststore.certificates", KafkaTls.generate().clusterCa().pem());
        Properties hospital = client(HOSPITAL);
        hospital.remove("ssl.truststore.location");
        hospital.put(
                "ssl.truststore.certificates", KafkaTls.generate().clusterCa().pem());

        assertThat(send(elsewhere, Topic.RECORD_SEALED.name(Domain.PATIENT)))
                .isInstanceOf(SslAuthenticationException.class);
        assertThat(send(hospital, Topic.RECORD_SUBMITTED.name(Domain.PATIENT)))
                .isInstanceOf(SslAuthenticationException.class);
    }

    /** The rules kafka-principals.sh creates from acls.txt, the hospital template's for the generator's hospital. */
    private static List<AclBinding> composeAcls() {
        List<AclBinding> acls = new ArrayList<>();
        for (String rule : KafkaAclCoverageTest.composeRules(KafkaAclCoverageTest.EXAMPLE_HOSPITAL)) {
            String[] field = rule.split(" ");
            ResourcePattern resource = new ResourcePattern(
                    ResourceType.fromString(field[1]),
                    field[3],
                    field[2].equals("prefix") ? PatternType.PREFIXED : PatternType.LITERAL);
            acls.add(new AclBinding(
                    resource,
                    new AccessControlEntry(
                            "User:" + field[0], "*", AclOperation.fromString(field[4]), AclPermissionType.ALLOW)));
        }
        return acls;
    }

    private static Throwable send(Properties settings, String topic) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            producer.send(new ProducerRecord<>(topic, "key", "value")).get(20, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    /** Polls {@code topic} from its start without a group, as the SDK's readers do: null when allowed. */
    private static Throwable read(Properties settings, String topic) {
        Properties consumer = new Properties();
        consumer.putAll(settings);
        consumer.put("key.deserializer", StringDeserializer.class.getName());
        consumer.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(consumer)) {
            reader.assign(List.of(new TopicPartition(topic, 0)));
            reader.seekToBeginning(reader.assignment());
            reader.poll(Duration.ofSeconds(5));
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private static Properties adminSettings() throws IOException {
        Properties admin = new Properties();
        try (var reader = Files.newBufferedReader(secrets.resolve("kafka-admin.properties"))) {
            admin.load(reader);
        }
        admin.put("bootstrap.servers", bootstrap);
        admin.put(
                "ssl.truststore.location",
                admin.getProperty("ssl.truststore.location").replace("/run/secrets/", secrets + "/"));
        return admin;
    }

    /**
     * A service as compose configures it (its SCRAM login, SASL_SSL to the internal listener trusting the
     * kafka-truststore.pem secret), or the hospital with the generator's client file as it is, but for the external
     * listener's port.
     */
    private static Properties client(String principal) throws IOException {
        Properties client = new Properties();
        if (principal.equals(HOSPITAL)) {
            try (var reader = Files.newBufferedReader(secrets.resolve("kafka-" + HOSPITAL + ".properties"))) {
                client.load(reader);
            }
            client.put(
                    "bootstrap.servers", client.getProperty("bootstrap.servers").replace(":29092", ":" + external));
        } else {
            Map<String, String> service = ComposeFile.load().environment("key-vault-service");
            client.put("bootstrap.servers", bootstrap);
            client.put("security.protocol", service.get("SPRING_KAFKA_SECURITY_PROTOCOL"));
            client.put("ssl.truststore.type", service.get("SPRING_KAFKA_SSL_TRUST_STORE_TYPE"));
            client.put(
                    "ssl.truststore.location",
                    service.get("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION").replace("file:/run/secrets/", secrets + "/"));
            client.put("sasl.mechanism", service.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM"));
            client.put("sasl.jaas.config", Files.readString(secrets.resolve("kafka-" + principal + "-jaas")));
        }
        client.put("key.serializer", StringSerializer.class.getName());
        client.put("value.serializer", StringSerializer.class.getName());
        client.put("max.block.ms", String.valueOf(Duration.ofSeconds(10).toMillis()));
        client.put("delivery.timeout.ms", "12000");
        client.put("request.timeout.ms", "10000");
        return client;
    }

    private static ProcessBuilder java(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path")));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("broker.log").toFile());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.hrm.client.chain.ChainRpcTokens;
import org.hrm.consent.domain.DecisionSigningKey;
import org.hrm.embedded.JwtCheckingRpcProxy;
import org.hrm.keyvault.domain.ReceiptSigningKey;
import org.hrm.testsupport.Requirements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/docker/generate-dev-secrets.sh, run into a temporary directory: every secret is readable by its owner only,
 * compose.env carries public values only, each published public key is the one of its private key, and Kafka's TLS
 * files fit together: the broker's certificate chains to the CA every client trusts and names the hosts they dial.
 */
class DevSecretsGeneratorTest {
    private static final String GENERATOR = "deploy/docker/generate-dev-secrets.sh";
    private static final List<String> SECRETS = List.of(
            "vault-token-pin",
            "vault-token-so-pin",
            "vault-receipt-key",
            "consent-signing-key",
            "gateway-attestation-key",
            "ledger-signing-key",
            "ledger-deployer-key",
            "besu-rpc-jwt-key",
            "besu-rpc-jwt-public.pem",
            "vault-operator-key",
            "kafka-ca.key",
            "kafka-ca.crt",
            "kafka-broker.pem",
            "kafka-truststore.pem",
            "kafka-broker-truststore.pem",
            "kafka-server-jaas.conf",
            "kafka-admin.properties",
            "kafka-scram-users",
            "kafka-hrm-key-vault-jaas",
            "kafka-hrm-ledger-writer-jaas",
            "kafka-hrm-consent-jaas",
            "kafka-hrm-gateway-jaas",
            "kafka-hrm-hospital-example.properties",
            "kafka-hrm-operator.properties",
            "mongo-keyfile",
            "mongo-root-password",
            "mongo-users",
            "mongo-hrm-key-vault-uri",
            "mongo-hrm-ledger-writer-uri",
            "mongo-hrm-consent-uri",
            "mongo-hrm-gateway-uri",
            "keycloak-tls.crt",
            "keycloak-tls.key");
    private static final List<String> SERVICE_PRINCIPALS =
            List.of("hrm-key-vault", "hrm-ledger-writer", "hrm-consent", "hrm-gateway");

    @Test
    void everySecretIsReadableByItsOwnerOnly(@TempDir Path dir) throws IOException {
        Path secrets = generate(dir);

        assertThat(Files.getPosixFilePermissions(secrets))
                .as("the directory")
                .isEqualTo(Set.of(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE));
        try (Stream<Path> files = Files.list(secrets)) {
            List<Path> secretFiles = files.filter(
                            file -> !file.getFileName().toString().equals("compose.env"))
                    .toList();
            assertThat(secretFiles)
                    .extracting(file -> file.getFileName().toString())
                    .containsExactlyInAnyOrderElementsOf(SECRETS);
            for (Path file : secretFiles) {
                assertThat(Files.getPosixFilePermissions(file))
                        .as(file.getFileName().toString())
                        .containsExactly(PosixFilePermission.OWNER_READ);
                assertThat(Files.size(file)).as(file.getFileName().toString()).isPositive();
            }
        }
    }

    @Test
    void composeEnvHoldsThePublicHalvesOfTheGeneratedKeysAndNoSecret(@TempDir Path dir) throws IOException {
        Path secrets = generate(dir);
        Map<String, String> env = envFile(secrets.resolve("compose.env"));

        assertThat(env)
                .containsOnlyKeys(
                        "HRM_LEDGER_CHAIN_ID",
                        "HRM_VAULT_PUBLIC_KEY",
                        "HRM_CONSENT_PUBLIC_KEY",
                        "HRM_GATEWAY_ATTESTATION_PUBLIC_KEY",
                        "HRM_VAULT_OPERATOR_PUBLIC_KEY");
        assertThat(env.get("HRM_VAULT_PUBLIC_KEY"))
                .isEqualTo(ReceiptSigningKey.receiptPublicKeyBase64(read(secrets, "vault-receipt-key")));
        assertThat(env.get("HRM_CONSENT_PUBLIC_KEY"))
                .isEqualTo(DecisionSigningKey.publicKeyBase64(read(secrets, "consent-signing-key")));
        assertThat(env.get("HRM_GATEWAY_ATTESTATION_PUBLIC_KEY"))
                .isEqualTo(ReceiptSigningKey.receiptPublicKeyBase64(read(secrets, "gateway-attestation-key")));
        assertThat(env.get("HRM_VAULT_OPERATOR_PUBLIC_KEY"))
                .isEqualTo(ReceiptSigningKey.receiptPublicKeyBase64(read(secrets, "vault-operator-key")));
        for (String secret : SECRETS) {
            assertThat(Files.readString(secrets.resolve("compose.env")))
                    .as(secret + " is not in compose.env")
                    .doesNotContain(read(secrets, secret).strip());
        }
    }

    @Test
    void theRpcNodesPublicKeyVerifiesTokensMintedFromTheServicesKeyFileAndByTheDeployer(@TempDir Path dir)
            throws IOException {
        Path secrets = generate(dir);
        PublicKey besuKey = JwtCheckingRpcProxy.readPublicKey(read(secrets, "besu-rpc-jwt-public.pem"));
        String keyFile = secrets.resolve("besu-rpc-jwt-key").toString();

        String service = ChainRpcTokens.fromKeyFile(keyFile, "hrm-ledger-writer", List.of("eth:sendRawTransaction"))
                .orElseThrow()
                .authorization();

        assertThat(read(secrets, "besu-rpc-jwt-public.pem")).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(JwtCheckingRpcProxy.refusal(service, List.of("eth_sendRawTransaction"), besuKey, Instant.now()))
                .isEmpty();
        Requirements.require(
                Commands.installed("node", "--version"), "DevSecretsGeneratorTest", "node is not installed");
        Commands.Result deployer = Commands.run(
                RepositoryFiles.root(),
                Map.of("HRM_LEDGER_RPC_TOKEN_KEY_FILE", keyFile),
                "bash",
                "-c",
                "source <(sed -n '/^rpc_token() {/,/^}/p' deploy/besu/deploy-contracts.sh) && rpc_token");
        assertThat(deployer.exitCode()).as(deployer.output()).isZero();
        assertThat(JwtCheckingRpcProxy.refusal(
                        "Bearer " + deployer.output().strip(),
                        List.of("eth_sendRawTransaction", "eth_getCode", "net_version"),
                        besuKey,
                        Instant.now()))
                .isEmpty();
    }

    @Test
    void eachServiceHasItsOwnKafkaAndMongoLoginAndTheInitJobsKnowThemAll(@TempDir Path dir) throws IOException {
        Path secrets = generate(dir);
        String scramUsers = read(secrets, "kafka-scram-users");
        String mongoUsers = read(secrets, "mongo-users");

        for (String principal : SERVICE_PRINCIPALS) {
            String jaas = read(secrets, "kafka-" + principal + "-jaas");
            assertThat(jaas)
                    .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                            + principal + "\" password=\"")
                    .endsWith("\";");
            String kafkaPassword = jaas.replaceAll(".*password=\"([0-9a-f]+)\";$", "$1");
            assertThat(scramUsers).contains(principal + " " + kafkaPassword + "\n");
            String uri = read(secrets, "mongo-" + principal + "-uri");
            assertThat(uri)
                    .matches("mongodb://" + principal + ":[0-9a-f]{48}@mongo-1:27017,mongo-2:27017,mongo-3:27017/"
                            + principal + "\\?replicaSet=rs0&authSource=admin");
            String mongoPassword = uri.replaceAll("^mongodb://[^:]+:([0-9a-f]+)@.*$", "$1");
            assertThat(mongoUsers).contains(principal + " " + mongoPassword + "\n");
            assertThat(mongoPassword).isNotEqualTo(kafkaPassword);
        }
        assertThat(read(secrets, "kafka-server-jaas.conf"))
                .contains("PlainLoginModule required", "ScramLoginModule required")
                .doesNotContain("user_hrm");
    }

    @Test
    void theBrokersCertificateChainsToTheCaEveryKafkaClientTrustsAndNamesTheHostsTheyDial(@TempDir Path dir)
            throws Exception {
        Path secrets = generate(dir);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509Certificate ca = (X509Certificate) factory.generateCertificate(
                new ByteArrayInputStream(read(secrets, "kafka-ca.crt").getBytes(StandardCharsets.US_ASCII)));
        String brokerPem = read(secrets, "kafka-broker.pem");
        List<X509Certificate> chain = factory
                .generateCertificates(new ByteArrayInputStream(brokerPem
                        .substring(brokerPem.indexOf("-----BEGIN CERTIFICATE-----"))
                        .getBytes(StandardCharsets.US_ASCII)))
                .stream()
                .map(X509Certificate.class::cast)
                .toList();
        X509Certificate broker = chain.get(0);

        // Kafka's PEM key store: an unencrypted PKCS#8 key, then the chain, broker first.
        assertThat(brokerPem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(chain).hasSize(2).last().isEqualTo(ca);
        broker.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isNotNegative();
        assertThat(broker.getBasicConstraints()).isNegative();
        assertThat(broker.getSubjectAlternativeNames().stream()
                        .map(name -> String.valueOf(name.get(1)))
                        .toList())
                .containsExactlyInAnyOrder("kafka", "localhost", "127.0.0.1");
        KeyFactory keys = KeyFactory.getInstance("EC");
        PrivateKey key = keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(brokerPem.substring(
                        brokerPem.indexOf('\n') + 1, brokerPem.indexOf("-----END PRIVATE KEY-----")))));
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(key);
        signature.update(new byte[] {1});
        byte[] signed = signature.sign();
        signature.initVerify(broker.getPublicKey());
        signature.update(new byte[] {1});
        assertThat(signature.verify(signed)).as("the key is the certificate's").isTrue();
        assertThat(read(secrets, "kafka-truststore.pem")).isEqualTo(read(secrets, "kafka-ca.crt"));
        assertThat(read(secrets, "kafka-broker-truststore.pem")).isEqualTo(read(secrets, "kafka-ca.crt"));

        assertThat(properties(secrets, "kafka-admin.properties"))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/run/secrets/kafka-broker-truststore.pem");
        for (String host : List.of("kafka-hrm-hospital-example.properties", "kafka-hrm-operator.properties")) {
            assertThat(properties(secrets, host))
                    .as(host)
                    .containsEntry("bootstrap.servers", "127.0.0.1:29092")
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("ssl.truststore.type", "PEM")
                    .containsEntry(
                            "ssl.truststore.location",
                            secrets.resolve("kafka-ca.crt").toAbsolutePath().toString());
        }
    }

    @Test
    void clientFilesOfAnInstallationFromBeforeTlsMoveToSaslSslWithTheSameLogin(@TempDir Path dir) throws IOException {
        Path secrets = generate(dir);
        Map<String, String> logins = new LinkedHashMap<>();
        for (String file : List.of("kafka-admin.properties", "kafka-hrm-operator.properties")) {
            Path path = secrets.resolve(file);
            String old = Files.readString(path)
                    .replace("security.protocol=SASL_SSL", "security.protocol=SASL_PLAINTEXT")
                    .replaceAll("(?m)^ssl\\..*\n", "");
            Files.setPosixFilePermissions(
                    path, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            Files.writeString(path, old);
            Files.setPosixFilePermissions(path, Set.of(PosixFilePermission.OWNER_READ));
            logins.put(file, properties(secrets, file).get("sasl.jaas.config"));
        }

        generate(dir);

        assertThat(properties(secrets, "kafka-admin.properties"))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.location", "/run/secrets/kafka-broker-truststore.pem")
                .containsEntry("sasl.jaas.config", logins.get("kafka-admin.properties"));
        assertThat(properties(secrets, "kafka-hrm-operator.properties"))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(
                        "ssl.truststore.location",
                        secrets.resolve("kafka-ca.crt").toAbsolutePath().toString())
                .containsEntry("sasl.jaas.config", logins.get("kafka-hrm-operator.properties"));
        assertThat(Files.getPosixFilePermissions(secrets.resolve("kafka-admin.properties")))
                .containsExactly(PosixFilePermission.OWNER_READ);
    }

    @Test
    void aSecondRunKeepsEverySecretAndThePublishedKeys(@TempDir Path dir) throws IOException {
        Path secrets = generate(dir);
        Map<String, String> before = new LinkedHashMap<>();
        for (String secret : SECRETS) {
            before.put(secret, read(secrets, secret));
        }
        String env = Files.readString(secrets.resolve("compose.env"));

        generate(dir);

        for (String secret : SECRETS) {
            assertThat(read(secrets, secret)).as(secret).isEqualTo(before.get(secret));
        }
        assertThat(Files.readString(secrets.resolve("compose.env"))).isEqualTo(env);
    }

    @Test
    void anOperatorKeptElsewhereIsTrustedWithoutAKeyHereAndOtherSettingsSurviveARerun(@TempDir Path dir)
            throws IOException {
        Path secrets = generate(dir);
        String operator = ReceiptSigningKey.receiptPublicKeyBase64(ReceiptSigningKey.generateReceiptKeyFileContent());
        Files.delete(secrets.resolve("vault-operator-key"));
        Files.writeString(
                secrets.resolve("compose.env"),
                Files.readString(secrets.resolve("compose.env")) + "KAFKA_IMAGE=apache/kafka@sha256:0123\n");

        generate(dir, Map.of("HRM_VAULT_OPERATOR_PUBLIC_KEY", operator));

        assertThat(secrets.resolve("vault-operator-key")).doesNotExist();
        assertThat(envFile(secrets.resolve("compose.env")))
                .containsEntry("HRM_VAULT_OPERATOR_PUBLIC_KEY", operator)
                .containsEntry("KAFKA_IMAGE", "apache/kafka@sha256:0123");
    }

    private static Path generate(Path dir) throws IOException {
        return generate(dir, Map.of());
    }

    private static Path generate(Path dir, Map<String, String> extra) throws IOException {
        Requirements.require(
                Commands.installed("openssl", "version"), "DevSecretsGeneratorTest", "openssl is not installed");
        Path secrets = dir.resolve("secrets");
        Map<String, String> environment = new java.util.HashMap<>(extra);
        environment.putAll(Map.of(
                "HRM_SECRETS_DIR",
                secrets.toString(),
                "HRM_SECRETS_UID",
                ownUid(),
                "HRM_KAFKA_UID",
                ownUid(),
                "HRM_MONGO_UID",
                ownUid(),
                "HRM_KEYCLOAK_UID",
                ownUid(),
                "HRM_BESU_UID",
                ownUid()));
        Commands.Result result = Commands.run(RepositoryFiles.root(), environment, "bash", GENERATOR);
        assertThat(result.exitCode()).as(result.output()).isZero();
        return secrets;
    }

    /** The test's own uid, so the files stay readable here even when the test runs as root. */
    private static String ownUid() throws IOException {
        return Commands.run(Path.of("."), Map.of(), "id", "-u").output().strip();
    }

    private static Map<String, String> properties(Path dir, String name) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(dir.resolve(name))) {
            properties.load(reader);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }

    private static String read(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return env;
    }
}

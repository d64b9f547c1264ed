package org.hrm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.hrm.contracts.Domain;
import org.hrm.contracts.ledger.RecordLedger;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

class EmbeddedInfraIT {

    @Test
    void anOpenBrokerLeavesTheJvmsSystemPropertiesAsTheyWere() {
        System.setProperty("spring.kafka.bootstrap-servers", "before:1");
        System.clearProperty("spring.embedded.kafka.brokers");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(1)) {
            // A service started later in this JVM must not find this broker's address in the JVM's properties.
            assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("before:1");
            assertThat(System.getProperty("spring.embedded.kafka.brokers")).isNull();
            assertThat(kafka.bootstrapServers()).isNotBlank();
        } finally {
            System.clearProperty("spring.kafka.bootstrap-servers");
        }
    }

    @Test
    void kafkaBrokerAcceptsTopics() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(2)) {
            Properties config = new Properties();
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());

            try (AdminClient admin = AdminClient.create(config)) {
                admin.createTopics(List.of(new NewTopic("probe", 2, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);

                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("probe");
            }
        }
    }

    @Test
    void mongoServerKeepsDataAcrossRestartWhenPersistent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path file = dir.resolve("vault.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
                var client = MongoClients.create(mongo.uri("probe"))) {
            client.getDatabase("probe").getCollection("c").insertOne(new Document("_id", "kept"));
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
                var client = MongoClients.create(mongo.uri("probe"))) {

            assertThat(client.getDatabase("probe").getCollection("c").countDocuments())
                    .isEqualTo(1);
        }
    }

    @Test
    void anvilRunsTheLedgerAndOnlyTheWriterMayStore() throws Exception {
        try (AnvilNode anvil = AnvilNode.start(AnvilNode.Options.defaults())) {
            Map<Domain, String> ledgers = LedgerDeployment.deploy(
                    anvil.rpcUrl(), AnvilNode.CHAIN_ID, AnvilNode.ADMIN_KEY, AnvilNode.WRITER_KEY);
            Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));

            TransactionReceipt byWriter = store(web3j, ledgers.get(Domain.PATIENT), AnvilNode.WRITER_KEY);
            Throwable byAdmin = catchStore(web3j, ledgers.get(Domain.PATIENT), AnvilNode.ADMIN_KEY);

            assertThat(ledgers.get(Domain.PATIENT)).isNotEqualTo(ledgers.get(Domain.PRACTITIONER));
            assertThat(RecordLedger.getRecordStoredEvents(byWriter)).hasSize(2);
            assertThat(byAdmin).isNotNull();
            web3j.shutdown();
        }
    }

    private static TransactionReceipt store(Web3j web3j, String address, String key) throws Exception {
        RawTransactionManager transactions = new RawTransactionManager(
                web3j,
                Credentials.create(key),
                AnvilNode.CHAIN_ID,
                new PollingTransactionReceiptProcessor(web3j, 50, 200));
        RecordLedger ledger = RecordLedger.load(
                address, web3j, transactions, new StaticGasProvider(BigInteger.ZERO, BigInteger.valueOf(1_000_000)));
        return ledger.storeBatch(
                        List.of(bytes(16), bytes(16)),
                        List.of(bytes(32), bytes(32)),
                        List.of(new byte[] {1}, new byte[] {2}))
                .send();
    }

    private static Throwable catchStore(Web3j web3j, String address, String key) {
        try {
            TransactionReceipt receipt = store(web3j, address, key);
            return receipt.isStatusOK() ? null : new IllegalStateException("reverted");
        } catch (Exception e) {
            return e;
        }
    }

    private static byte[] bytes(int length) {
        byte[] value = new byte[length];
        byte[] random = UUID.randomUUID().toString().getBytes();
        System.arraycopy(random, 0, value, 0, Math.min(length, random.length));
        return value;
    }
}

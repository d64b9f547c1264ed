package org.hrm.ledgerwriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.hrm.client.chain.ChainRpcAuthInterceptor;
import org.hrm.client.chain.ChainRpcTokens;
import org.hrm.contracts.events.RecordCommitted;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.crypto.P256KeyPair;
import org.hrm.embedded.EmbeddedMongo;
import org.hrm.embedded.JwtCheckingRpcProxy;
import org.hrm.ledgerwriter.support.LedgerWriterDriver;
import org.hrm.ledgerwriter.support.Listeners;
import org.hrm.ledgerwriter.support.SharedChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

/**
 * The ledger writer through a JSON-RPC endpoint that, like a Besu RPC node with
 * {@code --rpc-http-authentication-jwt-algorithm=ES256}, answers only requests with a valid token for their methods:
 * the writer signs its tokens with {@code hrm.ledger.rpc-token-key-file} and commits through it; a request without a
 * token, with another key's token, or with a token that does not name the method is refused.
 */
@SpringBootTest(classes = LedgerWriterApplication.class)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@DirtiesContext
class LedgerWriterRpcAuthIT {
    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory(0);
    private static final P256KeyPair RPC_KEY = P256KeyPair.generate();
    private static final Path KEYS = keyFiles();
    private static final JwtCheckingRpcProxy PROXY =
            JwtCheckingRpcProxy.start(SharedChain.rpcUrl(), KEYS.resolve("besu-rpc-jwt-public.pem"));

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerWriterDriver.chainProperties(registry);
        registry.add("hrm.ledger.rpc-url", PROXY::url);
        registry.add(
                "hrm.ledger.rpc-token-key-file",
                () -> KEYS.resolve("besu-rpc-jwt-key").toString());
        registry.add("spring.mongodb.uri", () -> MONGO.uri("ledger-writer"));
    }

    @AfterAll
    static void stop() {
        PROXY.close();
        MONGO.close();
    }

    @Test
    void commitsThroughTheAuthenticatingEndpointWithEveryRequestAccepted() {
        Listeners.awaitAssigned(listeners, 3);
        List<RecordSealed> events = LedgerWriterDriver.events(30);
        int acceptedBefore = PROXY.accepted();
        int refusedBefore = PROXY.refusals().size();

        try (LedgerWriterDriver driver = new LedgerWriterDriver(bootstrapServers)) {
            driver.publish(events);
            Map<String, RecordCommitted> commits = driver.awaitCommits(events);

            assertThat(commits).hasSize(events.size());
            driver.assertMatchesTheChain(events, commits);
        }
        assertThat(PROXY.accepted()).isGreaterThan(acceptedBefore);
        assertThat(PROXY.refusals()).as("none of the writer's requests refused").hasSize(refusedBefore);
    }

    @Test
    void refusesACallWithoutATokenWithAnotherKeysTokenOrForAMethodTheTokenDoesNotName() {
        ChainRpcTokens otherKey =
                ChainRpcTokens.of(P256KeyPair.generate(), "intruder", List.of("*:*"), Clock.systemUTC());
        ChainRpcTokens readerOnly = ChainRpcTokens.of(
                RPC_KEY, "hrm-gateway", List.of("eth:getBlockTransactionCountByNumber"), Clock.systemUTC());
        int refusedBefore = PROXY.refusals().size();

        assertThatThrownBy(() -> blockNumber(null)).isInstanceOf(ClientConnectionException.class);
        assertThatThrownBy(() -> blockNumber(otherKey)).isInstanceOf(ClientConnectionException.class);
        assertThatThrownBy(() -> blockNumber(readerOnly)).isInstanceOf(ClientConnectionException.class);

        assertThat(PROXY.refusals().subList(refusedBefore, PROXY.refusals().size()))
                .containsExactly("no bearer token", "bad signature", "no permission for eth_blockNumber");
    }

    private static long blockNumber(ChainRpcTokens tokens) throws IOException {
        OkHttpClient.Builder client = new OkHttpClient.Builder();
        if (tokens != null) {
            client.addInterceptor(new ChainRpcAuthInterceptor(tokens));
        }
        Web3j web3j = Web3j.build(new HttpService(PROXY.url(), client.build()));
        try {
            return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        } finally {
            web3j.shutdown();
        }
    }

    /** The key pair as generate-dev-secrets.sh writes it: the service's scalar file and the node's PEM. */
    private static Path keyFiles() {
        try {
            Path dir = Files.createTempDirectory("besu-rpc-jwt");
            Files.writeString(
                    dir.resolve("besu-rpc-jwt-key"), Base64.getEncoder().encodeToString(RPC_KEY.privateKey()));
            Files.writeString(
                    dir.resolve("besu-rpc-jwt-public.pem"), JwtCheckingRpcProxy.publicKeyPem(RPC_KEY.publicKey()));
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

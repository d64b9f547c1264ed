package org.hrm.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.contracts.Domain;
import org.hrm.contracts.KafkaRole;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.embedded.KafkaWalls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's views outlive its topics and any replica: after the topics lost every earlier event (as expired
 * retention would) and the gateway restarted, the owner still sees every record, grant, party and erasure receipt;
 * a fetch posted to one replica is answered on another; and an event its reader cannot read is dead-lettered, not
 * skipped, while the reader reads on.
 */
class GatewayRestartIT {
    static Platform platform;
    static GatewayParties parties;

    @BeforeAll
    static void startPlatformAndRegisterThroughTheGateway(@TempDir Path home) throws Exception {
        platform = Platform.start(Platform.Options.ephemeral(home), step -> {});
        parties = new GatewayParties(platform.gatewayUrl());
        parties.registerAll();
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @Test
    void aRestartAfterTheTopicsExpiredLosesNoRecordGrantPartyOrReceipt() throws Exception {
        String kept = parties.submitCommitted("{\"valueString\":\"kept\"}".getBytes(UTF_8));
        String erased = parties.submitCommitted("{\"valueString\":\"erased\"}".getBytes(UTF_8));
        ConsentGranted grant = parties.grantAndAwaitFetch(kept);
        ErasureReceipt receipt = parties.erase(erased);

        assertThat(ExpiredTopics.expireAll(platform.kafka(KafkaWalls.ADMIN))).isPositive();
        platform.restartGateway();
        parties.at(platform.gatewayUrl());

        GatewayClient gateway = parties.gateway;
        JsonNode records = gateway.get("/api/owners/patient-alice/records", parties.aliceToken)
                .json();
        assertThat(records.toString()).contains(kept, erased);
        assertThat(status(kept)).isEqualTo("committed");
        assertThat(status(erased)).isEqualTo("erased");
        assertThat(gateway.get("/api/owners/patient-alice/grants", parties.aliceToken)
                        .text())
                .contains(grant.grantId());
        assertThat(gateway.get("/api/parties/dr-chen", parties.chenToken).status())
                .isEqualTo(200);
        GatewayClient.Answer stored =
                gateway.get("/api/erasures/" + receipt.requestId() + "/receipt", parties.aliceToken);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(GatewayParties.CODEC
                        .decode(stored.body(), ErasureReceipt.class)
                        .vaultSignature())
                .isEqualTo(receipt.vaultSignature());
        assertThat(parties.read(kept, parties.alice, parties.aliceToken))
                .isEqualTo("{\"valueString\":\"kept\"}".getBytes(UTF_8));
        assertThat(parties.read(kept, parties.chen, parties.chenToken))
                .isEqualTo("{\"valueString\":\"kept\"}".getBytes(UTF_8));
    }

    @Test
    void aFetchPostedToOneReplicaIsAnsweredOnAnother() throws Exception {
        String recordId = parties.submitCommitted("{\"valueString\":\"replicas\"}".getBytes(UTF_8));
        // The replica answers 202 at once, so the answer can only be collected by polling, here on the other one.
        try (ConfigurableApplicationContext replica =
                platform.startGatewayReplica(Map.of("hrm.gateway.fetch-wait", "1ms"))) {
            GatewayClient posted = new GatewayClient(
                    "http://127.0.0.1:" + replica.getEnvironment().getProperty("local.server.port"));
            GatewayClient.Answer accepted =
                    posted.post("/api/records/" + recordId + "/fetch", posted.login(parties.alice.partyId()), null);
            assertThat(accepted.status()).isEqualTo(202);

            GatewayClient polled = new GatewayClient(platform.gatewayUrl());
            String token = polled.login(parties.alice.partyId());
            GatewayClient.Answer answer = polled.until(
                    GatewayParties.WAIT, a -> a.status() != 202, () -> polled.get(accepted.location(), token));

            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.json().get("released").get("recordId").asString()).isEqualTo(recordId);
            assertThat(polled.get(accepted.location(), token).status()).isEqualTo(404);
        }
    }

    @Test
    void anEventTheViewsCannotReadIsDeadLetteredWithTheReasonAndTheReaderReadsOn() throws Exception {
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                platform.kafka(KafkaRole.LEDGER_WRITER.principal()).config(),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            Topic.RECORD_COMMITTED.name(Domain.PATIENT), key, "{\"not\":\"a commit\"}".getBytes(UTF_8)))
                    .get();
        }

        String reason = DeadLetters.awaitReason(
                platform.kafka(SandboxPrincipals.OBSERVER),
                Topic.GATEWAY_DEAD_LETTER.topicName(),
                key,
                GatewayParties.WAIT);

        assertThat(reason).isNotBlank();
        String later = parties.submitCommitted("{\"valueString\":\"after\"}".getBytes(UTF_8));
        assertThat(status(later)).isEqualTo("committed");
        assertThat(parties.gateway.get("/actuator/health/readiness", null).status())
                .isEqualTo(200);
    }

    private static String status(String recordId) throws Exception {
        return parties.gateway
                .get("/api/records/" + recordId, parties.aliceToken)
                .json()
                .get("status")
                .asString();
    }
}

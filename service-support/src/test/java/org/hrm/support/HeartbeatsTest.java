package org.hrm.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class HeartbeatsTest {

    @Test
    void beatsWithAnIdempotentAcksAllProducerAsEveryOtherProducerAndGivesUpOnALateBeat() {
        Heartbeats heartbeats = new Heartbeats(
                "hrm.ops.heartbeat",
                new OpsProperties(Duration.ofSeconds(20), true, true, Duration.ofSeconds(5)),
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092", ProducerConfig.ACKS_CONFIG, "0"),
                admin -> null);

        Map<String, Object> config = heartbeats.producerConfig();

        assertThat(config)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 40_000)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        // The client accepts the combination (idempotence needs acks=all and a delivery timeout above the request's).
        new KafkaProducer<String, byte[]>(config).close(Duration.ZERO);
    }
}

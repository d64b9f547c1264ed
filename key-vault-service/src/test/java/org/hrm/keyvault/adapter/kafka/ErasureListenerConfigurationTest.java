package org.hrm.keyvault.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.hrm.messaging.ConsumerSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

class ErasureListenerConfigurationTest {

    /**
     * A single-record erasure re-wraps every other key of its owner; at Kafka's default poll (500 requests in 5
     * minutes) a burst of erasures of large owners outlasted the interval and was redelivered again and again.
     */
    @Test
    void pollsFewErasureRequestsAndAllowsEachPollFarMoreThanKafkasFiveMinutes() {
        var consumer = ConsumerSettings.from(new KafkaProperties())
                .setAll(ErasureListenerConfiguration.erasureConsumer())
                .config();

        assertThat((Integer) consumer.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG))
                .isBetween(1, 32);
        assertThat(Duration.ofMillis((Integer) consumer.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG)))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(30));
        assertThat(consumer)
                .as("the library's settings stay")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }
}

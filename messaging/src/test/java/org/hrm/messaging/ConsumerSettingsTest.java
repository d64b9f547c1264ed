package org.hrm.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

class ConsumerSettingsTest {

    @Test
    void everyConsumerCommitsByHandFromTheEarliestOffsetAndReadsOnlyCommittedRecords() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getConsumer().setEnableAutoCommit(true);
        kafka.getConsumer().setAutoOffsetReset("latest");

        var config = ConsumerSettings.from(kafka).config();

        assertThat(config)
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    @Test
    void aReaderWithoutAGroupDropsTheConfiguredOne() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getConsumer().setGroupId("hrm-gateway");

        assertThat(ConsumerSettings.from(kafka).config()).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "hrm-gateway");
        assertThat(ConsumerSettings.from(kafka).withoutGroup().config())
                .doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG);
    }
}

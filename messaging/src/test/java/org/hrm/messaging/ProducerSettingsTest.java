package org.hrm.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

class ProducerSettingsTest {

    @Test
    void everyProducerIsIdempotentWithAcksAllOverTheProperties() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getProducer().setAcks("1");

        var config = ProducerSettings.from(kafka).config();

        assertThat(config)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    @Test
    void promptSendsDoNotLingerUnlessTheOperatorSaysSo() {
        KafkaProperties kafka = new KafkaProperties();

        assertThat(ProducerSettings.from(kafka).promptSends().config())
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0);

        kafka.getProducer().getProperties().put(ProducerConfig.LINGER_MS_CONFIG, "20");
        assertThat(ProducerSettings.from(kafka).promptSends().config())
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20");
    }

    @Test
    void aDefaultOfTheServiceGivesWayToTheConfiguration() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getProducer().getProperties().put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "7");

        assertThat(ProducerSettings.from(kafka)
                        .setIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 9)
                        .config())
                .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "7");
        assertThat(ProducerSettings.from(kafka).maxRequestBytes(9).config())
                .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 9);
    }
}

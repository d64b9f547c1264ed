package org.hrm.consent.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.hrm.consent.domain.DecisionSigningKey;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;

class KafkaConfigurationTest {
    private final KafkaConfiguration configuration =
            new KafkaConfiguration(DecisionSigningKey.parse(DecisionSigningKey.generateKeyFileContent(), "test"));

    /** The decisions are the fetch path's second hop: a lingering producer would hold each one back. */
    @Test
    void decisionsAreSentWithoutLingering() {
        KafkaTemplate<String, byte[]> template = configuration.consentKafkaTemplate(new KafkaProperties());

        assertThat(template.getProducerFactory().getConfigurationProperties())
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
    }

    @Test
    void anOperatorsLingerStillWins() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getProducer().getProperties().put(ProducerConfig.LINGER_MS_CONFIG, "20");

        assertThat(configuration
                        .consentKafkaTemplate(kafka)
                        .getProducerFactory()
                        .getConfigurationProperties())
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20");
    }
}

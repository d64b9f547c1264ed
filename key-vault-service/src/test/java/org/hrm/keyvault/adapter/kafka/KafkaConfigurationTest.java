package org.hrm.keyvault.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

class KafkaConfigurationTest {

    /** Releases are the fetch path's third hop: a lingering producer would hold each one back. */
    @Test
    void releasesAreSentWithoutLingering() {
        assertThat(new KafkaConfiguration()
                        .vaultKafkaTemplate(new KafkaProperties())
                        .getProducerFactory()
                        .getConfigurationProperties())
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0)
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }
}

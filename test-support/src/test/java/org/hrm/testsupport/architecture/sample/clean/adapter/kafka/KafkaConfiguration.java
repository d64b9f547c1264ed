package org.hrm.testsupport.architecture.sample.clean.adapter.kafka;

import org.hrm.testsupport.architecture.sample.clean.application.Prescribing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sample wiring in the adapter it wires. */
@Configuration
public class KafkaConfiguration {
    @Bean
    DoseListener doseListener(Prescribing prescribing) {
        return new DoseListener(prescribing);
    }
}

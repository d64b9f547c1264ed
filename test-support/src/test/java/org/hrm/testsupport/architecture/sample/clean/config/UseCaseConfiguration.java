package org.hrm.testsupport.architecture.sample.clean.config;

import org.hrm.testsupport.architecture.sample.clean.application.Prescribing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sample wiring of the use cases in config. */
@Configuration
public class UseCaseConfiguration {
    @Bean
    Prescribing prescribing() {
        return new Prescribing();
    }
}

package org.hrm.consent.config;

import org.hrm.contracts.ServiceName;
import org.hrm.support.OpsConfiguration;
import org.hrm.support.ServiceIdentity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Heartbeats on the consent heartbeat topic, send counts, actuator health and Prometheus metrics. */
@Configuration(proxyBeanMethods = false)
@Import(OpsConfiguration.class)
class ServiceOpsConfiguration {

    @Bean
    ServiceIdentity serviceIdentity() {
        return ServiceIdentity.of(ServiceName.CONSENT);
    }
}

package org.hrm.gateway.config;

import java.time.Clock;
import org.hrm.gateway.adapter.web.BodyLimitFilter;
import org.hrm.gateway.adapter.web.ProblemResponses;
import org.hrm.gateway.adapter.web.RateLimits;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The body-size filter (before anything reads a body, security included) and the rate limits. */
@Configuration
class WebConfiguration {

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimit(GatewayProperties properties, ProblemResponses problems) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(properties.maxBody().toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    RateLimits rateLimits(GatewayProperties properties, Clock clock) {
        return new RateLimits(
                properties.rateLimit().capacity(), properties.rateLimit().perSecond(), clock);
    }
}

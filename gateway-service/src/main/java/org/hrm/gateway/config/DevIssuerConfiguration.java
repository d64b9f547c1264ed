package org.hrm.gateway.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Profile {@code dev}: the gateway issues and accepts its own development tokens (see {@link DevIssuer}). */
@Configuration
@Profile("dev")
class DevIssuerConfiguration {

    @Bean
    DevIssuer devIssuer(GatewayProperties properties, Clock clock) {
        return new DevIssuer(properties, clock);
    }

    @Bean
    JwtDecoder jwtDecoder(DevIssuer issuer) {
        return issuer.decoder();
    }
}

package org.hrm.gateway.config;

import java.util.List;
import org.hrm.gateway.adapter.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API is an OAuth2 resource server: every {@code /api/**} and {@code /fhir/**} call needs a bearer JWT that is signed by the issuer,
 * unexpired and for this gateway's audience; its roles claim becomes {@code ROLE_*} authorities. Static pages, the
 * API description and the health probes are public (they hold no data); the other actuator endpoints (metrics) are
 * for operators. Sessions and CSRF tokens are not used: the browser sends the
 * bearer token itself, never a cookie.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, GatewayProperties properties, ProblemResponses problems)
            throws Exception {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        // Liveness and readiness probes (kubelet, compose healthchecks) carry no token.
                        .permitAll()
                        // Unlike the other services, the gateway's port faces browsers and hospitals: its metrics
                        // (topics, groups, request rates) are for operators only. Prometheus scrapes with an
                        // operator-role token from the issuer (its scrape config's oauth2 client credentials).
                        .requestMatchers("/actuator/**")
                        .hasRole("operator")
                        .requestMatchers("/api/ops/**")
                        .hasRole("operator")
                        .requestMatchers("/api/**", "/fhir/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(
                                authorities(properties.rolesClaim(), properties.partyClaim())))
                        .authenticationEntryPoint((request, response, failure) -> {
                            bearer.commence(request, response, failure);
                            problems.write(
                                    response,
                                    HttpStatus.UNAUTHORIZED,
                                    "unauthenticated",
                                    "a valid bearer token for this gateway is required: " + failure.getMessage());
                        })
                        .accessDeniedHandler((request, response, denied) -> problems.write(
                                response,
                                HttpStatus.FORBIDDEN,
                                "forbidden",
                                "this role may not call " + request.getRequestURI())));
        return http.build();
    }

    private static JwtAuthenticationConverter authorities(String rolesClaim, String partyClaim) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(rolesClaim);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        converter.setPrincipalClaimName(partyClaim);
        return converter;
    }

    /** Issuer, expiry (with Nimbus's default 60 s skew) and audience: what every token is checked against. */
    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        OAuth2TokenValidator<Jwt> audienceCheck = new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, audiences -> audiences != null && audiences.contains(audience));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audienceCheck);
    }
}

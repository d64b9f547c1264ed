package org.hrm.gateway.adapter.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class TokenRefusalTest extends ApiTestSupport {

    @Test
    void acceptsAValidTokenAndNamesTheCallerBySubject() throws Exception {
        mvc.perform(getAs("patient-alice", "patient", "/api/me"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partyId").value("patient-alice"))
                .andExpect(jsonPath("$.roles[0]").value("patient"));
    }

    @Test
    void refusesARequestWithoutATokenWithProblemDetails() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void healthProbesNeedNoTokenTheOtherActuatorEndpointsAreForOperators() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
        mvc.perform(getAs("patient-alice", "patient", "/actuator/info")).andExpect(status().isForbidden());
        mvc.perform(getAs("ops-olga", "operator", "/actuator/info")).andExpect(status().isOk());
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        String expired =
                token("patient-alice", "patient", AUDIENCE, Instant.now().minus(10, ChronoUnit.MINUTES));

        mvc.perform(get("/api/me").header("Authorization", "Bearer " + expired))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("expired")));
    }

    @Test
    void refusesATokenForAnotherAudience() throws Exception {
        String elsewhere =
                token("patient-alice", "patient", "another-api", Instant.now().plus(1, ChronoUnit.HOURS));

        mvc.perform(get("/api/me").header("Authorization", "Bearer " + elsewhere))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void refusesATokenSignedWithAnotherKey() throws Exception {
        String forged = signedByStranger(JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject("patient-alice")
                .audience(List.of(AUDIENCE))
                .expiresAt(Instant.now().plus(1, ChronoUnit.HOURS))
                .claim("roles", List.of("patient"))
                .build());

        mvc.perform(get("/api/me").header("Authorization", "Bearer " + forged)).andExpect(status().isUnauthorized());
    }

    @Test
    void refusesATokenFromAnotherIssuer() throws Exception {
        String foreign = issuer.sign(JwtClaimsSet.builder()
                .issuer("https://someone-else.example")
                .subject("patient-alice")
                .audience(List.of(AUDIENCE))
                .expiresAt(Instant.now().plus(1, ChronoUnit.HOURS))
                .claim("roles", List.of("patient"))
                .build());

        mvc.perform(get("/api/me").header("Authorization", "Bearer " + foreign)).andExpect(status().isUnauthorized());
    }

    @Test
    void refusesAGarbledToken() throws Exception {
        mvc.perform(get("/api/me").header("Authorization", "Bearer not.a.jwt"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static String signedByStranger(JwtClaimsSet claims) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID("stranger")
                .build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }
}

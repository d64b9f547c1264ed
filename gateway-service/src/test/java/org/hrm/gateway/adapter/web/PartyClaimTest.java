package org.hrm.gateway.adapter.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.test.context.TestPropertySource;

/** A provider whose subject is an opaque user id (Keycloak) names the party in a claim of its own. */
@TestPropertySource(properties = "hrm.gateway.party-claim=party_id")
class PartyClaimTest extends ApiTestSupport {

    @Test
    void thePartyComesFromTheConfiguredClaimNotTheSubject() throws Exception {
        String token = issuer.sign(claims().claim("party_id", "patient-alice").build());

        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partyId").value("patient-alice"));
        mvc.perform(get("/api/owners/patient-alice/records").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
    }

    @Test
    void aTokenWithoutThePartyClaimIsRefused() throws Exception {
        String token = issuer.sign(claims().build());

        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    private static JwtClaimsSet.Builder claims() {
        return JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject("5f1c7a52-0d5e-4c1e-9a53-2f4a3c1b0e77")
                .audience(List.of(AUDIENCE))
                .expiresAt(Instant.now().plus(1, ChronoUnit.HOURS))
                .claim("roles", List.of("patient"));
    }
}

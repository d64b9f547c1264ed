package org.hrm.gateway.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import org.hrm.gateway.config.GatewayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "hrm.gateway.portal.oidc-authority=https://idp.example/realms/hrm")
class PortalConfigTest extends ApiTestSupport {

    @Test
    void theLoginPageLearnsTheProviderAndTheDevelopmentLoginWithoutAToken() throws Exception {
        mvc.perform(get("/portal-config.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.devLogin").value(true))
                .andExpect(jsonPath("$.rolesClaim").value("roles"))
                .andExpect(jsonPath("$.partyClaim").value("sub"))
                .andExpect(jsonPath("$.oidc.authority").value("https://idp.example/realms/hrm"))
                .andExpect(jsonPath("$.oidc.clientId").value("hrm-portal"))
                .andExpect(jsonPath("$.oidc.scope").value("openid"))
                .andExpect(jsonPath("$.oidc.clientSecret").doesNotExist());
    }

    @Test
    void withoutAProviderOrTheDevProfileTheLoginPageOffersNeither() {
        GatewayProperties properties = new GatewayProperties(
                "hrm-gateway",
                "roles",
                "sub",
                null,
                null,
                null,
                "",
                "",
                new GatewayProperties.Dev("urn:hrm:dev-issuer", null, List.of()),
                new GatewayProperties.Portal("", "hrm-portal", "openid"),
                new GatewayProperties.Attestation("", "gateway-1"),
                "",
                null);

        assertThat(new PortalConfigController(properties, Optional.empty()).config())
                .containsEntry("devLogin", false)
                .doesNotContainKey("oidc");
    }
}

package org.hrm.gateway.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

class OpenApiTest extends ApiTestSupport {

    @Test
    void theApiDescriptionListsEveryEndpoint() throws Exception {
        String description = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(description)
                .contains(
                        "\"/api/records\"",
                        "\"/api/records/{recordId}\"",
                        "\"/api/owners/{ownerId}/records\"",
                        "\"/api/records/{recordId}/fetch\"",
                        "\"/api/access-requests/{requestId}\"",
                        "\"/api/grants\"",
                        "\"/api/grants/{grantId}/revocation\"",
                        "\"/api/owners/{ownerId}/grants\"",
                        "\"/api/shared-with-me\"",
                        "\"/api/owners/{ownerId}/grantees\"",
                        "\"/api/parties\"",
                        "\"/api/parties/{partyId}\"",
                        "\"/api/owners/{ownerId}/erasures\"",
                        "\"/api/erasures/{requestId}\"",
                        "\"/api/erasures/{requestId}/receipt\"",
                        "\"/api/owners/{ownerId}/access-history\"",
                        "\"/api/owners/{ownerId}/access-history/export\"",
                        "\"/api/ops/overview\"",
                        "\"/api/me\"",
                        "\"/fhir/Consent\"",
                        "\"/fhir/AuditEvent\"",
                        "bearer");
        assertThat(description)
                .as("request bodies are the contract events")
                .contains(
                        "#/components/schemas/RecordSubmitted",
                        "#/components/schemas/ConsentGranted",
                        "#/components/schemas/ConsentRevoked",
                        "#/components/schemas/PartyRegistered",
                        "#/components/schemas/ErasureBody");
    }
}

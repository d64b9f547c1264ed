package org.hrm.gateway.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.DestroyedKey;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.gateway.adapter.kafka.ErasureMapping;
import org.junit.jupiter.api.Test;

/** The owner gets the vault's signed erasure receipt exactly as the vault wrote it, never encoded again. */
class ErasureReceiptApiTest extends ApiTestSupport {

    @Test
    void theReceiptIsHandedOutAsTheVaultWroteItByteForByte() throws Exception {
        String owner = unique("patient-erasing");
        String requestId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-12-06T10:00:00.123456789Z");
        views.erasures()
                .requested(ErasureMapping.request(
                        new ErasureRequested(requestId, Domain.PATIENT, owner, null, at, null, null)));
        String encoded = new String(
                codec.encode(new ErasureReceipt(
                        requestId,
                        Domain.PATIENT,
                        owner,
                        List.of(UUID.randomUUID().toString()),
                        List.of(new DestroyedKey("record", "key-1", null, 1)),
                        at,
                        "0xcontract",
                        List.of(),
                        at,
                        new byte[64])),
                StandardCharsets.UTF_8);
        // A field this gateway does not know (an additive change) and spacing a re-encoding would not keep.
        byte[] written = ("{ \"addedLater\" : true,  " + encoded.substring(1)).getBytes(StandardCharsets.UTF_8);
        views.erasures().receipt(ErasureMapping.receipt(codec, written));

        byte[] downloaded = mvc.perform(getAs(owner, "patient", "/api/erasures/" + requestId + "/receipt"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(downloaded).isEqualTo(written);
        mvc.perform(getAs(owner, "patient", "/api/erasures/" + requestId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authorizedBy").value("unsigned"))
                .andExpect(jsonPath("$.receipt.addedLater").value(true))
                .andExpect(jsonPath("$.receipt.requestId").value(requestId));
    }
}

package org.hrm.gateway.adapter.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class BadRequestsTest extends ApiTestSupport {

    @Test
    void malformedJsonIsABadRequestWithProblemDetails() throws Exception {
        mvc.perform(postAs("hospital-a", "system", "/api/records", "{\"recordId\": ".getBytes(UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("malformed RecordSubmitted JSON")));
    }

    @Test
    void anUnknownFieldIsNamedInTheProblem() throws Exception {
        String json = new String(codec.encode(submission("patient-alice", "hospital-a")), UTF_8)
                .replaceFirst("\\{", "{\"plaintext\":\"oops\",");

        mvc.perform(postAs("hospital-a", "system", "/api/records", json.getBytes(UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("unknown field 'plaintext' in RecordSubmitted"));
    }

    @Test
    void aMissingRequiredFieldSaysWhich() throws Exception {
        String json = new String(codec.encode(submission("patient-alice", "hospital-a")), UTF_8)
                .replaceFirst("\"ownerId\":\"patient-alice\",", "");

        mvc.perform(postAs("hospital-a", "system", "/api/records", json.getBytes(UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("ownerId")));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        byte[] huge = new byte[5 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');

        mvc.perform(postAs("hospital-a", "system", "/api/records", huge))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("limit is 4096 bytes")));
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() throws Exception {
        mvc.perform(postAs("hospital-a", "system", "/api/records", "x".getBytes(UTF_8))
                        .contentType(MediaType.TEXT_PLAIN))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnknownRecordIsNotFound() throws Exception {
        mvc.perform(getAs("patient-alice", "patient", "/api/records/" + java.util.UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("not found"));
    }
}

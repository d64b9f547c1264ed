package org.hrm.gateway.adapter.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.GrantShare;
import org.hrm.contracts.events.RecordSubmitted;
import org.junit.jupiter.api.Test;

class AuthorisationRulesTest extends ApiTestSupport {

    @Test
    void aPatientCannotListAnotherPatientsRecordsOrHistory() throws Exception {
        committedRecord("patient-bob", "hospital-a");

        mvc.perform(getAs("patient-alice", "patient", "/api/owners/patient-bob/records"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("patient-alice may not read owner data for patient-bob"));
        mvc.perform(getAs("patient-alice", "patient", "/api/owners/patient-bob/access-history"))
                .andExpect(status().isForbidden());
        mvc.perform(getAs("patient-alice", "patient", "/api/owners/patient-bob/access-history/export"))
                .andExpect(status().isForbidden());
        mvc.perform(getAs("patient-alice", "patient", "/api/owners/patient-bob/grants"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPatientCannotReadTheStatusOfAnotherPatientsRecord() throws Exception {
        RecordSubmitted bobs = committedRecord("patient-bob", "hospital-a");

        mvc.perform(getAs("patient-alice", "patient", "/api/records/" + bobs.recordId()))
                .andExpect(status().isForbidden());
        mvc.perform(getAs("patient-bob", "patient", "/api/records/" + bobs.recordId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("committed"))
                .andExpect(jsonPath("$.transactionHash").value("0xabc"))
                .andExpect(jsonPath("$.transactionLink").value("https://explorer.example/tx/0xabc"));
    }

    @Test
    void aPatientCannotGrantForAnotherPatient() throws Exception {
        RecordSubmitted bobs = committedRecord("patient-bob", "hospital-a");

        mvc.perform(postAs("patient-alice", "patient", "/api/grants", grant("patient-bob", bobs.recordId())))
                .andExpect(status().isForbidden());

        assertThat(platform.sent(ConsentGranted.class))
                .noneMatch(g -> g.ownerId().equals("patient-bob"));
    }

    @Test
    void aPatientCannotGrantRecordsOfAnotherOwnerUnderTheirOwnName() throws Exception {
        RecordSubmitted bobs = committedRecord("patient-bob", "hospital-a");

        mvc.perform(postAs("patient-alice", "patient", "/api/grants", grant("patient-alice", bobs.recordId())))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOwnerGrantsAndRevokesTheirOwnRecords() throws Exception {
        RecordSubmitted alices = committedRecord("patient-alice", "hospital-a");
        byte[] grant = grant("patient-alice", alices.recordId());
        String grantId = codec.decode(grant, ConsentGranted.class).grantId();

        mvc.perform(postAs("patient-alice", "patient", "/api/grants", grant)).andExpect(status().isAccepted());
        mvc.perform(postAs(
                        "patient-alice",
                        "patient",
                        "/api/grants/" + grantId + "/revocation",
                        codec.encode(new ConsentRevoked(
                                grantId, Domain.PATIENT, "patient-alice", Instant.now(), new byte[64]))))
                .andExpect(status().isAccepted());

        assertThat(platform.sent(ConsentGranted.class))
                .anyMatch(g -> g.grantId().equals(grantId));
        assertThat(platform.sent(ConsentRevoked.class))
                .anyMatch(r -> r.grantId().equals(grantId));
    }

    @Test
    void aPractitionerCannotGrantEvenTheirOwnRecords() throws Exception {
        RecordSubmitted own = committedRecord("dr-chen", "dr-chen");

        mvc.perform(postAs("dr-chen", "practitioner", "/api/grants", grant("dr-chen", own.recordId())))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("forbidden"));
    }

    @Test
    void aPatientCannotEraseForAnotherPatient() throws Exception {
        RecordSubmitted bobs = committedRecord("patient-bob", "hospital-a");

        mvc.perform(postAs(
                        "patient-alice",
                        "patient",
                        "/api/owners/patient-bob/erasures",
                        ("{\"domain\":\"PATIENT\",\"recordId\":\"" + bobs.recordId() + "\"}").getBytes(UTF_8)))
                .andExpect(status().isForbidden());
        mvc.perform(postAs(
                        "patient-alice",
                        "patient",
                        "/api/owners/patient-alice/erasures",
                        ("{\"domain\":\"PATIENT\",\"recordId\":\"" + bobs.recordId() + "\"}").getBytes(UTF_8)))
                .andExpect(status().isForbidden());

        assertThat(platform.sent(ErasureRequested.class))
                .noneMatch(e -> bobs.recordId().equals(e.recordId()));
    }

    @Test
    void aSystemCannotErase() throws Exception {
        mvc.perform(postAs(
                        "hospital-a",
                        "system",
                        "/api/owners/hospital-a/erasures",
                        "{\"domain\":\"PATIENT\"}".getBytes(UTF_8)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOwnerErasesAllRecordsAndFollowsTheRequest() throws Exception {
        String location = mvc.perform(postAs(
                        "patient-alice",
                        "patient",
                        "/api/owners/patient-alice/erasures",
                        "{\"domain\":\"PATIENT\"}".getBytes(UTF_8)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.stage").value("requested"))
                .andReturn()
                .getResponse()
                .getHeader("Location");

        mvc.perform(getAs("patient-alice", "patient", location)).andExpect(status().isOk());
        mvc.perform(getAs("patient-bob", "patient", location)).andExpect(status().isForbidden());
    }

    @Test
    void anOperatorSeesOpsOnlyAndNobodyElseDoes() throws Exception {
        committedRecord("patient-alice", "hospital-a");

        mvc.perform(getAs("ops-olga", "operator", "/api/ops/overview"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.chain.headBlock").value(42))
                .andExpect(jsonPath("$.services[0].service").value("ledger-writer"))
                .andExpect(jsonPath("$.services[0].ledger.chainHead").value(42))
                .andExpect(jsonPath("$.services[0].ledger.lanes[0].nextNonce").value(7))
                .andExpect(jsonPath("$.services[0].deadLettersByReason['oversized event']")
                        .value(1));
        mvc.perform(getAs("ops-olga", "operator", "/api/owners/patient-alice/records"))
                .andExpect(status().isForbidden());
        mvc.perform(getAs("patient-alice", "patient", "/api/ops/overview")).andExpect(status().isForbidden());
    }

    @Test
    void aSystemSubmitsOnlyAsTheAuthorAndTheSubmissionIsAudited() throws Exception {
        RecordSubmitted record = submission("patient-alice", "hospital-a");

        mvc.perform(postAs("hospital-b", "system", "/api/records", codec.encode(record)))
                .andExpect(status().isForbidden());
        mvc.perform(postAs("hospital-a", "system", "/api/records", codec.encode(record)))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/records/" + record.recordId()))
                .andExpect(jsonPath("$.status").value("pending"));

        assertThat(platform.sent(RecordSubmitted.class))
                .extracting(RecordSubmitted::recordId)
                .contains(record.recordId());
        assertThat(platform.sent(AuditEvent.class))
                .anyMatch(event -> "patient-alice".equals(event.patientId())
                        && event.entity().stream().anyMatch(e -> e.what().equals(record.recordId()))
                        && event.agent().get(0).who().equals("hospital-a"));
    }

    @Test
    void expensiveEndpointsAreRateLimitedPerSubject() throws Exception {
        String system = unique("hospital");
        for (int i = 0; i < 3; i++) {
            mvc.perform(postAs(system, "system", "/api/records", codec.encode(submission("patient-alice", system))))
                    .andExpect(status().isAccepted());
        }

        mvc.perform(postAs(system, "system", "/api/records", codec.encode(submission("patient-alice", system))))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.status").value(429));
        String another = unique("hospital");
        mvc.perform(postAs(another, "system", "/api/records", codec.encode(submission("patient-alice", another))))
                .andExpect(status().isAccepted());
    }

    private byte[] grant(String ownerId, String recordId) {
        Instant now = Instant.now();
        return codec.encode(new ConsentGranted(
                UUID.randomUUID().toString(),
                Domain.PATIENT,
                ownerId,
                "dr-grantee",
                GrantScope.records(List.of(recordId)),
                "TREAT",
                now,
                now.plusSeconds(3600),
                List.of(new GrantShare(recordId, new byte[] {9})),
                now,
                new byte[64]));
    }
}

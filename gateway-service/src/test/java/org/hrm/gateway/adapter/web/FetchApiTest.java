package org.hrm.gateway.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordReleaseDenied;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.gateway.adapter.RecordMapping;
import org.hrm.gateway.adapter.kafka.ReleaseMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FetchApiTest extends ApiTestSupport {

    @AfterEach
    void silenceTheVault() {
        platform.vault = request -> {};
    }

    @Test
    void aReleaseAnswers200WithTheOwnerAndTheAuthorsProvenance() throws Exception {
        RecordSubmitted record = committedRecord("patient-alice", "hospital-a");
        platform.vault = this::release;

        mvc.perform(postAs("dr-fetch-1", "practitioner", "/api/records/" + record.recordId() + "/fetch", new byte[0]))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value("patient-alice"))
                .andExpect(jsonPath("$.released.recordId").value(record.recordId()))
                .andExpect(jsonPath("$.released.share.readerId").value("dr-fetch-1"))
                .andExpect(jsonPath("$.provenance.authorId").value("hospital-a"))
                .andExpect(jsonPath("$.provenance.shares.length()").value(2));
    }

    @Test
    void theReleaseIsHandedOutAsTheVaultWroteItByteForByte() throws Exception {
        RecordSubmitted record = committedRecord("patient-alice", "hospital-a");
        byte[][] written = new byte[1][];
        platform.vault = request -> {
            String encoded = new String(
                    codec.encode(new RecordReleased(
                            request.requestId(),
                            request.recordId(),
                            request.domain(),
                            request.requesterId(),
                            new byte[RecordReleased.ENC_BYTES + 16 + 30],
                            new KeyShare(request.requesterId(), new byte[] {3}),
                            Instant.parse("2026-12-06T10:00:00.123456789Z"))),
                    StandardCharsets.UTF_8);
            // A field this gateway does not know (an additive change) and spacing a re-encoding would not keep.
            written[0] = ("{ \"addedLater\" : [1, 2],  " + encoded.substring(1)).getBytes(StandardCharsets.UTF_8);
            views.answers().released(ReleaseMapping.release(codec, written[0]));
        };

        String body = mvc.perform(postAs(
                        "dr-fetch-6", "practitioner", "/api/records/" + record.recordId() + "/fetch", new byte[0]))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).contains("\"released\":" + new String(written[0], StandardCharsets.UTF_8) + ",");
    }

    @Test
    void aRecordWhoseSubmissionTheViewLacksIsFetchedWithTheProvenanceTheReleaseCarries() throws Exception {
        // A restarted gateway after record-submitted dropped the submission: only the seal is left in its view.
        RecordSubmitted record = submission("patient-carol", "hospital-b");
        views.records().sealed(RecordMapping.seal(sealedAs(record)));
        platform.vault = request -> release(request, record);

        mvc.perform(postAs("dr-fetch-5", "practitioner", "/api/records/" + record.recordId() + "/fetch", new byte[0]))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value("patient-carol"))
                .andExpect(jsonPath("$.provenance.authorId").value("hospital-b"))
                .andExpect(jsonPath("$.provenance.shares.length()").value(2))
                .andExpect(jsonPath("$.provenance.shares[0].readerId").value("patient-carol"));
    }

    @Test
    void aDenialAnswers403WithTheReason() throws Exception {
        RecordSubmitted record = committedRecord("patient-alice", "hospital-a");
        platform.vault = request -> deny(request, "no standing grant");

        mvc.perform(postAs("dr-fetch-2", "practitioner", "/api/records/" + record.recordId() + "/fetch", new byte[0]))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("no standing grant"));
    }

    @Test
    void anErasedRecordAnswers410Gone() throws Exception {
        RecordSubmitted record = committedRecord("patient-alice", "hospital-a");
        platform.vault = request -> deny(request, "record erased");

        mvc.perform(postAs("patient-alice", "patient", "/api/records/" + record.recordId() + "/fetch", new byte[0]))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.detail").value("record erased"));
    }

    @Test
    void aSlowVaultAnswers202AndTheRequesterAloneCanPoll() throws Exception {
        RecordSubmitted record = committedRecord("patient-alice", "hospital-a");
        AtomicReference<AccessRequested> asked = new AtomicReference<>();
        platform.vault = asked::set;

        String location = mvc.perform(postAs(
                        "dr-fetch-3", "practitioner", "/api/records/" + record.recordId() + "/fetch", new byte[0]))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        mvc.perform(getAs("dr-fetch-3", "practitioner", location)).andExpect(status().isAccepted());
        release(asked.get());

        mvc.perform(getAs("dr-someone-else", "practitioner", location)).andExpect(status().isNotFound());
        mvc.perform(getAs("dr-fetch-3", "practitioner", location))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value("patient-alice"));
        mvc.perform(getAs("dr-fetch-3", "practitioner", location)).andExpect(status().isNotFound());
    }

    @Test
    void aReleaseNamingAnotherRecordOrRequesterIsNotHandedOut() throws Exception {
        RecordSubmitted record = committedRecord("patient-alice", "hospital-a");
        AtomicReference<AccessRequested> asked = new AtomicReference<>();
        platform.vault = asked::set;
        String location = mvc.perform(postAs(
                        "dr-fetch-4", "practitioner", "/api/records/" + record.recordId() + "/fetch", new byte[0]))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        AccessRequested request = asked.get();

        release(new AccessRequested(
                request.requestId(),
                committedRecord("patient-bob", "hospital-a").recordId(),
                request.domain(),
                request.requesterId(),
                request.purpose(),
                null,
                request.requestedAt()));
        release(new AccessRequested(
                request.requestId(),
                request.recordId(),
                request.domain(),
                "dr-mallory",
                request.purpose(),
                null,
                request.requestedAt()));

        mvc.perform(getAs("dr-fetch-4", "practitioner", location)).andExpect(status().isAccepted());
    }

    @Test
    void anOperatorCannotFetch() throws Exception {
        RecordSubmitted record = committedRecord("patient-alice", "hospital-a");

        mvc.perform(postAs("ops-olga", "operator", "/api/records/" + record.recordId() + "/fetch", new byte[0]))
                .andExpect(status().isForbidden());
    }

    /** The vault's release for {@code request}, carrying {@code provenance}'s provenance (none if null). */
    private void release(AccessRequested request, RecordSubmitted provenance) {
        boolean carried = provenance != null;
        released(new RecordReleased(
                request.requestId(),
                request.recordId(),
                request.domain(),
                request.requesterId(),
                new byte[RecordReleased.ENC_BYTES + 16 + 30],
                new KeyShare(request.requesterId(), new byte[] {3}),
                Instant.now(),
                carried ? provenance.ownerId() : null,
                carried ? provenance.authorId() : null,
                carried ? provenance.shares() : null,
                carried ? provenance.authorSignature() : null,
                carried ? provenance.category() : null));
    }

    private void deny(AccessRequested request, String reason) {
        ReleaseMapping.denied(
                views.answers(),
                new RecordReleaseDenied(
                        request.requestId(),
                        request.recordId(),
                        request.domain(),
                        request.requesterId(),
                        reason,
                        Instant.now()));
    }
}

package org.hrm.gateway.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.crypto.P256KeyPair;
import org.hrm.gateway.adapter.kafka.DirectoryMapping;
import org.hrm.gateway.application.Attester;
import org.hrm.gateway.domain.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The gateway serves an author's earlier keys and how each ended, so the portal can judge a rotated author's records. */
class AuthorKeyHistoryApiTest extends ApiTestSupport {
    @Autowired
    Attester attester;

    private final P256KeyPair lostKey = P256KeyPair.generate();
    private final P256KeyPair newKey = P256KeyPair.generate();

    @AfterEach
    void silenceTheVault() {
        platform.vault = request -> {};
    }

    @Test
    void aFetchCarriesTheAuthorsEarlierKeysAndTheSealingTime() throws Exception {
        String hospital = registeredThenReportedLost();
        RecordSubmitted record = committedRecord("patient-alice", hospital);
        platform.vault = this::release;

        mvc.perform(postAs("dr-history-1", "practitioner", "/api/records/" + record.recordId() + "/fetch", new byte[0]))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provenance.authorPublicKey").value(base64(newKey.publicKey())))
                .andExpect(jsonPath("$.provenance.authorRetiredKeys.length()").value(1))
                .andExpect(
                        jsonPath("$.provenance.authorRetiredKeys[0].publicKey").value(base64(lostKey.publicKey())))
                .andExpect(jsonPath("$.provenance.authorRetiredKeys[0].ended").value("REPORTED_LOST"))
                .andExpect(
                        jsonPath("$.provenance.authorRetiredKeys[0].retiredAt").isString())
                .andExpect(jsonPath("$.provenance.sealedAt").value("2026-11-25T10:00:01Z"));
    }

    @Test
    void thePartyEndpointShowsTheKeyHistory() throws Exception {
        String hospital = registeredThenReportedLost();

        mvc.perform(getAs("dr-history-2", "practitioner", "/api/parties/" + hospital))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.publicKey").value(base64(newKey.publicKey())))
                .andExpect(jsonPath("$.retiredKeys[0].publicKey").value(base64(lostKey.publicKey())))
                .andExpect(jsonPath("$.retiredKeys[0].ended").value("REPORTED_LOST"));
    }

    /** A hospital registered with one key that it then replaced through the lost-key path (attested rotation). */
    private String registeredThenReportedLost() {
        String hospital = "hospital-rotating-" + UUID.randomUUID();
        Caller caller = new Caller(hospital, Set.of());
        Instant now = Instant.now();
        PartyRegistered draft =
                new PartyRegistered(hospital, PartyKind.SYSTEM, lostKey.publicKey(), null, now, null, null, null);
        assertThat(views.directory()
                        .registered(DirectoryMapping.registration(attester.register(caller, draft.provenBy(lostKey)))))
                .isEmpty();
        PartyKeyRotated rotation = PartyKeyRotated.draft(hospital, lostKey.publicKey(), newKey.publicKey(), now)
                .provenBy(newKey);
        assertThat(views.directory().rotated(DirectoryMapping.rotation(attester.rotate(caller, rotation))))
                .isEmpty();
        return hospital;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}

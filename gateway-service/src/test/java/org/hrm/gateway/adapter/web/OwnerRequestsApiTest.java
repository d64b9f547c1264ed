package org.hrm.gateway.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.crypto.P256KeyPair;
import org.hrm.gateway.adapter.kafka.DirectoryMapping;
import org.hrm.gateway.application.Attester;
import org.hrm.gateway.domain.Caller;
import org.hrm.gateway.domain.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The owner's own signed requests through the gateway, as the portal makes them in the browser: an erasure signed by
 * the owner's current key is published as signed (no attestation), anything else is refused before it is published;
 * a key rotation is published and its outcome in the directory can be followed.
 */
class OwnerRequestsApiTest extends ApiTestSupport {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Attester attester;

    @Test
    void publishesTheErasureTheOwnerSignedAsSignedAndSaysSo() throws Exception {
        String owner = unique("patient");
        P256KeyPair key = registered(owner);
        RecordSubmitted record = committedRecord(owner, "hospital-a");
        ErasureRequested signed =
                erasure(owner, record.recordId(), Instant.now()).signedBy(key);

        mvc.perform(postAs(owner, "patient", "/api/owners/" + owner + "/erasures", body(signed)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.requestId").value(signed.requestId()))
                .andExpect(jsonPath("$.authorizedBy").value("owner-signature"));

        ErasureRequested published = sentErasure(signed.requestId());
        assertThat(published.attestation()).isNull();
        assertThat(published.signedBy(key.publicKey())).isTrue();
    }

    @Test
    void refusesASignedErasureTheOwnersCurrentKeyDidNotSignOrThatIsStale() throws Exception {
        String owner = unique("patient");
        P256KeyPair key = registered(owner);
        RecordSubmitted record = committedRecord(owner, "hospital-a");
        ErasureRequested otherKey =
                erasure(owner, record.recordId(), Instant.now()).signedBy(P256KeyPair.generate());
        ErasureRequested stale = erasure(owner, record.recordId(), Instant.now().minus(10, ChronoUnit.MINUTES))
                .signedBy(key);
        ErasureRequested widened = new ErasureRequested(
                UUID.randomUUID().toString(), record.domain(), owner, null, Instant.now(), null, null);
        ErasureRequested widenedSigned = new ErasureRequested(
                widened.requestId(),
                widened.domain(),
                owner,
                record.recordId(),
                widened.requestedAt(),
                widened.signedBy(key).ownerSignature(),
                null);

        mvc.perform(postAs(owner, "patient", "/api/owners/" + owner + "/erasures", body(otherKey)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("current key")));
        mvc.perform(postAs(owner, "patient", "/api/owners/" + owner + "/erasures", body(stale)))
                .andExpect(status().isBadRequest());
        mvc.perform(postAs(owner, "patient", "/api/owners/" + owner + "/erasures", body(widenedSigned)))
                .andExpect(status().isBadRequest());

        assertThat(platform.sent(ErasureRequested.class))
                .noneMatch(e -> e.ownerId().equals(owner));
    }

    @Test
    void anUnsignedErasureIsAttestedForTheOwnerAndSaysSo() throws Exception {
        String owner = unique("patient");
        RecordSubmitted record = committedRecord(owner, "hospital-a");
        String body = "{\"domain\":\"PATIENT\",\"recordId\":\"" + record.recordId() + "\"}";

        String requestId = JSON.readTree(mvc.perform(postAs(
                                owner,
                                "patient",
                                "/api/owners/" + owner + "/erasures",
                                body.getBytes(StandardCharsets.UTF_8)))
                        .andExpect(status().isAccepted())
                        .andExpect(jsonPath("$.authorizedBy").value("gateway-attestation"))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray())
                .get("requestId")
                .asString();

        assertThat(sentErasure(requestId).attestation()).isNotNull();
    }

    @Test
    void publishesTheRotationTheOldKeySignedAndReportsItsOutcomeOnceTheDirectoryAppliesIt() throws Exception {
        String owner = unique("patient");
        P256KeyPair old = registered(owner);
        P256KeyPair next = P256KeyPair.generate();
        PartyKeyRotated rotation = PartyKeyRotated.rotate(owner, old, next, Instant.now());

        String location = mvc.perform(
                        postAs(owner, "patient", "/api/parties/" + owner + "/key-rotations", codec.encode(rotation)))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader("Location");

        assertThat(location)
                .isEqualTo("/api/parties/" + owner + "/key-rotations/"
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(next.publicKey()));
        mvc.perform(getAs(owner, "patient", location))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("pending"));
        mvc.perform(getAs(unique("mallory"), "patient", location)).andExpect(status().isForbidden());
        views.directory()
                .rotated(DirectoryMapping.rotation(platform.sent(PartyKeyRotated.class).stream()
                        .filter(sent -> sent.partyId().equals(owner))
                        .findFirst()
                        .orElseThrow()));
        mvc.perform(getAs(owner, "patient", location))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("accepted"));
    }

    @Test
    void refusesARotationThatDoesNotReplaceTheCurrentKeyAndReportsARefusedOneWithItsReason() throws Exception {
        String owner = unique("patient");
        P256KeyPair current = registered(owner);
        P256KeyPair stranger = P256KeyPair.generate();
        P256KeyPair next = P256KeyPair.generate();
        PartyKeyRotated stale = PartyKeyRotated.rotate(owner, stranger, next, Instant.now());

        mvc.perform(postAs(owner, "patient", "/api/parties/" + owner + "/key-rotations", codec.encode(stale)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not its current key")));
        assertThat(platform.sent(PartyKeyRotated.class))
                .noneMatch(sent -> sent.partyId().equals(owner));

        // Written on the topic by someone else: unproven, the directory refuses it and the owner sees why.
        PartyKeyRotated forged =
                new PartyKeyRotated(owner, current.publicKey(), next.publicKey(), Instant.now(), null, null, null);
        views.directory().rotated(DirectoryMapping.rotation(forged));
        mvc.perform(getAs(
                        owner,
                        "patient",
                        "/api/parties/" + owner + "/key-rotations/"
                                + Base64.getUrlEncoder().withoutPadding().encodeToString(next.publicKey())))
                .andExpect(jsonPath("$.status").value("refused"))
                .andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("proof of possession")));
    }

    /** A patient registered in the gateway's directory the v2 way (attested); its key. */
    private P256KeyPair registered(String partyId) {
        P256KeyPair key = P256KeyPair.generate();
        PartyRegistered proven = new PartyRegistered(
                        partyId,
                        PartyKind.PATIENT,
                        key.publicKey(),
                        null,
                        Instant.now().minus(1, ChronoUnit.MINUTES),
                        null,
                        null,
                        null)
                .provenBy(key);
        assertThat(views.directory()
                        .registered(DirectoryMapping.registration(
                                attester.register(new Caller(partyId, Set.of(Role.PATIENT)), proven))))
                .isEmpty();
        return key;
    }

    private static ErasureRequested erasure(String owner, String recordId, Instant at) {
        return new ErasureRequested(
                UUID.randomUUID().toString(), org.hrm.contracts.Domain.PATIENT, owner, recordId, at, null, null);
    }

    /** The body the portal posts for an owner-signed erasure. */
    private static byte[] body(ErasureRequested signed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("domain", signed.domain().name());
        if (signed.recordId() != null) {
            body.put("recordId", signed.recordId());
        }
        body.put("requestId", signed.requestId());
        body.put("requestedAt", signed.requestedAt().toString());
        body.put("ownerSignature", Base64.getEncoder().encodeToString(signed.ownerSignature()));
        return JSON.writeValueAsBytes(body);
    }

    private ErasureRequested sentErasure(String requestId) {
        return platform.sent(ErasureRequested.class).stream()
                .filter(e -> e.requestId().equals(requestId))
                .findFirst()
                .orElseThrow();
    }
}

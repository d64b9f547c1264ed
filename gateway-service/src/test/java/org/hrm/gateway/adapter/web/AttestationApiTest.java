package org.hrm.gateway.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.authority.AttestationRule;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.crypto.P256KeyPair;
import org.hrm.gateway.application.Attester;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The gateway attests a statement only for the caller it names, and only over a key the statement proves. */
class AttestationApiTest extends ApiTestSupport {
    @Autowired
    Attester attester;

    @Test
    void registersItsCallerWithAnAttestationThatConsumersAccept() throws Exception {
        String patient = unique("patient");
        PartyRegistered proven = proven(patient, P256KeyPair.generate());

        mvc.perform(postAs(patient, "patient", "/api/parties", codec.encode(proven)))
                .andExpect(status().isAccepted());

        PartyRegistered published = platform.sent(PartyRegistered.class).stream()
                .filter(event -> event.partyId().equals(patient))
                .findFirst()
                .orElseThrow();
        assertThat(AttestationRule.refusal(
                        published.attestation(),
                        trusted(),
                        patient,
                        Attestation.REGISTER,
                        published.signedBytes(),
                        published.registeredAt()))
                .isEmpty();
    }

    @Test
    void refusesToAttestARegistrationForAnotherParty() throws Exception {
        String victim = unique("patient");
        PartyRegistered squat = proven(victim, P256KeyPair.generate());

        mvc.perform(postAs(unique("mallory"), "patient", "/api/parties", codec.encode(squat)))
                .andExpect(status().isForbidden());
        mvc.perform(postAs(unique("mallory"), "patient", "/api/attestations/register", codec.encode(squat)))
                .andExpect(status().isForbidden());

        assertThat(platform.sent(PartyRegistered.class))
                .noneMatch(event -> event.partyId().equals(victim));
    }

    @Test
    void refusesToAttestAKeyTheRegistrantDoesNotProve() throws Exception {
        String patient = unique("patient");
        PartyRegistered unproven = new PartyRegistered(
                patient, PartyKind.PATIENT, P256KeyPair.generate().publicKey(), null, Instant.now(), null, null, null);

        mvc.perform(postAs(patient, "patient", "/api/attestations/register", codec.encode(unproven)))
                .andExpect(status().isForbidden());
    }

    @Test
    void attestsTheCallersOwnRegistrationForAClientThatPublishesIt() throws Exception {
        String patient = unique("patient");
        PartyRegistered proven = proven(patient, P256KeyPair.generate());

        byte[] body = mvc.perform(postAs(patient, "patient", "/api/attestations/register", codec.encode(proven)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        Attestation attestation = codec.decode(body, Attestation.class);
        assertThat(attestation.subjectId()).isEqualTo(patient);
        assertThat(AttestationRule.refusal(
                        attestation,
                        trusted(),
                        patient,
                        Attestation.REGISTER,
                        proven.signedBytes(),
                        proven.registeredAt()))
                .isEmpty();
    }

    @Test
    void publishesItsAttestationKey() throws Exception {
        byte[] body = mvc.perform(getAs("patient-alice", "patient", "/api/attestation-keys"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(new String(body)).contains(Base64.getEncoder().encodeToString(attester.publicKey()));
    }

    @Test
    void anAccessRequestThroughTheGatewayCarriesTheAttestationOfItsCaller() {
        AccessRequested request = new AccessRequested(
                "11111111-1111-1111-1111-111111111111",
                "22222222-2222-2222-2222-222222222222",
                org.hrm.contracts.Domain.PATIENT,
                "dr-a",
                "TREAT",
                null,
                Instant.now(),
                null,
                null);
        org.hrm.gateway.domain.Caller caller =
                new org.hrm.gateway.domain.Caller("dr-a", java.util.Set.of(org.hrm.gateway.domain.Role.PRACTITIONER));

        AccessRequested attested = request.withAttestation(attester.attest(
                caller, request.requesterId(), Attestation.ACCESS, request.signedBytes(), Attestation::issue));

        assertThat(new org.hrm.contracts.authority.RequestRules(trusted()).accessRefusal(attested, null))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> attester.attest(
                        new org.hrm.gateway.domain.Caller("dr-b", java.util.Set.of()),
                        request.requesterId(),
                        Attestation.ACCESS,
                        request.signedBytes(),
                        Attestation::issue))
                .hasMessageContaining("not dr-a");
    }

    private AttestationKeys trusted() {
        return AttestationKeys.of(Map.of(attester.keyId(), attester.publicKey()));
    }

    private static PartyRegistered proven(String partyId, P256KeyPair key) {
        return new PartyRegistered(partyId, PartyKind.PATIENT, key.publicKey(), null, Instant.now(), null, null, null)
                .provenBy(key);
    }
}

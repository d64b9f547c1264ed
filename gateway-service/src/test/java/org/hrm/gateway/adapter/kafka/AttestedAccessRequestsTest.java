package org.hrm.gateway.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.Attestation;
import org.hrm.crypto.P256KeyPair;
import org.hrm.gateway.application.AccessRequest;
import org.hrm.gateway.application.Attester;
import org.hrm.gateway.application.GatewayCommands;
import org.hrm.gateway.application.SignedStatement;
import org.hrm.gateway.domain.AccessRefused;
import org.hrm.gateway.domain.Caller;
import org.hrm.gateway.domain.Role;
import org.junit.jupiter.api.Test;

class AttestedAccessRequestsTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final String REQUEST_ID = UUID.randomUUID().toString();
    private static final String RECORD_ID = UUID.randomUUID().toString();

    private final P256KeyPair gatewayKey = P256KeyPair.generate();
    private final List<AccessRequested> sent = new ArrayList<>();
    private final AttestedAccessRequests requests = new AttestedAccessRequests(
            capturingAccessRequests(), new Attester(gatewayKey, "gateway-1", Clock.fixed(AT, ZoneOffset.UTC)));

    @Test
    void sendsTheRequestAttestedForItsCallerOverTheEventsSignedBytes() {
        requests.send(
                new Caller("dr-a", Set.of(Role.PRACTITIONER)),
                new AccessRequest(REQUEST_ID, RECORD_ID, Domain.PATIENT, "dr-a", "treatment", "unconscious", AT));

        assertThat(sent).singleElement().satisfies(event -> {
            assertThat(event.requestId()).isEqualTo(REQUEST_ID);
            assertThat(event.recordId()).isEqualTo(RECORD_ID);
            assertThat(event.domain()).isEqualTo(Domain.PATIENT);
            assertThat(event.requesterId()).isEqualTo("dr-a");
            assertThat(event.purpose()).isEqualTo("treatment");
            assertThat(event.emergencyReason()).isEqualTo("unconscious");
            assertThat(event.requestedAt()).isEqualTo(AT);
            assertThat(event.requesterSignature()).isNull();
            Attestation attestation = event.attestation();
            assertThat(attestation.subjectId()).isEqualTo("dr-a");
            assertThat(attestation.purpose()).isEqualTo(Attestation.ACCESS);
            assertThat(attestation.binds(event.signedBytes())).isTrue();
            assertThat(attestation.signedBy(gatewayKey.publicKey())).isTrue();
        });
    }

    @Test
    void refusesARequestInAnotherPartysNameAndSendsNothing() {
        assertThatThrownBy(() -> requests.send(
                        new Caller("mallory", Set.of(Role.PRACTITIONER)),
                        new AccessRequest(REQUEST_ID, RECORD_ID, Domain.PATIENT, "dr-a", "treatment", null, AT)))
                .isInstanceOf(AccessRefused.class);
        assertThat(sent).isEmpty();
    }

    private GatewayCommands capturingAccessRequests() {
        return (GatewayCommands) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {GatewayCommands.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("requestAccess")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    sent.add(new EventCodec().decode(((SignedStatement) args[0]).event(), AccessRequested.class));
                    return null;
                });
    }
}

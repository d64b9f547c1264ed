package org.hrm.gateway.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.crypto.P256KeyPair;
import org.hrm.gateway.application.Attester;
import org.hrm.gateway.application.AuditEntry;
import org.hrm.gateway.application.AuditedEntity;
import org.hrm.gateway.application.RequestAudit;
import org.junit.jupiter.api.Test;

/** The gateway's audit of a request is the AuditEvent its topic carries, signed with the gateway's key. */
class AuditMappingTest {
    private static final Instant AT = Instant.parse("2026-12-06T10:00:00.123456789Z");

    private final P256KeyPair gatewayKey = P256KeyPair.generate();
    private final EventCodec codec = new EventCodec();

    @Test
    void theRequestsAuditIsSignedByTheGatewayAndKeptAsEncoded() {
        RequestAudit audit = new RequestAudit(
                "audit-1",
                "R",
                AT,
                "record fetched",
                "dr-a",
                "practitioner",
                List.of(new AuditedEntity("record-1", "record")),
                Domain.PATIENT,
                "patient-audited");

        AuditEntry entry = new AuditMapping(new Attester(gatewayKey, "gateway-1", Clock.systemUTC())).signed(audit);

        AuditEvent event = codec.decode(entry.event(), AuditEvent.class);
        assertThat(event.signedBy(gatewayKey.publicKey())).isTrue();
        assertThat(entry.id()).isEqualTo("audit-1").isEqualTo(event.id());
        assertThat(entry.patientId()).isEqualTo("patient-audited").isEqualTo(event.patientId());
        assertThat(codec.encode(event)).isEqualTo(entry.event());
        assertThat(event.subtype()).isEqualTo("gateway");
        assertThat(event.action()).isEqualTo("R");
        assertThat(event.recorded()).isEqualTo(AT);
        assertThat(event.outcomeDesc()).isEqualTo("record fetched");
        assertThat(event.agent()).containsExactly(new AuditEvent.Agent("dr-a", "practitioner", true));
        assertThat(event.entity()).containsExactly(new AuditEvent.Entity("record-1", "record"));
        assertThat(event.domain()).isEqualTo(Domain.PATIENT);
    }
}

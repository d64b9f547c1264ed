package org.hrm.gateway.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.authority.AuditAuthority;
import org.hrm.contracts.authority.DirectoryRules;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.crypto.P256KeyPair;
import org.hrm.gateway.application.AuditBook;
import org.hrm.gateway.application.AuditEntry;
import org.hrm.gateway.application.DirectoryBook;
import org.hrm.gateway.application.ErasureBook;
import org.hrm.gateway.application.HeartbeatBook;
import org.hrm.gateway.application.InMemoryReleaseStore;
import org.hrm.gateway.application.RecordBook;
import org.hrm.gateway.application.ReleaseAnswers;
import org.hrm.gateway.application.Views;
import org.junit.jupiter.api.Test;

/** A patient's access history shows an audit event only when its topic's producer signed it. */
class ViewFeedsAuditTest {
    private static final P256KeyPair CONSENT = P256KeyPair.generate();
    private static final P256KeyPair GATEWAY = P256KeyPair.generate();
    private static final String PATIENT = "patient-audited";

    private final EventCodec codec = new EventCodec();
    private final Views views = views();
    private final Map<String, Consumer<byte[]>> feeds = ViewFeeds.of(
            views, new AuditAuthority(CONSENT.publicKey(), AttestationKeys.of(Map.of("gw", GATEWAY.publicKey()))));

    @Test
    void signedEventsOfEitherProducerEnterTheHistory() {
        AuditEvent decision = event("decision").signedBy(CONSENT);
        AuditEvent request = event("request").signedBy(GATEWAY);

        feed(Topic.AUDIT, decision);
        feed(Topic.GATEWAY_AUDIT, request);

        assertThat(views.audit().of(PATIENT))
                .extracting(AuditEntry::id)
                .containsExactlyInAnyOrder(decision.id(), request.id());
    }

    @Test
    void theHistoryKeepsEachEventAsItsProducerWroteItByteForByte() {
        AuditEvent decision = event("decision").signedBy(CONSENT);
        String encoded = new String(codec.encode(decision), StandardCharsets.UTF_8);
        // A field this gateway does not know (an additive change) and spacing a re-encoding would not keep.
        byte[] written = ("{ \"addedLater\" : true,  " + encoded.substring(1)).getBytes(StandardCharsets.UTF_8);

        feeds.get(Topic.AUDIT.topicName()).accept(written);

        assertThat(views.audit().of(PATIENT)).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(decision.id());
            assertThat(entry.patientId()).isEqualTo(PATIENT);
            assertThat(entry.event()).isEqualTo(written);
        });
    }

    @Test
    void unsignedForgedOrMisplacedEventsAreRefusedWithTheReasonAndStayOut() {
        assertThatThrownBy(() -> feed(Topic.AUDIT, event("unsigned")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("unsigned audit event");
        assertThatThrownBy(() -> feed(Topic.AUDIT, event("stranger").signedBy(P256KeyPair.generate())))
                .hasMessage("audit event not signed by consent-service's decision key");
        assertThatThrownBy(() ->
                        feed(Topic.AUDIT, event("gateway's on consent's topic").signedBy(GATEWAY)))
                .hasMessage("audit event not signed by consent-service's decision key");
        assertThatThrownBy(() -> feed(
                        Topic.GATEWAY_AUDIT,
                        event("consent's on gateway's topic").signedBy(CONSENT)))
                .hasMessage("audit event not signed by a trusted gateway attestation key");

        assertThat(views.audit().of(PATIENT)).isEmpty();
    }

    private void feed(Topic topic, AuditEvent event) {
        feeds.get(topic.topicName()).accept(codec.encode(event));
    }

    static AuditEvent event(String description) {
        return new AuditEvent(
                UUID.randomUUID().toString(),
                "rest",
                "gateway",
                "R",
                Instant.now(),
                "0",
                description,
                List.of(new AuditEvent.Agent("dr-mallory", "practitioner", true)),
                List.of(),
                null,
                true,
                Domain.PATIENT,
                PATIENT);
    }

    private static Views views() {
        RecordBook records = new RecordBook((author, bytes, signature, sealedAt) -> false);
        return new Views(
                records,
                new ErasureBook(records),
                new DirectoryBook(new DirectoryRules(AttestationKeys.none())),
                new AuditBook(),
                new ReleaseAnswers(new InMemoryReleaseStore(), java.time.Clock.systemUTC()),
                new HeartbeatBook());
    }
}

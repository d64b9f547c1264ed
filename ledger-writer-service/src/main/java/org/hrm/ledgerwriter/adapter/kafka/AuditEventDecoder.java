package org.hrm.ledgerwriter.adapter.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.audit.AuditLeaf;
import org.hrm.contracts.authority.AuditAuthority;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.ledgerwriter.application.AuditedEvent;
import org.springframework.stereotype.Component;

/**
 * Decodes each audit event on its own (consent-service's and the gateway's audit topics), so one bad event never fails
 * the batch; an event its topic's producer did not sign is dead-lettered with the reason and never anchored (nothing
 * goes on chain that has not passed the producer's signature); its leaf is hashed over the topic it came from, so an
 * event cannot change producer unnoticed.
 */
@Component
class AuditEventDecoder {
    private static final String TYPE = EventCodec.typeName(AuditEvent.class);

    private final EventCodec codec;
    private final AuditAuthority authority;

    AuditEventDecoder(EventCodec codec, AuditAuthority authority) {
        this.codec = codec;
        this.authority = authority;
    }

    Intake<AuditedEvent> decode(List<ConsumerRecord<String, byte[]>> records) {
        Intake<AuditedEvent> intake = new Intake<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                AuditedEvent event = decode(record);
                intake.accept(record, event, event.domain(), event.eventId());
            } catch (InvalidEventException e) {
                intake.reject(record, e.getMessage());
            } catch (IllegalArgumentException e) {
                intake.reject(record, "invalid " + TYPE + ": " + e.getMessage());
            }
        }
        return intake;
    }

    private AuditedEvent decode(ConsumerRecord<String, byte[]> record) {
        String type = header(record, EventHeaders.EVENT_TYPE);
        if (type != null && !TYPE.equals(type)) {
            throw new InvalidEventException("unknown event type " + type);
        }
        EventCodec.schemaVersionRefusal(header(record, EventHeaders.SCHEMA_VERSION))
                .ifPresent(reason -> {
                    throw new InvalidEventException(reason);
                });
        AuditEvent event = codec.decode(record.value(), AuditEvent.class);
        String source = record.topic();
        authority.refusal(source, event).ifPresent(reason -> {
            throw new InvalidEventException(reason);
        });
        return new AuditedEvent(
                event.id(),
                source,
                event.patientId(),
                // An event on no record (a consent change) is anchored with the patient domain's ledger.
                event.domain() == null ? Domain.PATIENT : event.domain(),
                sequence -> AuditLeaf.hash(source, sequence, event));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

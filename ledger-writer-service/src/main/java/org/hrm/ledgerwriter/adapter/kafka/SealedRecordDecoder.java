package org.hrm.ledgerwriter.adapter.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.LedgerPayload;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.ledgerwriter.application.SealedRecord;
import org.hrm.ledgerwriter.domain.LedgerRecord;
import org.springframework.stereotype.Component;

/** Decodes each consumed record on its own, so one bad record never fails the batch. */
@Component
class SealedRecordDecoder {
    private static final String TYPE = EventCodec.typeName(RecordSealed.class);

    private final EventCodec codec;

    SealedRecordDecoder(EventCodec codec) {
        this.codec = codec;
    }

    Intake decode(List<ConsumerRecord<String, byte[]>> records) {
        Intake intake = new Intake();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                intake.accept(record, decode(record));
            } catch (InvalidEventException e) {
                intake.reject(record, e.getMessage());
            } catch (IllegalArgumentException e) {
                intake.reject(record, "invalid " + TYPE + ": " + e.getMessage());
            }
        }
        return intake;
    }

    private SealedRecord decode(ConsumerRecord<String, byte[]> record) {
        String type = header(record, EventHeaders.EVENT_TYPE);
        if (!TYPE.equals(type)) {
            throw new InvalidEventException("unknown event type " + (type == null ? "(no header)" : type));
        }
        RecordSealed sealed = codec.decode(record.value(), RecordSealed.class);
        Optional<Domain> topicDomain = Topic.RECORD_SEALED.domainOf(record.topic());
        if (topicDomain.isEmpty() || topicDomain.get() != sealed.domain()) {
            throw new InvalidEventException(
                    "domain mismatch: a " + sealed.domain().id() + " record on topic " + record.topic());
        }
        byte[] payload = LedgerPayload.of(sealed).encode();
        return new SealedRecord(sealed.domain(), new LedgerRecord(sealed.recordId(), sealed.ownerPseudonym(), payload));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

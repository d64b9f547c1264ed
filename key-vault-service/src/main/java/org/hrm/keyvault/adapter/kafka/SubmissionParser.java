package org.hrm.keyvault.adapter.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.keyvault.application.VaultDomains;
import org.hrm.keyvault.domain.ReaderShare;
import org.hrm.keyvault.domain.Submission;

/**
 * Checks one consumed record (type header, JSON, fields, size, the topic's domain) and maps it to a submission.
 *
 * <p>Never throws for bad input: a record that cannot be sealed gets a reason, so one poison message never
 * blocks or fails the batch around it.
 */
final class SubmissionParser {
    private static final String EXPECTED_TYPE = EventCodec.typeName(RecordSubmitted.class);
    private static final int MAX_QUOTED = 80;

    private final EventCodec codec;

    SubmissionParser(EventCodec codec) {
        this.codec = codec;
    }

    ParsedRecord parse(ConsumerRecord<String, byte[]> record) {
        String type = header(record, EventHeaders.EVENT_TYPE);
        if (!EXPECTED_TYPE.equals(type)) {
            return ParsedRecord.refused(record, "unknown event type " + quote(type));
        }
        Optional<Domain> topicDomain = Topic.RECORD_SUBMITTED.domainOf(record.topic());
        if (topicDomain.isEmpty()) {
            return ParsedRecord.refused(record, "topic " + record.topic() + " is not a record-submitted topic");
        }
        RecordSubmitted event;
        try {
            event = decode(record.value());
        } catch (InvalidEventException e) {
            return ParsedRecord.refused(record, e.getMessage());
        }
        if (event.domain() != topicDomain.get()) {
            return ParsedRecord.refused(
                    record,
                    "domain mismatch: topic " + record.topic() + " carries " + topicDomain.get()
                            + " records, the event says " + event.domain());
        }
        return ParsedRecord.accepted(record, toSubmission(event));
    }

    /** Every decoding failure becomes a reason: an unexpected exception here must not block the partition. */
    private RecordSubmitted decode(byte[] value) {
        try {
            return codec.decode(value, RecordSubmitted.class);
        } catch (InvalidEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidEventException("invalid " + EXPECTED_TYPE + ": " + e, e);
        }
    }

    private static Submission toSubmission(RecordSubmitted event) {
        return new Submission(
                event.recordId(),
                VaultDomains.of(event.domain()),
                event.ownerId(),
                event.authorId(),
                event.innerCiphertext(),
                event.shares().stream()
                        .map(share -> new ReaderShare(share.readerId(), share.share()))
                        .toList(),
                event.authorSignature());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String quote(String type) {
        if (type == null) {
            return "(no " + EventHeaders.EVENT_TYPE + " header)";
        }
        return "'" + (type.length() <= MAX_QUOTED ? type : type.substring(0, MAX_QUOTED) + "...") + "'";
    }
}

package org.hrm.keyvault.adapter.kafka;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.keyvault.application.VaultDomains;
import org.hrm.keyvault.domain.ReaderShare;
import org.hrm.keyvault.domain.SealingRule;
import org.hrm.keyvault.domain.Submission;
import org.hrm.messaging.InboundEvents;

/**
 * Checks one consumed record (type header, JSON, fields, size, the topic's domain) and maps it to a submission.
 *
 * <p>Never throws for bad input: a record that cannot be sealed gets a reason, so one poison message never
 * blocks or fails the batch around it.
 */
final class SubmissionParser {
    private final EventCodec codec;

    SubmissionParser(EventCodec codec) {
        this.codec = codec;
    }

    ParsedRecord parse(ConsumerRecord<String, byte[]> record) {
        Optional<String> wrongType = InboundEvents.typeRefusal(record, RecordSubmitted.class);
        if (wrongType.isPresent()) {
            return ParsedRecord.refused(record, wrongType.get());
        }
        Optional<Domain> topicDomain = Topic.RECORD_SUBMITTED.domainOf(record.topic());
        if (topicDomain.isEmpty()) {
            return ParsedRecord.refused(record, "topic " + record.topic() + " is not a record-submitted topic");
        }
        RecordSubmitted event;
        try {
            event = InboundEvents.decode(codec, record.value(), RecordSubmitted.class);
        } catch (InvalidEventException e) {
            return ParsedRecord.refused(record, e.getMessage());
        }
        if (event.domain() != topicDomain.get()) {
            return ParsedRecord.refused(
                    record,
                    "domain mismatch: topic " + record.topic() + " carries " + topicDomain.get()
                            + " records, the event says " + event.domain());
        }
        int version = event.envelopeVersion();
        if (version != 1 && version != 2) {
            return ParsedRecord.refused(record, "unsupported envelope version " + version);
        }
        Submission submission = toSubmission(event);
        Optional<String> badShare = submission.shares().stream()
                .map(share -> SealingRule.malformedShare(share, version))
                .flatMap(Optional::stream)
                .findFirst();
        return badShare.map(reason -> ParsedRecord.refused(record, reason))
                .orElseGet(() -> ParsedRecord.accepted(record, submission));
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
                event.authorSignature(),
                event.category());
    }
}

package org.hrm.keyvault.adapter.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.keyvault.application.RecordSealing;
import org.hrm.keyvault.application.SealOutcome;
import org.hrm.messaging.Acknowledgements;
import org.hrm.messaging.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Seals each poll's batch of RecordSubmitted: bad records, and records their registered author did not sign, are
 * dead-lettered with a reason, valid ones sealed in
 * bulk and published. It returns only once every send is acknowledged, so the batch offsets (AckMode BATCH) are
 * committed after the outputs exist; any failure throws and the whole batch is redelivered.
 */
final class SubmissionBatchListener implements BatchMessageListener<String, byte[]> {
    private static final Logger log = LoggerFactory.getLogger(SubmissionBatchListener.class);

    private final SubmissionParser parser;
    private final VaultAuthority authority;
    private final RecordSealing sealing;
    private final VaultEventPublisher publisher;
    private final Duration sendTimeout;

    SubmissionBatchListener(
            SubmissionParser parser,
            VaultAuthority authority,
            RecordSealing sealing,
            VaultEventPublisher publisher,
            Duration sendTimeout) {
        this.parser = parser;
        this.authority = authority;
        this.sealing = sealing;
        this.publisher = publisher;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        // Tombstones (null values) are the vault's own erasure markers for compaction: nothing to seal.
        List<ParsedRecord> parsed = records.stream()
                .filter(record -> record.value() != null)
                .map(parser::parse)
                .map(this::authorized)
                .toList();
        List<ParsedRecord> accepted =
                parsed.stream().filter(ParsedRecord::accepted).toList();
        Iterator<SealOutcome> outcomes = sealing.seal(
                        accepted.stream().map(ParsedRecord::submission).toList())
                .iterator();
        List<CompletableFuture<?>> sends = new ArrayList<>(parsed.size());
        for (ParsedRecord record : parsed) {
            try (var trace = Traces.open(record.source())) {
                sends.add(record.accepted() ? publish(record, outcomes.next()) : deadLetter(record, record.refusal()));
            }
        }
        Acknowledgements.await(sends, sendTimeout, "the batch's sends");
        log.debug("Batch of {} done, {} valid", records.size(), accepted.size());
    }

    /** The parsed record if its author and owner are registered and the author signed it; else refused with why. */
    private ParsedRecord authorized(ParsedRecord record) {
        if (!record.accepted()) {
            return record;
        }
        long timestamp = record.source().timestamp();
        Instant submittedAt = timestamp >= 0 ? Instant.ofEpochMilli(timestamp) : Instant.now();
        return authority
                .submissionRefusal(record.submission(), submittedAt)
                .map(reason -> ParsedRecord.refused(record.source(), reason))
                .orElse(record);
    }

    private CompletableFuture<?> publish(ParsedRecord record, SealOutcome outcome) {
        if (outcome instanceof SealOutcome.Sealed sealed) {
            return publisher.sealed(sealed.record());
        }
        return deadLetter(record, ((SealOutcome.Refused) outcome).reason());
    }

    private CompletableFuture<?> deadLetter(ParsedRecord record, String reason) {
        ConsumerRecord<String, byte[]> source = record.source();
        return publisher.deadLetter(source, reason);
    }
}

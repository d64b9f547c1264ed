package org.hrm.ledgerwriter.adapter.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.ledgerwriter.application.CommitSealedRecords;
import org.hrm.ledgerwriter.application.Rejection;
import org.hrm.ledgerwriter.application.SealedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes RecordSealed of both domains in batches. The batch's offsets are committed when this
 * method returns: after every record is confirmed on chain and its RecordCommitted acknowledged, and
 * every bad input is on the dead-letter topic. Any exception redelivers the whole batch.
 *
 * <p>{@code hrm.ledger.record-consumers} (1 by default) consumers: with more, while one batch waits for its receipts
 * the next is signed and sent, so several batches' transactions are in flight together. They all sign on the one
 * {@link org.hrm.ledgerwriter.application.SigningLane}, which keeps the nonces in order; a record id is always in the
 * same partition. With 3, LedgerWriterRecoveryIT saw RecordCommitted re-emitted for some records after a MongoDB
 * outage (on chain still once each): until that is understood, one consumer stays the default.
 */
@Component
class RecordSealedListener {
    private static final Logger log = LoggerFactory.getLogger(RecordSealedListener.class);

    private final SealedRecordDecoder decoder;
    private final CommitSealedRecords commitSealedRecords;
    private final DeadLetterPublisher deadLetters;
    private final TraceBook traces;

    RecordSealedListener(
            SealedRecordDecoder decoder,
            CommitSealedRecords commitSealedRecords,
            DeadLetterPublisher deadLetters,
            TraceBook traces) {
        this.decoder = decoder;
        this.commitSealedRecords = commitSealedRecords;
        this.deadLetters = deadLetters;
        this.traces = traces;
    }

    @KafkaListener(
            id = "ledger-writer",
            idIsGroup = false,
            concurrency = "${hrm.ledger.record-consumers:1}",
            topics = "#{T(org.hrm.contracts.Topic).RECORD_SEALED.allNames()}",
            batch = "true")
    void onSealed(List<ConsumerRecord<String, byte[]>> records) {
        traces.remember(records);
        try {
            Intake<SealedRecord> intake = decoder.decode(records);
            List<Rejection> rejections = commitSealedRecords.commit(intake.valid());
            deadLetters.publish(intake.deadLetters(rejections));
        } catch (RuntimeException e) {
            log.warn("batch of {} records not committed, retrying it: {}", records.size(), e.toString());
            throw e;
        }
    }
}

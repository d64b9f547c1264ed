package org.hrm.ledgerwriter.adapter.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.ledgerwriter.application.CommitErasures;
import org.hrm.ledgerwriter.application.ErasureRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes KeysDestroyed of both domains in batches, in its own container and consumer group. The
 * batch's offsets are committed when this method returns: after every tombstone is confirmed on chain,
 * every ErasureCommitted acknowledged and every bad input on the dead-letter topic. Any exception
 * redelivers the whole batch.
 */
@Component
class ErasureListener {
    private static final Logger log = LoggerFactory.getLogger(ErasureListener.class);

    private final KeysDestroyedDecoder decoder;
    private final CommitErasures commitErasures;
    private final DeadLetterPublisher deadLetters;
    private final TraceBook traces;

    ErasureListener(
            KeysDestroyedDecoder decoder,
            CommitErasures commitErasures,
            DeadLetterPublisher deadLetters,
            TraceBook traces) {
        this.decoder = decoder;
        this.commitErasures = commitErasures;
        this.deadLetters = deadLetters;
        this.traces = traces;
    }

    @KafkaListener(
            id = "ledger-writer-erasure",
            idIsGroup = false,
            containerFactory = KafkaConfiguration.ERASURE_CONTAINER_FACTORY,
            topics = "#{T(org.hrm.contracts.Topic).KEYS_DESTROYED.allNames()}",
            batch = "true")
    void onKeysDestroyed(List<ConsumerRecord<String, byte[]>> records) {
        traces.remember(records);
        try {
            Intake<ErasureRequest> intake = decoder.decode(records);
            commitErasures.commit(intake.valid());
            deadLetters.publish(intake.deadLetters(List.of()));
        } catch (RuntimeException e) {
            log.warn("batch of {} erasures not committed, retrying it: {}", records.size(), e.toString());
            throw e;
        }
    }
}

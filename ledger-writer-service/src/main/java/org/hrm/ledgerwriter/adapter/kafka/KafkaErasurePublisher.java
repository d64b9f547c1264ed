package org.hrm.ledgerwriter.adapter.kafka;

import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ErasureCommitted;
import org.hrm.contracts.events.Tombstone;
import org.hrm.ledgerwriter.application.CommittedErasure;
import org.hrm.ledgerwriter.application.ErasurePublisher;
import org.hrm.ledgerwriter.application.ErasureRequest;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.messaging.Acknowledgements;
import org.hrm.messaging.OutboundEvents;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes ErasureCommitted to the domain's topic, keyed by owner id, and waits for every ack. The
 * event id is derived from the request: a re-emitted event is the same event to its consumers.
 */
@Component
class KafkaErasurePublisher implements ErasurePublisher {
    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;
    private final LedgerProperties properties;
    private final TraceBook traces;

    KafkaErasurePublisher(
            KafkaTemplate<String, byte[]> kafka, EventCodec codec, LedgerProperties properties, TraceBook traces) {
        this.kafka = kafka;
        this.codec = codec;
        this.properties = properties;
        this.traces = traces;
    }

    @Override
    public void publish(List<CommittedErasure> erasures) {
        Acknowledgements.await(
                erasures.stream().map(erasure -> kafka.send(record(erasure))).toList(),
                properties.kafkaSendTimeout(),
                "ErasureCommitted events");
    }

    private ProducerRecord<String, byte[]> record(CommittedErasure erasure) {
        ErasureRequest request = erasure.request();
        ErasureCommitted event = new ErasureCommitted(
                request.requestId(),
                request.domain(),
                request.ownerId(),
                erasure.contract(),
                erasure.tombstones().stream()
                        .map(commit -> new Tombstone(
                                commit.entryId(), commit.transactionHash(), commit.blockNumber(), commit.logIndex()))
                        .toList(),
                erasure.committedAt());
        String eventId = "hrm/erasure-committed/" + request.domain().id() + "/" + request.requestId();
        return OutboundEvents.record(
                codec,
                Topic.ERASURE_COMMITTED.name(request.domain()),
                request.ownerId(),
                event,
                OutboundEvents.derivedId(eventId),
                traces.next(request.ownerId()));
    }
}

package org.hrm.ledgerwriter.adapter.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordCommitted;
import org.hrm.ledgerwriter.application.CommitPublisher;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.messaging.Acknowledgements;
import org.hrm.messaging.OutboundEvents;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes RecordCommitted to the domain's topic, keyed by record id, and waits for every ack. */
@Component
class KafkaCommitPublisher implements CommitPublisher {
    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;
    private final LedgerProperties properties;
    private final TraceBook traces;

    KafkaCommitPublisher(
            KafkaTemplate<String, byte[]> kafka, EventCodec codec, LedgerProperties properties, TraceBook traces) {
        this.kafka = kafka;
        this.codec = codec;
        this.properties = properties;
        this.traces = traces;
    }

    @Override
    public void publish(Map<Domain, List<Commit>> commits) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        commits.forEach((domain, list) -> list.forEach(commit -> sends.add(kafka.send(record(domain, commit)))));
        Acknowledgements.await(sends, properties.kafkaSendTimeout(), "RecordCommitted events");
    }

    private ProducerRecord<String, byte[]> record(Domain domain, Commit commit) {
        RecordCommitted event = new RecordCommitted(
                commit.entryId(),
                domain,
                commit.contractAddress(),
                commit.transactionHash(),
                commit.blockNumber(),
                commit.logIndex(),
                commit.committedAt());
        return OutboundEvents.record(
                codec,
                Topic.RECORD_COMMITTED.name(domain),
                commit.entryId(),
                event,
                OutboundEvents.newId(),
                traces.next(commit.entryId()));
    }
}

package org.hrm.ledgerwriter.adapter.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordCommitted;
import org.hrm.ledgerwriter.application.CommitPublisher;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.messaging.Traces;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes RecordCommitted to the domain's topic, keyed by record id, and waits for every ack. */
@Component
class KafkaCommitPublisher implements CommitPublisher {
    private static final byte[] TYPE = utf8(EventCodec.typeName(RecordCommitted.class));
    private static final byte[] VERSION = utf8(String.valueOf(EventCodec.SCHEMA_VERSION));

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
        Sends.awaitAll(sends, properties.kafkaSendTimeout(), "RecordCommitted events");
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
        var record = new ProducerRecord<>(Topic.RECORD_COMMITTED.name(domain), commit.entryId(), codec.encode(event));
        record.headers().add(EventHeaders.EVENT_ID, utf8(UUID.randomUUID().toString()));
        record.headers().add(EventHeaders.EVENT_TYPE, TYPE);
        record.headers().add(EventHeaders.SCHEMA_VERSION, VERSION);
        Traces.stamp(record.headers(), traces.next(commit.entryId()));
        return record;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

package org.hrm.consent.adapter.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.consent.application.RecordIndexing;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.messaging.Acknowledgements;
import org.hrm.messaging.Traces;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Indexes each poll's RecordSubmitted (owner, author, category) in bulk, next to the vault's own consumer group;
 * bad or conflicting records are dead-lettered.
 */
final class RecordBatchListener implements BatchMessageListener<String, byte[]> {
    private final EventParser parser;
    private final RecordIndexing indexing;
    private final ConsentPublisher publisher;
    private final Duration sendTimeout;

    RecordBatchListener(EventParser parser, RecordIndexing indexing, ConsentPublisher publisher, Duration sendTimeout) {
        this.parser = parser;
        this.indexing = indexing;
        this.publisher = publisher;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        // Tombstones (null values) are the vault's compaction markers after an erasure: nothing to index.
        List<ConsumedEvent<RecordSubmitted>> parsed = records.stream()
                .filter(record -> record.value() != null)
                .map(record ->
                        parser.parse(record, Topic.RECORD_SUBMITTED, RecordSubmitted.class, RecordSubmitted::domain))
                .toList();
        Iterator<Optional<String>> results = indexing.index(parsed.stream()
                        .filter(ConsumedEvent::accepted)
                        .map(each -> ContractMapping.record(each.event()))
                        .toList())
                .iterator();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (ConsumedEvent<RecordSubmitted> each : parsed) {
            Optional<String> refusal = each.accepted() ? results.next() : Optional.of(each.refusal());
            try (var trace = Traces.open(each.source())) {
                refusal.ifPresent(reason -> sends.add(publisher.deadLetter(each.source(), reason)));
            }
        }
        Acknowledgements.await(sends, sendTimeout, "the batch's sends");
    }
}

package org.hrm.keyvault.adapter.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.keyvault.application.ErasureOutcome;
import org.hrm.keyvault.application.RecordErasure;
import org.hrm.keyvault.domain.ErasureRequest;
import org.hrm.messaging.Acknowledgements;
import org.hrm.messaging.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Erases for each poll's batch of ErasureRequested: bad records and refused requests are dead-lettered with the
 * reason, the others answered with KeysDestroyed once their keys are confirmed gone. It returns only once every
 * send is acknowledged (offsets commit after); any failure throws and the batch is redelivered, which resumes the
 * stored erasures and publishes the same KeysDestroyed again.
 */
final class ErasureBatchListener implements BatchMessageListener<String, byte[]> {
    private static final Logger log = LoggerFactory.getLogger(ErasureBatchListener.class);

    private final ErasureParser parser;
    private final RecordErasure erasure;
    private final ErasureEventPublisher publisher;
    private final VaultEventPublisher deadLetters;
    private final Duration sendTimeout;

    ErasureBatchListener(
            ErasureParser parser,
            RecordErasure erasure,
            ErasureEventPublisher publisher,
            VaultEventPublisher deadLetters,
            Duration sendTimeout) {
        this.parser = parser;
        this.erasure = erasure;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<Parsed<ErasureRequest>> parsed =
                records.stream().map(parser::requested).toList();
        Iterator<ErasureOutcome> outcomes = erasure.erase(parsed.stream()
                        .filter(Parsed::accepted)
                        .map(Parsed::value)
                        .toList())
                .iterator();
        List<CompletableFuture<?>> sends = new ArrayList<>(parsed.size());
        for (Parsed<ErasureRequest> request : parsed) {
            try (var trace = Traces.open(request.source())) {
                sends.add(
                        request.accepted()
                                ? publish(request, outcomes.next())
                                : deadLetter(request.source(), request.refusal()));
            }
        }
        Acknowledgements.await(sends, sendTimeout, "the batch's sends");
    }

    private CompletableFuture<?> publish(Parsed<ErasureRequest> request, ErasureOutcome outcome) {
        if (outcome instanceof ErasureOutcome.Destroyed destroyed) {
            log.info(
                    "Erasure {} of {} in {}: {} records, {} keys destroyed ({})",
                    destroyed.requestId(),
                    destroyed.erasure().allRecords() ? "all records" : "one record",
                    destroyed.erasure().domain(),
                    destroyed.erasure().recordIds().size(),
                    destroyed.erasure().keys().size(),
                    destroyed.erasure().state());
            return CompletableFuture.allOf(
                    publisher.keysDestroyed(destroyed), publisher.tombstones(destroyed.erasure()));
        }
        return deadLetter(request.source(), ((ErasureOutcome.Refused) outcome).reason());
    }

    private CompletableFuture<?> deadLetter(ConsumerRecord<String, byte[]> source, String reason) {
        return deadLetters.deadLetter(source, reason);
    }
}

package org.hrm.keyvault.adapter.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.keyvault.application.RecordRelease;
import org.hrm.keyvault.application.ReleaseOutcome;
import org.hrm.messaging.Acknowledgements;
import org.hrm.messaging.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Acts on each poll's batch of AccessDecided: bad records are dead-lettered with a reason, decisions become
 * RecordReleased or RecordReleaseDenied. The single-use marks are settled only after every send is acknowledged,
 * and the batch offsets (AckMode BATCH) commit after that; any failure throws and the batch is redelivered, which
 * resumes the marks still RELEASING (at least once: a release may be published twice under one event id, never
 * lost).
 */
final class ReleaseBatchListener implements BatchMessageListener<String, byte[]> {
    private static final Logger log = LoggerFactory.getLogger(ReleaseBatchListener.class);

    private final DecisionParser parser;
    private final RecordRelease release;
    private final VaultEventPublisher publisher;
    private final Duration sendTimeout;

    ReleaseBatchListener(
            DecisionParser parser, RecordRelease release, VaultEventPublisher publisher, Duration sendTimeout) {
        this.parser = parser;
        this.release = release;
        this.publisher = publisher;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<ParsedDecision> parsed = records.stream().map(parser::parse).toList();
        List<ReleaseOutcome> outcomes = release.release(parsed.stream()
                .filter(ParsedDecision::accepted)
                .map(ParsedDecision::decision)
                .toList());
        Iterator<ReleaseOutcome> next = outcomes.iterator();
        List<CompletableFuture<?>> sends = new ArrayList<>(parsed.size());
        for (ParsedDecision decision : parsed) {
            try (var trace = Traces.open(decision.source())) {
                sends.add(decision.accepted() ? publish(next.next()) : deadLetter(decision));
            }
        }
        Acknowledgements.await(sends, sendTimeout, "the batch's sends");
        release.settle(outcomes);
        log.debug("Batch of {} decisions done, {} valid", records.size(), outcomes.size());
    }

    private CompletableFuture<?> publish(ReleaseOutcome outcome) {
        if (outcome instanceof ReleaseOutcome.Released released) {
            log.info(
                    "Released record {} for request {}",
                    outcome.decision().recordId(),
                    outcome.decision().requestId());
            return publisher.released(released);
        }
        ReleaseOutcome.Denied denied = (ReleaseOutcome.Denied) outcome;
        log.info(
                "Denied record {} for request {}: {}",
                outcome.decision().recordId(),
                outcome.decision().requestId(),
                denied.reason());
        return publisher.denied(denied);
    }

    private CompletableFuture<?> deadLetter(ParsedDecision decision) {
        ConsumerRecord<String, byte[]> source = decision.source();
        return publisher.deadLetter(source, decision.refusal());
    }
}

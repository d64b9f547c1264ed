package org.hrm.consent.adapter.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.consent.application.AccessDecisions;
import org.hrm.consent.application.DecisionOutcome;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.messaging.Acknowledgements;
import org.hrm.messaging.Traces;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Decides each poll's AccessRequested in bulk and publishes each signed AccessDecided with its audit event; bad
 * requests, and requests that carry neither the requester's signature nor the gateway's attestation of the requester,
 * are dead-lettered before anything is decided or audited.
 */
final class AccessBatchListener implements BatchMessageListener<String, byte[]> {
    private final EventParser parser;
    private final AccessDecisions decisions;
    private final RequestAuthority authority;
    private final ConsentPublisher publisher;
    private final Duration sendTimeout;

    AccessBatchListener(
            EventParser parser,
            AccessDecisions decisions,
            RequestAuthority authority,
            ConsentPublisher publisher,
            Duration sendTimeout) {
        this.parser = parser;
        this.decisions = decisions;
        this.authority = authority;
        this.publisher = publisher;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<ConsumedEvent<AccessRequested>> parsed = authorized(records.stream()
                .map(record ->
                        parser.parse(record, Topic.ACCESS_REQUESTED, AccessRequested.class, AccessRequested::domain))
                .toList());
        Iterator<DecisionOutcome> outcomes = decisions
                .decide(parsed.stream()
                        .filter(ConsumedEvent::accepted)
                        .map(each -> ContractMapping.request(each.event()))
                        .toList())
                .iterator();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (ConsumedEvent<AccessRequested> each : parsed) {
            try (var trace = Traces.open(each.source())) {
                publish(each, outcomes, sends);
            }
        }
        Acknowledgements.await(sends, sendTimeout, "the batch's sends");
    }

    /** The parsed requests, each one without its requester's authority turned into a refusal. */
    private List<ConsumedEvent<AccessRequested>> authorized(List<ConsumedEvent<AccessRequested>> parsed) {
        List<ConsumedEvent<AccessRequested>> readable =
                parsed.stream().filter(ConsumedEvent::accepted).toList();
        Iterator<Optional<String>> refusals = authority
                .refusals(readable.stream().map(ConsumedEvent::event).toList())
                .iterator();
        return parsed.stream()
                .map(each -> {
                    if (!each.accepted()) {
                        return each;
                    }
                    Optional<String> refusal = refusals.next();
                    return refusal.isPresent()
                            ? ConsumedEvent.<AccessRequested>refused(each.source(), refusal.get())
                            : each;
                })
                .toList();
    }

    private void publish(
            ConsumedEvent<AccessRequested> each, Iterator<DecisionOutcome> outcomes, List<CompletableFuture<?>> sends) {
        if (!each.accepted()) {
            sends.add(publisher.deadLetter(each.source(), each.refusal()));
            return;
        }
        DecisionOutcome outcome = outcomes.next();
        if (outcome.decided()) {
            sends.add(publisher.decided(outcome.decision()));
            sends.add(publisher.audit(outcome.audit()));
        } else {
            sends.add(publisher.deadLetter(each.source(), outcome.refusal()));
        }
    }
}

package org.hrm.consent.adapter.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.consent.application.ConsentChanges;
import org.hrm.consent.application.ConsentOutcome;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.support.Traces;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Applies each poll's grants and revocations in offset order: each is audited; accepted ones publish the owner's
 * standing grants, rejected ones are dead-lettered with the reason.
 */
final class ConsentBatchListener implements BatchMessageListener<String, byte[]> {
    private final EventParser parser;
    private final ConsentChanges changes;
    private final ConsentPublisher publisher;
    private final Acknowledgements acknowledgements;

    ConsentBatchListener(
            EventParser parser, ConsentChanges changes, ConsentPublisher publisher, Acknowledgements acknowledgements) {
        this.parser = parser;
        this.changes = changes;
        this.publisher = publisher;
        this.acknowledgements = acknowledgements;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try (var trace = Traces.open(record)) {
                if (Topic.CONSENT_GRANTED.domainOf(record.topic()).isPresent()) {
                    grant(record, sends);
                } else {
                    revoke(record, sends);
                }
            }
        }
        acknowledgements.await(sends);
    }

    private void grant(ConsumerRecord<String, byte[]> record, List<CompletableFuture<?>> sends) {
        ConsumedEvent<ConsentGranted> parsed =
                parser.parse(record, Topic.CONSENT_GRANTED, ConsentGranted.class, ConsentGranted::domain);
        if (!parsed.accepted()) {
            sends.add(publisher.deadLetter(record, parsed.refusal()));
            return;
        }
        publish(record, changes.grant(ContractMapping.grant(parsed.event())), sends);
    }

    private void revoke(ConsumerRecord<String, byte[]> record, List<CompletableFuture<?>> sends) {
        ConsumedEvent<ConsentRevoked> parsed =
                parser.parse(record, Topic.CONSENT_REVOKED, ConsentRevoked.class, ConsentRevoked::domain);
        if (!parsed.accepted()) {
            sends.add(publisher.deadLetter(record, parsed.refusal()));
            return;
        }
        publish(record, changes.revoke(ContractMapping.revocation(parsed.event())), sends);
    }

    private void publish(
            ConsumerRecord<String, byte[]> record, ConsentOutcome outcome, List<CompletableFuture<?>> sends) {
        sends.add(publisher.audit(outcome.audit()));
        sends.add(
                outcome.accepted()
                        ? publisher.standingGrants(outcome.standingGrants())
                        : publisher.deadLetter(record, outcome.refusal()));
    }
}

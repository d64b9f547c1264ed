package org.hrm.consent.adapter.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.consent.application.ConsentChanges;
import org.hrm.consent.application.ConsentOutcome;
import org.hrm.consent.domain.Grant;
import org.hrm.consent.domain.Revocation;
import org.hrm.consent.domain.Signed;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.messaging.Acknowledgements;
import org.hrm.messaging.Traces;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Applies each poll's grants and revocations in offset order: each is audited; accepted ones publish the owner's
 * standing grants, rejected ones are dead-lettered with the reason. One that names a party not registered yet waits
 * (see {@link UnknownPartyGrace}): the records before it are finished and committed, and it is retried from there.
 */
final class ConsentBatchListener implements BatchMessageListener<String, byte[]> {
    private final EventParser parser;
    private final ConsentChanges changes;
    private final ConsentPublisher publisher;
    private final Duration sendTimeout;
    private final UnknownPartyGrace grace;

    ConsentBatchListener(
            EventParser parser,
            ConsentChanges changes,
            ConsentPublisher publisher,
            Duration sendTimeout,
            UnknownPartyGrace grace) {
        this.parser = parser;
        this.changes = changes;
        this.publisher = publisher;
        this.sendTimeout = sendTimeout;
        this.grace = grace;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, byte[]> record = records.get(index);
            try (var trace = Traces.open(record)) {
                if (Topic.CONSENT_GRANTED.domainOf(record.topic()).isPresent()) {
                    grant(record, sends);
                } else {
                    revoke(record, sends);
                }
            } catch (UnknownPartyException e) {
                // Nothing was sent for this record, so it is not audited twice; the earlier ones are.
                Acknowledgements.await(sends, sendTimeout, "the batch's sends");
                throw new BatchListenerFailedException(e.getMessage(), e, index);
            }
        }
        Acknowledgements.await(sends, sendTimeout, "the batch's sends");
    }

    private void grant(ConsumerRecord<String, byte[]> record, List<CompletableFuture<?>> sends) {
        ConsumedEvent<ConsentGranted> parsed =
                parser.parse(record, Topic.CONSENT_GRANTED, ConsentGranted.class, ConsentGranted::domain);
        if (!parsed.accepted()) {
            sends.add(publisher.deadLetter(record, parsed.refusal()));
            return;
        }
        Signed<Grant> grant = ContractMapping.grant(parsed.event());
        awaitParties(record, changes.partiesRegistered(grant.content()));
        publish(record, changes.grant(grant), sends);
    }

    private void revoke(ConsumerRecord<String, byte[]> record, List<CompletableFuture<?>> sends) {
        ConsumedEvent<ConsentRevoked> parsed =
                parser.parse(record, Topic.CONSENT_REVOKED, ConsentRevoked.class, ConsentRevoked::domain);
        if (!parsed.accepted()) {
            sends.add(publisher.deadLetter(record, parsed.refusal()));
            return;
        }
        Signed<Revocation> revocation = ContractMapping.revocation(parsed.event());
        awaitParties(record, changes.partiesRegistered(revocation.content()));
        publish(record, changes.revoke(revocation), sends);
    }

    /**
     * Retries the record while a party it names is unknown and its grace lasts; after that it goes on and is
     * refused as before ("... is not a registered party").
     */
    private void awaitParties(ConsumerRecord<String, byte[]> record, boolean registered) {
        if (!registered && grace.stillWaiting(record)) {
            throw new UnknownPartyException("waiting for the registration of a party named by the record at offset "
                    + record.offset() + " of " + record.topic() + "-" + record.partition());
        }
        grace.settled(record);
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

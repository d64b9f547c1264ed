package org.hrm.consent.adapter.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.consent.application.PartyRegistration;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.PartyRegistered;
import org.springframework.kafka.listener.BatchMessageListener;

/** Adds each PartyRegistered of a poll to the directory; invalid or conflicting ones are dead-lettered. */
final class PartyBatchListener implements BatchMessageListener<String, byte[]> {
    private final EventParser parser;
    private final PartyRegistration registration;
    private final ConsentPublisher publisher;
    private final Acknowledgements acknowledgements;

    PartyBatchListener(
            EventParser parser,
            PartyRegistration registration,
            ConsentPublisher publisher,
            Acknowledgements acknowledgements) {
        this.parser = parser;
        this.registration = registration;
        this.publisher = publisher;
        this.acknowledgements = acknowledgements;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            ConsumedEvent<PartyRegistered> parsed =
                    parser.parse(record, Topic.PARTY_REGISTERED, PartyRegistered.class, null);
            String refusal = parsed.accepted()
                    ? registration
                            .register(ContractMapping.party(parsed.event()))
                            .orElse(null)
                    : parsed.refusal();
            if (refusal != null) {
                sends.add(publisher.deadLetter(record, refusal));
            }
        }
        acknowledgements.await(sends);
    }
}

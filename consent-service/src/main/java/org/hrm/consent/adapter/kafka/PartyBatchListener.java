package org.hrm.consent.adapter.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hrm.consent.application.PartyRegistration;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.messaging.Acknowledgements;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Applies each PartyRegistered and PartyKeyRotated of a poll (one topic, in order per party) to the directory and
 * publishes the party's signed history to the compacted directory topic; unattested, unproven, squatting,
 * unauthorized or malformed ones are dead-lettered with the reason.
 */
final class PartyBatchListener implements BatchMessageListener<String, byte[]> {
    private static final String ROTATION = EventCodec.typeName(PartyKeyRotated.class);

    private final EventParser parser;
    private final PartyRegistration registration;
    private final DirectoryEvents directoryEvents;
    private final ConsentPublisher publisher;
    private final Duration sendTimeout;

    PartyBatchListener(
            EventParser parser,
            PartyRegistration registration,
            DirectoryEvents directoryEvents,
            ConsentPublisher publisher,
            Duration sendTimeout) {
        this.parser = parser;
        this.registration = registration;
        this.directoryEvents = directoryEvents;
        this.publisher = publisher;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Verdict verdict = ROTATION.equals(type(record)) ? rotate(record) : register(record);
            if (verdict.refusal().isPresent()) {
                sends.add(publisher.deadLetter(record, verdict.refusal().get()));
            } else {
                // Also after an event that changed nothing (a repeat, or a redelivery whose first publication was
                // lost): the same history is the same value, and the batch commits only once it is on the topic.
                registration
                        .history(verdict.partyId())
                        .ifPresent(history -> sends.add(publisher.directory(directoryEvents.history(history))));
            }
        }
        Acknowledgements.await(sends, sendTimeout, "the batch's sends");
    }

    private Verdict register(ConsumerRecord<String, byte[]> record) {
        ConsumedEvent<PartyRegistered> parsed =
                parser.parse(record, Topic.PARTY_REGISTERED, PartyRegistered.class, null);
        if (!parsed.accepted()) {
            return new Verdict(null, Optional.of(parsed.refusal()));
        }
        return new Verdict(
                parsed.event().partyId(), registration.register(directoryEvents.registration(parsed.event())));
    }

    private Verdict rotate(ConsumerRecord<String, byte[]> record) {
        ConsumedEvent<PartyKeyRotated> parsed =
                parser.parse(record, Topic.PARTY_REGISTERED, PartyKeyRotated.class, null);
        if (!parsed.accepted()) {
            return new Verdict(null, Optional.of(parsed.refusal()));
        }
        return new Verdict(parsed.event().partyId(), registration.rotate(directoryEvents.rotation(parsed.event())));
    }

    /** The party an event was about, and why it was refused (empty: it stands). */
    private record Verdict(String partyId, Optional<String> refusal) {}

    private static String type(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

package org.hrm.consent.adapter.kafka;

import java.nio.charset.StandardCharsets;
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
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Applies each PartyRegistered and PartyKeyRotated of a poll (one topic, in order per party) to the directory;
 * unattested, unproven, squatting, unauthorized or malformed ones are dead-lettered with the reason.
 */
final class PartyBatchListener implements BatchMessageListener<String, byte[]> {
    private static final String ROTATION = EventCodec.typeName(PartyKeyRotated.class);

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
            Optional<String> refusal = ROTATION.equals(type(record)) ? rotate(record) : register(record);
            refusal.ifPresent(reason -> sends.add(publisher.deadLetter(record, reason)));
        }
        acknowledgements.await(sends);
    }

    private Optional<String> register(ConsumerRecord<String, byte[]> record) {
        ConsumedEvent<PartyRegistered> parsed =
                parser.parse(record, Topic.PARTY_REGISTERED, PartyRegistered.class, null);
        if (!parsed.accepted()) {
            return Optional.of(parsed.refusal());
        }
        return registration.register(parsed.event());
    }

    private Optional<String> rotate(ConsumerRecord<String, byte[]> record) {
        ConsumedEvent<PartyKeyRotated> parsed =
                parser.parse(record, Topic.PARTY_REGISTERED, PartyKeyRotated.class, null);
        if (!parsed.accepted()) {
            return Optional.of(parsed.refusal());
        }
        return registration.rotate(parsed.event());
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

package org.hrm.ledgerwriter.adapter.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hrm.contracts.EventHeaders;
import org.hrm.ledgerwriter.application.ConsentWrite;
import org.hrm.ledgerwriter.application.ConsumedEvent;
import org.hrm.ledgerwriter.application.EarlyRevocations;
import org.hrm.ledgerwriter.application.HeldRevocation;
import org.hrm.ledgerwriter.application.RecordConsents;
import org.hrm.ledgerwriter.application.Rejection;
import org.springframework.stereotype.Component;

/**
 * One pass of the consent path: a batch of consent events (possibly none, when the topics are idle) and every held
 * revocation now due. A revocation whose grant is not verified yet is held ({@link EarlyRevocations}), durably, before
 * the batch's offsets are committed; a held one is read and checked again in full once its grant is verified, and
 * written with the batch, or dead-lettered once its grace has run out. Held revocations are forgotten only after
 * they are on chain or on the dead-letter topic, so a crash in between releases them again (the consent index
 * writes nothing twice).
 */
@Component
class ConsentHandler {
    /** What a held event keeps of its headers: what its reader and its dead letter need, nothing a sender added. */
    private static final List<String> KEPT_HEADERS = List.of(
            EventHeaders.EVENT_ID, EventHeaders.EVENT_TYPE, EventHeaders.SCHEMA_VERSION, EventHeaders.TRACE_PARENT);

    private final ConsentEventDecoder decoder;
    private final RecordConsents recordConsents;
    private final EarlyRevocations early;

    ConsentHandler(ConsentEventDecoder decoder, RecordConsents recordConsents, EarlyRevocations early) {
        this.decoder = decoder;
        this.recordConsents = recordConsents;
        this.early = early;
    }

    /**
     * Writes the batch's valid consents and the released revocations, hands every dead letter to {@code deadLetters}
     * (which must have sent them when it returns), then forgets what it settled. Throws when anything failed: the
     * batch is redelivered and nothing held is forgotten.
     */
    void handle(List<ConsumerRecord<String, byte[]>> records, Consumer<List<DeadLetter>> deadLetters) {
        Intake<ConsentWrite> batch = decoder.decode(records);
        batch.deferred()
                .forEach(deferred -> early.hold(deferred.domain(), deferred.awaitedId(), copy(deferred.source())));
        EarlyRevocations.Due due = early.due(batch.verified());
        Map<ConsumerRecord<String, byte[]>, HeldRevocation> heldBySource = new LinkedHashMap<>();
        due.released().forEach(held -> heldBySource.put(record(held.event()), held));
        Intake<ConsentWrite> released = decoder.decode(List.copyOf(heldBySource.keySet()));

        List<ConsentWrite> writes = new ArrayList<>(batch.valid());
        writes.addAll(released.valid());
        List<Rejection> rejections = recordConsents.record(writes);
        List<DeadLetter> letters = new ArrayList<>(batch.deadLetters(rejections));
        letters.addAll(released.deadLetters(rejections));
        due.expired()
                .forEach(expired ->
                        letters.add(new DeadLetter(record(expired.revocation().event()), expired.reason())));
        deadLetters.accept(letters);

        // A released revocation deferred again (its grant unknown once more) stays held.
        Set<ConsumerRecord<String, byte[]>> stillWaiting =
                released.deferred().stream().map(Intake.Deferred::source).collect(Collectors.toSet());
        early.forget(Stream.concat(
                        heldBySource.entrySet().stream()
                                .filter(entry -> !stillWaiting.contains(entry.getKey()))
                                .map(Map.Entry::getValue),
                        due.expired().stream().map(EarlyRevocations.Expired::revocation))
                .toList());
    }

    private static ConsumedEvent copy(ConsumerRecord<String, byte[]> record) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            Header header = record.headers().lastHeader(name);
            if (header != null && header.value() != null) {
                headers.put(name, header.value());
            }
        }
        return new ConsumedEvent(
                record.topic(), record.partition(), record.offset(), record.key(), record.value(), headers);
    }

    private static ConsumerRecord<String, byte[]> record(ConsumedEvent event) {
        var record = new ConsumerRecord<>(event.topic(), event.partition(), event.offset(), event.key(), event.value());
        event.headers().forEach((name, value) -> record.headers().add(name, value));
        return record;
    }
}

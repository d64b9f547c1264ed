package org.hrm.ledgerwriter.adapter.kafka;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.application.Rejection;

/**
 * A decoded batch: the valid entries for a use case, the bad inputs for the dead-letter topic, and
 * which input each entry came from (one event may carry several entries, e.g. a grant's key shares); for inputs
 * that wait on another one (a revocation on its grant), those deferred and the ids verified in the batch.
 */
final class Intake<T> {
    private final List<T> valid = new ArrayList<>();
    private final Map<String, List<ConsumerRecord<String, byte[]>>> sources = new HashMap<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final List<Deferred> deferred = new ArrayList<>();
    private final Map<Domain, Set<String>> verified = new EnumMap<>(Domain.class);

    void accept(ConsumerRecord<String, byte[]> source, T entry, Domain domain, String entryId) {
        valid.add(entry);
        sources.computeIfAbsent(key(domain, entryId), k -> new ArrayList<>()).add(source);
    }

    void reject(ConsumerRecord<String, byte[]> source, String reason) {
        deadLetters.add(new DeadLetter(source, reason));
    }

    /** Neither valid nor bad yet: the input waits for {@code awaitedId} of {@code domain} to be verified. */
    void defer(ConsumerRecord<String, byte[]> source, Domain domain, String awaitedId) {
        deferred.add(new Deferred(source, domain, awaitedId));
    }

    /** An id this batch verified (e.g. a grant's, even one that carries no entry), which a deferred input may await. */
    void verified(Domain domain, String id) {
        verified.computeIfAbsent(domain, d -> new LinkedHashSet<>()).add(id);
    }

    List<Deferred> deferred() {
        return deferred;
    }

    Map<Domain, Set<String>> verified() {
        return verified;
    }

    List<T> valid() {
        return valid;
    }

    /** The rejected inputs plus, once each, every input of an entry the use case could not write. */
    List<DeadLetter> deadLetters(List<Rejection> rejections) {
        List<DeadLetter> all = new ArrayList<>(deadLetters);
        // ConsumerRecord has identity equality: an event with two rejected entries is dead-lettered once.
        Map<ConsumerRecord<String, byte[]>, String> unwritable = new LinkedHashMap<>();
        for (Rejection rejection : rejections) {
            sources.getOrDefault(key(rejection.domain(), rejection.entryId()), List.of())
                    .forEach(source -> unwritable.putIfAbsent(source, rejection.reason()));
        }
        unwritable.forEach((source, reason) -> all.add(new DeadLetter(source, reason)));
        return all;
    }

    private static String key(Domain domain, String entryId) {
        return domain.id() + "/" + entryId;
    }

    /** An input waiting for another. */
    record Deferred(ConsumerRecord<String, byte[]> source, Domain domain, String awaitedId) {}
}

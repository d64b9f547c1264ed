package org.hrm.ledgerwriter.adapter.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.application.Rejection;
import org.hrm.ledgerwriter.application.SealedRecord;

/** A decoded batch: the valid records for the use case, the bad ones for the dead-letter topic. */
final class Intake {
    private final List<SealedRecord> valid = new ArrayList<>();
    private final Map<String, List<ConsumerRecord<String, byte[]>>> sources = new HashMap<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();

    void accept(ConsumerRecord<String, byte[]> source, SealedRecord sealed) {
        valid.add(sealed);
        sources.computeIfAbsent(key(sealed.domain(), sealed.record().recordId()), k -> new ArrayList<>())
                .add(source);
    }

    void reject(ConsumerRecord<String, byte[]> source, String reason) {
        deadLetters.add(new DeadLetter(source, reason));
    }

    List<SealedRecord> valid() {
        return valid;
    }

    /** The rejected inputs plus every input of a record the use case could not write. */
    List<DeadLetter> deadLetters(List<Rejection> rejections) {
        List<DeadLetter> all = new ArrayList<>(deadLetters);
        for (Rejection rejection : rejections) {
            sources.getOrDefault(key(rejection.domain(), rejection.recordId()), List.of())
                    .forEach(source -> all.add(new DeadLetter(source, rejection.reason())));
        }
        return all;
    }

    private static String key(Domain domain, String recordId) {
        return domain.id() + "/" + recordId;
    }
}

package org.hrm.consent.domain;

import java.util.Objects;
import java.util.Optional;

/** One record in a domain's index: who owns it, who wrote it, and its category (may be null). */
public record RecordEntry(String recordId, RecordDomain domain, String ownerId, String authorId, String category) {

    /** Empty when {@code incoming} is this entry again; otherwise why it conflicts (first writer wins). */
    public Optional<String> conflictWith(RecordEntry incoming) {
        if (ownerId.equals(incoming.ownerId())
                && authorId.equals(incoming.authorId())
                && Objects.equals(category, incoming.category())) {
            return Optional.empty();
        }
        return Optional.of("record " + recordId + " is already indexed with a different owner, author or category");
    }
}

package org.hrm.edge.domain;

import java.util.Objects;

/**
 * A valid resource ready to encrypt: its owner, its category (the resource type) and its plaintext (the resource's
 * JSON).
 *
 * @param resource which resource it came from, as {@link Problem#resource()} names it
 */
public record PreparedRecord(String resource, Owner owner, String category, byte[] plaintext) {
    public PreparedRecord {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(plaintext, "plaintext");
    }
}

package org.hrm.contracts.events;

import java.util.Collection;
import java.util.UUID;

/** Field checks run by every event's constructor, so a decoded event is always complete. */
final class Require {
    private Require() {}

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return value;
    }

    static String recordId(String value) {
        text(value, "recordId");
        try {
            if (!UUID.fromString(value).toString().equals(value.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("recordId must be a UUID, was '" + abbreviate(value) + "'");
        }
        return value;
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return value;
    }

    static byte[] bytes(byte[] value, String field) {
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return value;
    }

    static byte[] bytes(byte[] value, String field, int exactLength) {
        bytes(value, field);
        if (value.length != exactLength) {
            throw new IllegalArgumentException(field + " must be " + exactLength + " bytes, was " + value.length);
        }
        return value;
    }

    static <C extends Collection<?>> C nonEmpty(C value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing field " + field);
        }
        if (value.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException(field + " contains null");
        }
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}

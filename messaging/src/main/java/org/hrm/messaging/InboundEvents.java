package org.hrm.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.InvalidEventException;

/**
 * The checks every consumer of catalogue events makes before it reads one: the type header names the expected event
 * and the schema version header is one this code reads; and decoding where every failure becomes a reason. A listener
 * dead-letters a record with the reason these give ({@link DeadLetters}); none of them throws for bad input, so one
 * poison record never blocks its partition.
 */
public final class InboundEvents {
    private static final int MAX_QUOTED = 80;

    private InboundEvents() {}

    /** Why the record's type header is not {@code expected}'s or its schema version not one the contracts read. */
    public static Optional<String> typeRefusal(ConsumerRecord<String, byte[]> record, Class<?> expected) {
        String type = header(record, EventHeaders.EVENT_TYPE);
        if (!EventCodec.typeName(expected).equals(type)) {
            return Optional.of("unknown event type " + quote(type));
        }
        return versionRefusal(record);
    }

    /** Why the record's schema version header is not one the contracts read (none: not refused). */
    public static Optional<String> versionRefusal(ConsumerRecord<String, byte[]> record) {
        return EventCodec.schemaVersionRefusal(header(record, EventHeaders.SCHEMA_VERSION));
    }

    /** Decodes, turning every failure into an {@link InvalidEventException} with the reason. */
    public static <T> T decode(EventCodec codec, byte[] value, Class<T> type) {
        try {
            return codec.decode(value, type);
        } catch (InvalidEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidEventException("invalid " + EventCodec.typeName(type) + ": " + e, e);
        }
    }

    /** A header's value as UTF-8, or null without one. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // A header is the sender's choice: quoted and cut, so a reason (and its metric category) stays short.
    private static String quote(String type) {
        if (type == null) {
            return "(no " + EventHeaders.EVENT_TYPE + " header)";
        }
        return "'" + (type.length() <= MAX_QUOTED ? type : type.substring(0, MAX_QUOTED) + "...") + "'";
    }
}

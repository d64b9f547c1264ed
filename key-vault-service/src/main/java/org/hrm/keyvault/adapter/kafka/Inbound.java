package org.hrm.keyvault.adapter.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.InvalidEventException;

/** Checks shared by the vault's parsers: the type header, and decoding where every failure becomes a reason. */
final class Inbound {
    private static final int MAX_QUOTED = 80;

    private Inbound() {}

    /** Why the record's type header is not {@code expected} or its schema version is not one the vault reads. */
    static Optional<String> typeRefusal(ConsumerRecord<String, byte[]> record, Class<?> expected) {
        String type = header(record, EventHeaders.EVENT_TYPE);
        if (!EventCodec.typeName(expected).equals(type)) {
            return Optional.of("unknown event type " + quote(type));
        }
        return EventCodec.schemaVersionRefusal(header(record, EventHeaders.SCHEMA_VERSION));
    }

    /** Decodes, turning every failure into an {@link InvalidEventException}: none may block the partition. */
    static <T> T decode(EventCodec codec, byte[] value, Class<T> type) {
        try {
            return codec.decode(value, type);
        } catch (InvalidEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidEventException("invalid " + EventCodec.typeName(type) + ": " + e, e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String quote(String type) {
        if (type == null) {
            return "(no " + EventHeaders.EVENT_TYPE + " header)";
        }
        return "'" + (type.length() <= MAX_QUOTED ? type : type.substring(0, MAX_QUOTED) + "...") + "'";
    }
}

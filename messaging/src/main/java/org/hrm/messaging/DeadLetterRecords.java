package org.hrm.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.ServiceName;
import org.hrm.crypto.Sha256;

/**
 * Builds a dead letter: the reason, where the record came from, its event id, type, schema version and trace, and
 * the SHA-256 and size of its payload, but never the payload itself, which may hold C1 and its key shares. A
 * dead-letter topic keeps its records for weeks; an erasure must not be undone by a copy there. The digest lets an
 * operator match a dead letter to the original (while the source topic still holds it) or to the sender's copy.
 *
 * <p>Only the four known headers are carried over: anyone who may write a topic chooses its headers, and a header
 * could carry C1 as well as a value can.
 */
public final class DeadLetterRecords {
    private static final List<String> KEPT_HEADERS = List.of(
            EventHeaders.EVENT_ID, EventHeaders.EVENT_TYPE, EventHeaders.SCHEMA_VERSION, EventHeaders.TRACE_PARENT);
    private static final int MAX_KEPT_HEADER_BYTES = 200;
    private static final int MAX_KEY_CHARS = 200;

    private DeadLetterRecords() {}

    /** The dead letter for {@code source}, refused by {@code service} for {@code reason}, to {@code topic}. */
    public static ProducerRecord<String, byte[]> of(
            String topic, ConsumerRecord<String, byte[]> source, String reason, ServiceName service) {
        Headers headers = new RecordHeaders();
        for (String name : KEPT_HEADERS) {
            Header header = source.headers().lastHeader(name);
            if (header != null && header.value() != null && header.value().length <= MAX_KEPT_HEADER_BYTES) {
                headers.add(name, header.value());
            }
        }
        byte[] payload = source.value();
        headers.add(EventHeaders.DLT_REASON, utf8(reason))
                .add(EventHeaders.DLT_ORIGINAL_TOPIC, utf8(source.topic()))
                .add(EventHeaders.DLT_ORIGINAL_PARTITION, utf8(Integer.toString(source.partition())))
                .add(EventHeaders.DLT_ORIGINAL_OFFSET, utf8(Long.toString(source.offset())))
                .add(EventHeaders.DLT_SERVICE, utf8(service.name()))
                .add(EventHeaders.DLT_PAYLOAD_BYTES, utf8(Integer.toString(payload == null ? -1 : payload.length)));
        if (payload != null) {
            headers.add(EventHeaders.DLT_PAYLOAD_SHA256, utf8(digest(payload)));
        }
        return new ProducerRecord<>(topic, null, boundedKey(source.key()), null, headers);
    }

    /** The lower-case hex SHA-256 of {@code payload}, as the {@link EventHeaders#DLT_PAYLOAD_SHA256} header holds it. */
    public static String digest(byte[] payload) {
        return HexFormat.of().formatHex(Sha256.digest(payload));
    }

    // Keys are ids (record, owner, request); an oversized key is someone's payload and is cut, not copied.
    private static String boundedKey(String key) {
        return key == null || key.length() <= MAX_KEY_CHARS ? key : key.substring(0, MAX_KEY_CHARS);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

package org.hrm.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.ServiceName;
import org.junit.jupiter.api.Test;

class DeadLetterRecordsTest {
    private static final byte[] PAYLOAD =
            "{\"innerCiphertext\":\"AgAAAAAAAAAAAAAAAAAAAA==\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void keepsTheReasonOriginAndDigestButNeverThePayloadOrUnknownHeaders() {
        ConsumerRecord<String, byte[]> source =
                new ConsumerRecord<>("hrm.patient.record-submitted", 2, 41L, "record-1", PAYLOAD);
        source.headers()
                .add(EventHeaders.EVENT_ID, utf8("event-1"))
                .add(EventHeaders.EVENT_TYPE, utf8("RecordSubmitted"))
                .add("x-smuggled-c1", PAYLOAD);

        ProducerRecord<String, byte[]> letter =
                DeadLetterRecords.of("hrm.dlt.key-vault", source, "bad signature", ServiceName.KEY_VAULT);

        assertThat(letter.topic()).isEqualTo("hrm.dlt.key-vault");
        assertThat(letter.key()).isEqualTo("record-1");
        assertThat(letter.value()).isNull();
        assertThat(header(letter, EventHeaders.DLT_REASON)).isEqualTo("bad signature");
        assertThat(header(letter, EventHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo("hrm.patient.record-submitted");
        assertThat(header(letter, EventHeaders.DLT_ORIGINAL_PARTITION)).isEqualTo("2");
        assertThat(header(letter, EventHeaders.DLT_ORIGINAL_OFFSET)).isEqualTo("41");
        assertThat(header(letter, EventHeaders.DLT_SERVICE)).isEqualTo("KEY_VAULT");
        assertThat(header(letter, EventHeaders.EVENT_ID)).isEqualTo("event-1");
        assertThat(header(letter, EventHeaders.EVENT_TYPE)).isEqualTo("RecordSubmitted");
        assertThat(header(letter, EventHeaders.DLT_PAYLOAD_BYTES)).isEqualTo(Integer.toString(PAYLOAD.length));
        assertThat(header(letter, EventHeaders.DLT_PAYLOAD_SHA256))
                .isEqualTo("%064x".formatted(new java.math.BigInteger(1, sha256(PAYLOAD))));
        assertThat(letter.headers().lastHeader("x-smuggled-c1")).isNull();
        for (Header header : letter.headers()) {
            assertThat(Arrays.equals(header.value(), PAYLOAD)).as(header.key()).isFalse();
        }
    }

    @Test
    void aNullValueIsRecordedAsSizeMinusOneWithoutDigest() {
        ConsumerRecord<String, byte[]> source = new ConsumerRecord<>("hrm.patient.consent-granted", 0, 7L, "k", null);

        ProducerRecord<String, byte[]> letter =
                DeadLetterRecords.of("hrm.dlt.consent", source, "empty", ServiceName.CONSENT);

        assertThat(header(letter, EventHeaders.DLT_PAYLOAD_BYTES)).isEqualTo("-1");
        assertThat(letter.headers().lastHeader(EventHeaders.DLT_PAYLOAD_SHA256)).isNull();
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package org.hrm.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.RecordSubmitted;
import org.junit.jupiter.api.Test;

class InboundEventsTest {

    @Test
    void acceptsTheExpectedTypeAtTheCurrentVersion() {
        ConsumerRecord<String, byte[]> record = record("RecordSubmitted", String.valueOf(EventCodec.SCHEMA_VERSION));

        assertThat(InboundEvents.typeRefusal(record, RecordSubmitted.class)).isEmpty();
    }

    @Test
    void refusesAnUnknownVersion() {
        ConsumerRecord<String, byte[]> record = record("RecordSubmitted", "99");

        assertThat(InboundEvents.typeRefusal(record, RecordSubmitted.class))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("unsupported schema version '99'"));
    }

    @Test
    void aVersionCheckAloneRefusesOnlyAnotherVersion() {
        assertThat(InboundEvents.versionRefusal(record("RecordSubmitted", "99")))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("unsupported schema version '99'"));
        assertThat(InboundEvents.versionRefusal(record(null, String.valueOf(EventCodec.SCHEMA_VERSION))))
                .isEmpty();
        assertThat(InboundEvents.versionRefusal(record(null, null))).isEmpty();
    }

    @Test
    void refusesAnotherTypeQuotedAndCut() {
        ConsumerRecord<String, byte[]> record = record("X".repeat(200), null);

        assertThat(InboundEvents.typeRefusal(record, RecordSubmitted.class))
                .hasValue("unknown event type '" + "X".repeat(80) + "...'");
        assertThat(InboundEvents.typeRefusal(record(null, null), RecordSealed.class))
                .hasValue("unknown event type (no " + EventHeaders.EVENT_TYPE + " header)");
    }

    @Test
    void turnsEveryDecodingFailureIntoAReason() {
        assertThatThrownBy(() -> InboundEvents.decode(new EventCodec(), "{".getBytes(UTF_8), RecordSubmitted.class))
                .isInstanceOf(InvalidEventException.class);
    }

    private static ConsumerRecord<String, byte[]> record(String type, String version) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("hrm.patient.record-submitted", 0, 0L, "k", null);
        if (type != null) {
            record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(UTF_8));
        }
        if (version != null) {
            record.headers().add(EventHeaders.SCHEMA_VERSION, version.getBytes(UTF_8));
        }
        return record;
    }
}

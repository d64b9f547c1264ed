package org.hrm.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hrm.contracts.EventHeaders;
import org.junit.jupiter.api.Test;

class ServiceActivityTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ServiceActivity activity = new ServiceActivity(meters);

    @Test
    void countsAcknowledgedEventsByTypeAndDeadLettersByReason() {
        activity.onSuccess(event("RecordSealed"), null);
        activity.onSuccess(event("RecordSealed"), null);
        activity.onSuccess(deadLetter("oversized event: 300000 bytes"), null);
        activity.onSuccess(deadLetter("oversized event: 400000 bytes"), null);
        activity.onSuccess(deadLetter("unknown event type 'X'"), null);

        assertThat(meters.get(ServiceActivity.PUBLISHED)
                        .tag("type", "RecordSealed")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(meters.get(ServiceActivity.DEAD_LETTERS)
                        .tag("reason", "oversized event")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(activity.deadLettersByReason())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("oversized event", 2L, "unknown event type", 1L));
        assertThat(meters.find(ServiceActivity.PUBLISHED)
                        .tag("type", "RecordSubmitted")
                        .counter())
                .isNull();
    }

    private static ProducerRecord<Object, Object> event(String type) {
        ProducerRecord<Object, Object> record = new ProducerRecord<>("topic", "key", new byte[0]);
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(UTF_8));
        return record;
    }

    /** A dead letter keeps the original's type header; the reason decides how it is counted. */
    private static ProducerRecord<Object, Object> deadLetter(String reason) {
        ProducerRecord<Object, Object> record = event("RecordSubmitted");
        record.headers().add(EventHeaders.DLT_REASON, reason.getBytes(UTF_8));
        return record;
    }
}

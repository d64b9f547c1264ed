package org.hrm.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.hrm.contracts.EventHeaders;
import org.hrm.messaging.DeadLetterReasons;
import org.springframework.kafka.support.ProducerListener;

/**
 * Counts what the service's producers had acknowledged: events per type ({@code hrm.events.published}: records
 * sealed, committed, released...) and dead letters per reason ({@code hrm.dead.letters}). Attached to every
 * KafkaTemplate of the service, so no publisher needs to call it.
 */
public final class ServiceActivity implements ProducerListener<Object, Object> {
    static final String PUBLISHED = "hrm.events.published";
    static final String DEAD_LETTERS = "hrm.dead.letters";

    private final MeterRegistry meters;
    private final Map<String, LongAdder> deadLetters = new ConcurrentHashMap<>();

    public ServiceActivity(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
        Headers headers = record.headers();
        String reason = text(headers, EventHeaders.DLT_REASON);
        if (reason != null) {
            deadLettered(reason);
            return;
        }
        String type = text(headers, EventHeaders.EVENT_TYPE);
        if (type != null) {
            Counter.builder(PUBLISHED)
                    .description("Events acknowledged by the broker, per logical type")
                    .tag("type", type)
                    .register(meters)
                    .increment();
        }
    }

    /** A dead letter the broker acknowledged; counted under its reason's category. */
    public void deadLettered(String reason) {
        String category = DeadLetterReasons.category(reason);
        deadLetters.computeIfAbsent(category, key -> new LongAdder()).increment();
        Counter.builder(DEAD_LETTERS)
                .description("Dead letters sent, per reason")
                .tag("reason", category)
                .register(meters)
                .increment();
    }

    /** Dead letters sent since start, per reason category. */
    public Map<String, Long> deadLettersByReason() {
        Map<String, Long> counts = new TreeMap<>();
        deadLetters.forEach((reason, count) -> counts.put(reason, count.sum()));
        return counts;
    }

    private static String text(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }
}

package org.hrm.consent.adapter.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How long a grant or revocation naming an unknown party waits for that party's registration (read by another
 * consumer, so it may lag) before it is refused. Measured from the moment this service first read the record,
 * never from the event's own timestamp, which the client sets. Kept in memory: after a restart or a rebalance the
 * record simply gets a fresh grace, which only delays its dead letter.
 */
final class UnknownPartyGrace {
    private final Duration grace;
    private final Clock clock;
    private final Map<RecordPosition, Instant> firstSeen = new ConcurrentHashMap<>();

    UnknownPartyGrace(Duration grace, Clock clock) {
        this.grace = grace;
        this.clock = clock;
    }

    /** True while the record is within its grace; the first call for a record starts the grace. */
    boolean stillWaiting(ConsumerRecord<?, ?> record) {
        Instant now = clock.instant();
        Instant since = firstSeen.computeIfAbsent(RecordPosition.of(record), position -> now);
        return now.isBefore(since.plus(grace));
    }

    /** Forgets the record once it is handled (accepted or refused). */
    void settled(ConsumerRecord<?, ?> record) {
        firstSeen.remove(RecordPosition.of(record));
    }

    private record RecordPosition(String topic, int partition, long offset) {
        static RecordPosition of(ConsumerRecord<?, ?> record) {
            return new RecordPosition(record.topic(), record.partition(), record.offset());
        }
    }
}

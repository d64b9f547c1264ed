package org.hrm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.hrm.contracts.EventHeaders;
import org.junit.jupiter.api.Test;

/** A dead letter is matched to the event the CLI sent by its original topic, partition and offset, all three. */
class OutcomeWatcherTest {
    private final RecordMetadata sent =
            new RecordMetadata(new TopicPartition("hrm.parties.registered", 2), 41, 0, 0, 0, 0);

    @Test
    void matchesOnlyTheDeadLetterOfThatExactEvent() {
        assertThat(OutcomeWatcher.isDeadLetterOf(deadLetter("hrm.parties.registered", "2", "41"), sent))
                .isTrue();
        assertThat(OutcomeWatcher.isDeadLetterOf(deadLetter("hrm.parties.registered", "2", "40"), sent))
                .isFalse();
        assertThat(OutcomeWatcher.isDeadLetterOf(deadLetter("hrm.parties.registered", "1", "41"), sent))
                .isFalse();
        assertThat(OutcomeWatcher.isDeadLetterOf(deadLetter("hrm.patient.consent-granted", "2", "41"), sent))
                .isFalse();
    }

    @Test
    void exitCodesSayAcceptedRefusedOrNoAnswer() {
        assertThat(new OutcomeWatcher.Outcome(OutcomeWatcher.Verdict.ACCEPTED, null).exitCode())
                .isZero();
        assertThat(new OutcomeWatcher.Outcome(OutcomeWatcher.Verdict.REFUSED, "why").exitCode())
                .isEqualTo(3);
        assertThat(new OutcomeWatcher.Outcome(OutcomeWatcher.Verdict.TIMED_OUT, "60 s").exitCode())
                .isEqualTo(5);
        assertThat(new OutcomeWatcher.Outcome(OutcomeWatcher.Verdict.REFUSED, "not attested").describe("registration"))
                .isEqualTo("registration refused: not attested");
    }

    private static ConsumerRecord<String, byte[]> deadLetter(String topic, String partition, String offset) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("hrm.dlt.consent", 0, 7, "key", new byte[0]);
        record.headers()
                .add(EventHeaders.DLT_ORIGINAL_TOPIC, topic.getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.DLT_ORIGINAL_PARTITION, partition.getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.DLT_ORIGINAL_OFFSET, offset.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}

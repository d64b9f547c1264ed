package org.hrm.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.Topic;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void aSenderOutsideSpringGetsTheDeadLetterOnTheServicesTopicAndItsSendIsReturned() {
        List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        DeadLetters deadLetters = new DeadLetters(
                record -> {
                    sent.add(record);
                    return acknowledged;
                },
                Topic.GATEWAY_DEAD_LETTER,
                ServiceName.GATEWAY);
        ConsumerRecord<String, byte[]> source = new ConsumerRecord<>(
                "hrm.patient.record-committed", 2, 7L, "r-1", "{}".getBytes(StandardCharsets.UTF_8));

        CompletableFuture<?> send = deadLetters.send(source, "malformed RecordCommitted");

        assertThat(send).isSameAs(acknowledged);
        assertThat(sent).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topic.GATEWAY_DEAD_LETTER.topicName());
            assertThat(record.value()).isNull();
            assertThat(new String(
                            record.headers().lastHeader(EventHeaders.DLT_REASON).value(), StandardCharsets.UTF_8))
                    .isEqualTo("malformed RecordCommitted");
        });
    }
}

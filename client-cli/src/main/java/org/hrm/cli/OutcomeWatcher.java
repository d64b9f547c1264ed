package org.hrm.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.hrm.client.kafka.TopicReader;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;

/**
 * What the platform did with one event the CLI published: refused (its dead letter, matched by the original topic,
 * partition and offset the dead-letter headers carry, with the reason), accepted (the consuming service's consumer
 * group committed past the event without dead-lettering it), or no answer within the timeout.
 *
 * <p>Why the committed offset and not a state topic: every service commits a batch only after its dead letters and
 * outputs are acknowledged, so "committed past, no dead letter" is the service's verdict for any event, including
 * those whose accepted state lives only in the service's database (the party directory). The dead-letter topic is
 * read again after the commit is seen, so a refusal is never mistaken for acceptance.
 *
 * <p>Public for the sandbox, which waits the same way for the registrations it publishes, and the system tests.
 */
public final class OutcomeWatcher {
    /** consent-service's listener groups in the sandbox (its default {@code hrm.consent.consumer-group}). */
    public static final String CONSENT_PARTIES = "consent-service.parties";

    public static final String CONSENT_CHANGES = "consent-service.consent";

    private static final Duration PAUSE = Duration.ofMillis(200);

    private final KafkaLogin kafka;

    /** A watcher reading as {@code kafka}'s principal (the sandbox's observer: dead letters, groups' offsets). */
    public OutcomeWatcher(KafkaLogin kafka) {
        this.kafka = kafka;
    }

    /** The platform's verdict on one event. */
    public record Outcome(Verdict verdict, String reason) {
        public boolean accepted() {
            return verdict == Verdict.ACCEPTED;
        }

        /** The CLI's exit code: 0 accepted, 3 refused, 5 no answer. */
        public int exitCode() {
            return switch (verdict) {
                case ACCEPTED -> 0;
                case REFUSED -> 3;
                case TIMED_OUT -> 5;
            };
        }

        /** One line for the CLI: what happened to the {@code what}. */
        public String describe(String what) {
            return switch (verdict) {
                case ACCEPTED -> what + " accepted";
                case REFUSED -> what + " refused: " + reason;
                case TIMED_OUT -> what + ": no answer from the platform (" + reason + ")";
            };
        }
    }

    /** Accepted, refused with a reason, or no verdict in time. */
    public enum Verdict {
        ACCEPTED,
        REFUSED,
        TIMED_OUT
    }

    /**
     * Waits for the verdict on the event at {@code sent}.
     *
     * @param consumerGroup the group of the service's listener that consumes {@code sent.topic()}
     * @param deadLetterTopic where that service dead-letters
     */
    public Outcome await(RecordMetadata sent, String consumerGroup, String deadLetterTopic, Duration timeout)
            throws InterruptedException {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(adminConfig())) {
            while (System.nanoTime() < deadline) {
                Optional<String> refusal = deadLetter(sent, deadLetterTopic);
                if (refusal.isPresent()) {
                    return new Outcome(Verdict.REFUSED, refusal.get());
                }
                if (committedPast(admin, consumerGroup, partition, sent.offset())) {
                    return deadLetter(sent, deadLetterTopic)
                            .map(reason -> new Outcome(Verdict.REFUSED, reason))
                            .orElse(new Outcome(Verdict.ACCEPTED, null));
                }
                Thread.sleep(PAUSE.toMillis());
            }
        }
        return new Outcome(Verdict.TIMED_OUT, "waited " + timeout.toSeconds() + " s");
    }

    /**
     * Waits for consent-service's verdict on {@code sent}, prints it (stdout when accepted, stderr otherwise) and
     * returns the CLI's exit code.
     */
    public int reportConsent(RecordMetadata sent, String consumerGroup, String what, Duration timeout)
            throws InterruptedException {
        Outcome outcome = await(sent, consumerGroup, Topic.CONSENT_DEAD_LETTER.topicName(), timeout);
        (outcome.accepted() ? System.out : System.err).println(outcome.describe(what));
        return outcome.exitCode();
    }

    private Optional<String> deadLetter(RecordMetadata sent, String deadLetterTopic) {
        String[] reason = new String[1];
        TopicReader.readAll(kafka.bootstrapServers(), kafka.settings(), List.of(deadLetterTopic), record -> {
            if (isDeadLetterOf(record, sent)) {
                reason[0] = header(record, EventHeaders.DLT_REASON).orElse("(no reason given)");
            }
        });
        return Optional.ofNullable(reason[0]);
    }

    static boolean isDeadLetterOf(ConsumerRecord<String, byte[]> record, RecordMetadata sent) {
        return header(record, EventHeaders.DLT_ORIGINAL_TOPIC)
                        .filter(sent.topic()::equals)
                        .isPresent()
                && header(record, EventHeaders.DLT_ORIGINAL_PARTITION)
                        .filter(Integer.toString(sent.partition())::equals)
                        .isPresent()
                && header(record, EventHeaders.DLT_ORIGINAL_OFFSET)
                        .filter(Long.toString(sent.offset())::equals)
                        .isPresent();
    }

    private static boolean committedPast(Admin admin, String group, TopicPartition partition, long offset)
            throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(5, TimeUnit.SECONDS);
            OffsetAndMetadata position = committed.get(partition);
            return position != null && position.offset() > offset;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private static Optional<String> header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private Properties adminConfig() {
        return kafka.config();
    }
}

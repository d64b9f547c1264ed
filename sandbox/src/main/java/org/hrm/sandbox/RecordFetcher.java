package org.hrm.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.hrm.cli.KafkaLogin;
import org.hrm.cli.SubmittedRecords;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.kafka.TopicReader;
import org.hrm.client.sdk.PartyKeyHolder;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.RecordReleaseDenied;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;

/**
 * The sandbox's own tooling (stories, chaos phases, tests that read as the observer principal), not the SDK: a hospital's
 * principal may not read release answers, so a hospital fetches through the gateway ({@link
 * org.hrm.client.gateway.GatewayClient}). Fetch over Kafka: publishes an {@link AccessRequested} and waits for the vault's answer to that request, a {@link
 * RecordReleased} (C1 sealed to the requester, the share holder's share and the record's provenance) or a {@link
 * RecordReleaseDenied}. An answer counts only if it names this request's id, record and requester. {@link
 * #provenanceOf} finds what to verify the release against.
 */
public final class RecordFetcher {
    private final KafkaLogin observer;
    private final RecordPublisher publisher;
    private final EventCodec codec = new EventCodec();

    /**
     * @param observer how it reads the answers (and the record-submitted topic): the sandbox's observer, since no
     *     production principal but the gateway's may read release answers
     * @param publisher the requester's hospital system's publisher, which may write access requests
     */
    public RecordFetcher(KafkaLogin observer, RecordPublisher publisher) {
        this.observer = observer;
        this.publisher = publisher;
    }

    /** The vault's answer: exactly one of {@code released} and {@code denied} is set. */
    public record Answer(RecordReleased released, RecordReleaseDenied denied) {
        public boolean allowed() {
            return released != null;
        }
    }

    /**
     * Asks for a record as {@code requester}, the request signed by the requester's key (consent-service refuses an
     * unsigned one), and waits up to {@code timeout} for the answer.
     */
    public Answer fetch(
            String recordId,
            Domain domain,
            PartyKeyHolder requester,
            String purpose,
            String emergencyReason,
            Duration timeout) {
        AccessRequested request = new AccessRequested(
                        UUID.randomUUID().toString(),
                        recordId,
                        domain,
                        requester.partyId(),
                        purpose,
                        emergencyReason,
                        Instant.now(),
                        null,
                        null)
                .signedBy(requester);
        List<String> topics = List.of(Topic.RECORD_RELEASED.name(domain), Topic.RECORD_RELEASE_DENIED.name(domain));
        try (KafkaConsumer<String, byte[]> consumer =
                TopicReader.consumer(observer.bootstrapServers(), observer.settings())) {
            // Position at the end before asking, so the answer cannot slip past unseen.
            List<TopicPartition> partitions = TopicReader.partitions(consumer, topics);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            publisher.requestAccess(request).join();
            return await(consumer, request, timeout);
        }
    }

    /**
     * The provenance to verify {@code released} against, once the requester opened its C1: the release's own, or for a
     * record sealed before the vault kept it, the record-submitted topic's ({@link SubmittedRecords#forRelease}).
     */
    public Optional<RecordSubmitted> provenanceOf(RecordReleased released, byte[] innerCiphertext) {
        return SubmittedRecords.forRelease(observer, released, innerCiphertext);
    }

    private Answer await(KafkaConsumer<String, byte[]> consumer, AccessRequested request, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                Answer answer = answerFor(record, request);
                if (answer != null) {
                    return answer;
                }
            }
        }
        throw new IllegalStateException("no answer to access request " + request.requestId() + " within " + timeout);
    }

    private Answer answerFor(ConsumerRecord<String, byte[]> record, AccessRequested request) {
        if (record.value() == null) {
            return null; // the vault's tombstone after an erasure, for compaction
        }
        if (record.topic().endsWith(".record-released")) {
            RecordReleased released = codec.decode(record.value(), RecordReleased.class);
            return released.answers(request.requestId(), request.recordId(), request.requesterId())
                    ? new Answer(released, null)
                    : null;
        }
        RecordReleaseDenied denied = codec.decode(record.value(), RecordReleaseDenied.class);
        return denied.requestId().equals(request.requestId())
                        && denied.recordId().equals(request.recordId())
                        && denied.requesterId().equals(request.requesterId())
                ? new Answer(null, denied)
                : null;
    }
}

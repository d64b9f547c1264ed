package org.hrm.sandbox.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.kafka.TopicReader;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.embedded.process.Loopback;

/**
 * Makes the bad-input phase's raw material the way a user would: stores a record, waits until it is committed,
 * reads it and keeps the bytes of the decision that released it.
 */
final class FixtureMaker {
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final KafkaLogin observer;
    private final RecordPublisher publisher;
    private final CommitFollower committed;
    private final Workload workload;
    private final EventCodec codec = new EventCodec();

    FixtureMaker(KafkaLogin observer, RecordPublisher publisher, CommitFollower committed, Workload workload) {
        this.observer = observer;
        this.publisher = publisher;
        this.committed = committed;
        this.workload = workload;
    }

    BadInputs.Fixture make(ProbeRecords records, PartyKeys owner, PartyKeys hospital) throws InterruptedException {
        RecordSubmitted submitted = records.fresh(Domain.PATIENT);
        publisher.publish(submitted).join();
        workload.accepted.put(
                submitted.recordId(),
                new Workload.Accepted(submitted.recordId(), submitted.domain(), submitted.ownerId()));
        awaitCommitted(submitted.recordId());
        RecordSealed sealed = first(Topic.RECORD_SEALED.name(Domain.PATIENT), submitted.recordId(), RecordSealed.class);
        AccessRequested request = new AccessRequested(
                        UUID.randomUUID().toString(),
                        submitted.recordId(),
                        Domain.PATIENT,
                        owner.partyId(),
                        "TREAT",
                        null,
                        Instant.now(),
                        null,
                        null)
                .signedBy(owner.keyPair());
        publisher.requestAccess(request).join();
        workload.accessRequests.put(request.requestId(), Domain.PATIENT);
        byte[] decision = TopicReader.await(
                        observer.bootstrapServers(),
                        observer.settings(),
                        List.of(Topic.ACCESS_DECIDED.name(Domain.PATIENT)),
                        message -> codec.decode(message.value(), AccessDecided.class)
                                        .requestId()
                                        .equals(request.requestId())
                                ? message.value()
                                : null,
                        WAIT)
                .orElseThrow(() -> new IllegalStateException("no decision on the fixture's access request"));
        // The replay must come after the first use, or it would be the first use.
        TopicReader.await(
                        observer.bootstrapServers(),
                        observer.settings(),
                        List.of(Topic.RECORD_RELEASED.name(Domain.PATIENT)),
                        message -> codec.decode(message.value(), RecordReleased.class)
                                        .requestId()
                                        .equals(request.requestId())
                                ? Boolean.TRUE
                                : null,
                        WAIT)
                .orElseThrow(() -> new IllegalStateException("the fixture record was not released to its owner"));
        return new BadInputs.Fixture(submitted, owner, sealed, decision, request.requestId(), hospital);
    }

    private void awaitCommitted(String recordId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!committed.snapshot().contains(recordId)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the fixture record " + recordId + " was not committed in " + WAIT);
            }
            Loopback.sleep(Duration.ofMillis(200));
        }
    }

    private <T> T first(String topic, String key, Class<T> type) {
        Optional<T>[] found = new Optional[] {Optional.empty()};
        TopicReader.readAll(observer.bootstrapServers(), observer.settings(), List.of(topic), message -> {
            if (key.equals(message.key()) && found[0].isEmpty()) {
                found[0] = Optional.of(codec.decode(message.value(), type));
            }
        });
        return found[0].orElseThrow(() -> new IllegalStateException("nothing keyed " + key + " on " + topic));
    }
}

package org.hrm.benchmarks.endtoend;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordDecryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.RecordReleaseDenied;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.sandbox.chaos.Latencies;

/**
 * The fetch path under load: each owner asks for one of its committed records (AccessRequested → consent-service →
 * AccessDecided → vault, which reads C2 from the chain → RecordReleased) at an offered rate; the latency is from the
 * request's send to the answer seen by one consumer following both answer topics. Every released record must decrypt
 * with the owner's key to the record that was stored.
 *
 * <p>Each answered request is also cut into its hops ({@link Spans}), from the times the events themselves carry:
 * the request's {@code requestedAt}, the decision's {@code decidedAt} (read from access-decided, which the sandbox's
 * bench may follow as an observer) and the answer's {@code releasedAt}/{@code deniedAt}. The services share one
 * clock in the sandbox, so the hops add up to the latency.
 */
final class FetchPhase {
    /** Latencies of the answers, how many were denials or did not decrypt, and where the time went. */
    record Result(int fetches, Latencies latencies, int denied, int undecryptable, long[] answerNanos, Spans spans) {
        PhaseTrace trace() {
            return new PhaseTrace("fetch", answerNanos, latencies);
        }
    }

    /**
     * The fetch path's hops, each in milliseconds: request sent to decision made (Kafka, consent-service's check and
     * signature), decision made to answer published (Kafka, the vault's check, chain read, decryption and sealing),
     * answer published to answer received (Kafka).
     */
    record Spans(Latencies decision, Latencies release, Latencies delivery) {}

    private final KafkaLogin observer;
    private final RecordPublisher publisher;
    private final RecordSupply supply;
    private final PrintStream progress;
    private final EventCodec codec = new EventCodec();

    /** {@code observer} reads the answers and decisions (the sandbox's observer inside the walls). */
    FetchPhase(KafkaLogin observer, RecordPublisher publisher, RecordSupply supply, PrintStream progress) {
        this.observer = observer;
        this.publisher = publisher;
        this.supply = supply;
        this.progress = progress;
    }

    Result run(List<RecordSubmitted> committed, int fetches, int rate, Duration timeout) {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, RecordSubmitted> asked = new ConcurrentHashMap<>();
        List<Double> latencies = new ArrayList<>();
        List<Long> answeredAt = new ArrayList<>();
        long start = System.nanoTime();
        List<RecordReleased> released = new ArrayList<>();
        Map<String, Instant> requestedAt = new ConcurrentHashMap<>();
        Map<String, Instant> decidedAt = new ConcurrentHashMap<>();
        Map<String, Instant[]> answered = new ConcurrentHashMap<>(); // answer's own time, time received
        int denied = 0;
        try (KafkaConsumer<String, byte[]> consumer = answers()) {
            int next = 0;
            long nextReport = start + 1_000_000_000L;
            long deadline = start + timeout.toNanos();
            while (latencies.size() < fetches && System.nanoTime() < deadline) {
                for (; next < fetches && System.nanoTime() >= start + (long) (next * (1e9 / rate)); next++) {
                    RecordSubmitted record = committed.get(next % committed.size());
                    AccessRequested request = new AccessRequested(
                                    UUID.randomUUID().toString(),
                                    record.recordId(),
                                    Domain.PATIENT,
                                    record.ownerId(),
                                    "TREAT",
                                    null,
                                    Instant.now(),
                                    null,
                                    null)
                            .signedBy(supply.owner(record.ownerId()).keyPair());
                    asked.put(request.requestId(), record);
                    requestedAt.put(request.requestId(), request.requestedAt());
                    sent.put(request.requestId(), System.nanoTime());
                    publisher.requestAccess(request);
                }
                for (ConsumerRecord<String, byte[]> answer : consumer.poll(Duration.ofMillis(1))) {
                    long now = System.nanoTime();
                    Instant receivedAt = Instant.now();
                    if (answer.topic().endsWith(".access-decided")) {
                        AccessDecided decision = codec.decode(answer.value(), AccessDecided.class);
                        decidedAt.put(decision.requestId(), decision.decidedAt());
                        continue;
                    }
                    Answer seen = answer(answer, released);
                    Long at = sent.remove(seen.requestId());
                    if (at != null) {
                        latencies.add((now - at) / 1e6);
                        answered.put(seen.requestId(), new Instant[] {seen.at(), receivedAt});
                        answeredAt.add(now - start);
                        denied += answer.topic().endsWith(".record-release-denied") ? 1 : 0;
                    }
                }
                if (System.nanoTime() >= nextReport) {
                    progress.printf("[bench] fetch: asked %d/%d, answered %d%n", next, fetches, latencies.size());
                    nextReport += 1_000_000_000L;
                }
                LockSupport.parkNanos(200_000);
            }
        }
        if (latencies.size() < fetches) {
            throw new IllegalStateException("fetch: only " + latencies.size() + " of " + fetches + " answered");
        }
        return new Result(
                fetches,
                Latencies.of(latencies),
                denied,
                undecryptable(released, asked),
                answeredAt.stream().mapToLong(Long::longValue).toArray(),
                spans(requestedAt, decidedAt, answered));
    }

    private record Answer(String requestId, Instant at) {}

    private Answer answer(ConsumerRecord<String, byte[]> answer, List<RecordReleased> released) {
        if (answer.topic().endsWith(".record-released")) {
            RecordReleased event = codec.decode(answer.value(), RecordReleased.class);
            released.add(event);
            return new Answer(event.requestId(), event.releasedAt());
        }
        RecordReleaseDenied event = codec.decode(answer.value(), RecordReleaseDenied.class);
        return new Answer(event.requestId(), event.deniedAt());
    }

    /** The hops of every answered request whose decision was seen too. */
    static Spans spans(
            Map<String, Instant> requestedAt, Map<String, Instant> decidedAt, Map<String, Instant[]> answered) {
        List<Double> decision = new ArrayList<>();
        List<Double> release = new ArrayList<>();
        List<Double> delivery = new ArrayList<>();
        answered.forEach((requestId, times) -> {
            Instant requested = requestedAt.get(requestId);
            Instant decided = decidedAt.get(requestId);
            if (requested != null && decided != null) {
                decision.add(millisBetween(requested, decided));
                release.add(millisBetween(decided, times[0]));
                delivery.add(millisBetween(times[0], times[1]));
            }
        });
        return new Spans(Latencies.of(decision), Latencies.of(release), Latencies.of(delivery));
    }

    private static double millisBetween(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private int undecryptable(List<RecordReleased> released, Map<String, RecordSubmitted> asked) {
        RecordDecryptor decryptor = new RecordDecryptor();
        int failed = 0;
        for (RecordReleased event : released) {
            RecordSubmitted record = asked.get(event.requestId());
            try {
                PartyKeys owner = supply.owner(record.ownerId());
                decryptor.decrypt(
                        event.recordId(),
                        event.domain(),
                        record.ownerId(),
                        decryptor.openReleased(event, owner),
                        event.share(),
                        owner);
            } catch (RuntimeException e) {
                failed++;
            }
        }
        return failed;
    }

    /**
     * Positioned at the end of both answer topics and of the decisions before the first request, so no answer slips
     * past.
     */
    private KafkaConsumer<String, byte[]> answers() {
        Properties config = observer.config();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(
                Topic.RECORD_RELEASED.name(Domain.PATIENT),
                Topic.RECORD_RELEASE_DENIED.name(Domain.PATIENT),
                Topic.ACCESS_DECIDED.name(Domain.PATIENT))) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }
}

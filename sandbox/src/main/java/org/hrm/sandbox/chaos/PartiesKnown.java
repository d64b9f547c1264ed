package org.hrm.sandbox.chaos;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.hrm.cli.KafkaLogin;
import org.hrm.contracts.Topic;
import org.hrm.embedded.process.Loopback;

/**
 * Waits until consent-service has read every party registration published so far. Registrations and grants
 * travel on different topics, so a grant can overtake its owner's registration and be refused as coming from
 * an unknown party; a client registers first and waits, as this does.
 */
final class PartiesKnown {
    /** consent-service's consumer group for {@code hrm.parties.registered}. */
    private static final String CONSENT_PARTIES_GROUP = "consent-service.parties";

    private PartiesKnown() {}

    static void await(KafkaLogin observer, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(observer.config())) {
            while (!caughtUp(admin)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("consent-service has not read the registrations in " + timeout);
                }
                Loopback.sleep(Duration.ofMillis(300));
            }
        }
    }

    private static boolean caughtUp(Admin admin) {
        try {
            String topic = Topic.PARTY_REGISTERED.topicName();
            Map<TopicPartition, OffsetSpec> latest =
                    admin
                            .describeTopics(java.util.List.of(topic))
                            .allTopicNames()
                            .get()
                            .get(topic)
                            .partitions()
                            .stream()
                            .collect(Collectors.toMap(
                                    p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(CONSENT_PARTIES_GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            return ends.entrySet().stream()
                    .allMatch(end -> end.getValue().offset() == 0
                            || (committed.get(end.getKey()) != null
                                    && committed.get(end.getKey()).offset()
                                            >= end.getValue().offset()));
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package org.hrm.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.hrm.contracts.events.ServiceHeartbeat.PartitionLag;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Lag of this instance's consumers, from the broker: for each partition assigned to one of the service's listener
 * containers, its group's committed offset against the partition's end (read_committed, as the consumers read).
 */
final class ConsumerLag {
    private final KafkaListenerEndpointRegistry registry;
    private final Admin admin;
    private final Duration timeout;

    ConsumerLag(KafkaListenerEndpointRegistry registry, Admin admin, Duration timeout) {
        this.registry = registry;
        this.admin = admin;
        this.timeout = timeout;
    }

    /** One entry per assigned partition, by group, topic and partition. */
    List<PartitionLag> measure() throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, Set<TopicPartition>> assigned = assignedByGroup();
        Set<TopicPartition> partitions = new HashSet<>();
        assigned.values().forEach(partitions::addAll);
        if (partitions.isEmpty()) {
            return List.of();
        }
        Map<TopicPartition, Long> ends = endOffsets(partitions);
        List<PartitionLag> lag = new ArrayList<>();
        for (var group : assigned.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (TopicPartition partition : group.getValue()) {
                OffsetAndMetadata offset = committed.get(partition);
                long end = ends.getOrDefault(partition, 0L);
                // Nothing committed yet: the group starts from the earliest offset, counted here from 0.
                long at = offset == null ? 0 : offset.offset();
                lag.add(new PartitionLag(group.getKey(), partition.topic(), partition.partition(), at, end));
            }
        }
        return lag;
    }

    private Map<String, Set<TopicPartition>> assignedByGroup() {
        Map<String, Set<TopicPartition>> byGroup = new TreeMap<>();
        for (MessageListenerContainer container : registry.getAllListenerContainers()) {
            Collection<TopicPartition> partitions = container.getAssignedPartitions();
            String group = container.getGroupId();
            if (group == null || partitions == null || partitions.isEmpty()) {
                continue;
            }
            byGroup.computeIfAbsent(group, key -> new TreeSet<>(ConsumerLag::compare))
                    .addAll(partitions);
        }
        return byGroup;
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> result = admin.listOffsets(
                        request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> ends = new HashMap<>();
        result.forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static int compare(TopicPartition a, TopicPartition b) {
        int byTopic = a.topic().compareTo(b.topic());
        return byTopic != 0 ? byTopic : Integer.compare(a.partition(), b.partition());
    }
}

package org.hrm.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.hrm.cli.KafkaLogin;

/**
 * Deletes every event the platform's topics hold so far ({@code deleteRecords} up to each partition's end offset), as
 * the topics' retention would once it passed for them: what a reader that starts afterwards can no longer read. A
 * compacted topic without delete retention keeps its latest event per key for ever, so it is left as it is.
 */
final class ExpiredTopics {
    private ExpiredTopics() {}

    /** Expires everything retention would expire on the {@code hrm.*} topics; returns how many events were deleted. */
    static long expireAll(KafkaLogin superUser) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(superUser.config())) {
            List<String> topics = admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith("hrm."))
                    .filter(name -> expiring(admin, name))
                    .toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (TopicDescription topic :
                    admin.describeTopics(topics).allTopicNames().get().values()) {
                topic.partitions().forEach(partition -> {
                    TopicPartition each = new TopicPartition(topic.name(), partition.partition());
                    latest.put(each, OffsetSpec.latest());
                    earliest.put(each, OffsetSpec.earliest());
                });
            }
            Map<TopicPartition, Long> starts = new HashMap<>();
            admin.listOffsets(earliest).all().get().forEach((partition, info) -> starts.put(partition, info.offset()));
            Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
            long deleted = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                long count = end.getValue().offset() - starts.get(end.getKey());
                if (count > 0) {
                    deletions.put(
                            end.getKey(),
                            RecordsToDelete.beforeOffset(end.getValue().offset()));
                    deleted += count;
                }
            }
            admin.deleteRecords(deletions).all().get();
            return deleted;
        }
    }

    private static boolean expiring(Admin admin, String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value().contains(TopicConfig.CLEANUP_POLICY_DELETE);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the cleanup policy of " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

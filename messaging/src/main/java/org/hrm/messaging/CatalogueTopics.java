package org.hrm.messaging;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.hrm.contracts.Topic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics a service creates at startup, each with its catalogue policy ({@link Topic#policy()}: cleanup policy,
 * retention, the settings that come with them, a fixed partition count), so the sandbox creates them as compose and
 * Kubernetes do.
 */
public final class CatalogueTopics {
    /** Replicas left to the broker's {@code default.replication.factor}. */
    public static final short BROKER_DEFAULT_REPLICAS = -1;

    private CatalogueTopics() {}

    /**
     * Every concrete topic of {@code entries}, with {@code partitions} where the catalogue fixes none and
     * {@code replicas} ({@link #BROKER_DEFAULT_REPLICAS} for the broker's default).
     */
    public static KafkaAdmin.NewTopics of(int partitions, short replicas, Topic... entries) {
        return new KafkaAdmin.NewTopics(list(partitions, replicas, entries).toArray(NewTopic[]::new));
    }

    /** The topics {@link #of} creates, as a list. */
    public static List<NewTopic> list(int partitions, short replicas, Topic... entries) {
        return Arrays.stream(entries)
                .flatMap(entry -> entry.allNames().stream().map(name -> newTopic(entry, name, partitions, replicas)))
                .toList();
    }

    /** The topic {@code name} of {@code entry}, as {@link #of} creates it. */
    public static NewTopic newTopic(Topic entry, String name, int partitions, short replicas) {
        if (!entry.allNames().contains(name)) {
            throw new IllegalArgumentException(name + " is not a topic of " + entry);
        }
        TopicBuilder builder = TopicBuilder.name(name)
                .partitions(entry.policy().partitions().orElse(partitions))
                .configs(entry.policy().config());
        if (replicas != BROKER_DEFAULT_REPLICAS) {
            builder.replicas(replicas);
        }
        return builder.build();
    }
}

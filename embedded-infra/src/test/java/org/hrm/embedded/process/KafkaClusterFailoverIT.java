package org.hrm.embedded.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrm.contracts.KafkaRole;
import org.hrm.embedded.KafkaWalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos run's three-broker cluster loses no acknowledged write and writes none twice while one node after another
 * is killed with kill -9 and restarted under a steady acks=all load, and stays inside the walls throughout.
 */
class KafkaClusterFailoverIT {
    private static final String DECIDED = WallsAssertions.DECIDED;
    private static final int PARTITIONS = 3;
    private static final Duration NODE_DOWN = Duration.ofSeconds(5);

    @Test
    void acknowledgedWritesSurviveRollingKills(@TempDir Path home) throws Exception {
        KafkaWalls walls = KafkaWalls.generate(Set.of(WallsAssertions.HOSPITAL));
        try (KafkaCluster cluster =
                new KafkaCluster(home, 3, PARTITIONS, walls, List.of(new NewTopic(DECIDED, PARTITIONS, (short) 3)))) {
            cluster.start();
            assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
            assertThat(minInSyncReplicas(cluster)).isEqualTo("2");

            Load load = new Load(cluster);
            Thread writer = new Thread(load, "acks-all-writer");
            writer.start();
            try {
                Loopback.sleep(Duration.ofSeconds(3));
                for (int node : List.of(1, 2)) {
                    int before = load.acknowledged.size();
                    cluster.kill(node);
                    Loopback.sleep(NODE_DOWN);
                    cluster.start(node);
                    Loopback.sleep(Duration.ofSeconds(2));
                    assertThat(load.acknowledged.size())
                            .as("writes went on around the restart of node %d", node)
                            .isGreaterThan(before);
                }
            } finally {
                load.running.set(false);
                writer.join(Duration.ofSeconds(150).toMillis());
            }
            assertThat(load.failures).as("no acks=all write failed").isEmpty();
            assertThat(load.acknowledged).as("a load to lose").hasSizeGreaterThan(100);

            Map<String, Integer> read = readAll(cluster);
            List<String> lost = load.acknowledged.stream()
                    .filter(value -> !read.containsKey(value))
                    .sorted()
                    .toList();
            List<String> twice = read.entrySet().stream()
                    .filter(entry -> entry.getValue() > 1)
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
            assertThat(lost).as("acknowledged writes lost").isEmpty();
            assertThat(twice).as("writes stored more than once").isEmpty();

            cluster.awaitFullyReplicated(Duration.ofSeconds(60));
            for (TopicPartitionInfo partition : describe(cluster).partitions()) {
                assertThat(partition.replicas()).hasSize(3);
                assertThat(partition.isr())
                        .as("in-sync replicas of %s", partition)
                        .hasSize(3);
            }
            WallsAssertions.assertWalls(cluster);
        }
    }

    /** Sends numbered values as consent-service, acks=all and idempotent, and keeps those acknowledged. */
    private static final class Load implements Runnable {
        final AtomicBoolean running = new AtomicBoolean(true);
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        private final KafkaCluster cluster;

        Load(KafkaCluster cluster) {
            this.cluster = cluster;
        }

        @Override
        public void run() {
            AtomicInteger sequence = new AtomicInteger();
            try (KafkaProducer<String, String> producer =
                    producer(cluster, cluster.clientProperties(KafkaRole.CONSENT.principal()))) {
                while (running.get()) {
                    String value = "decision-" + sequence.incrementAndGet();
                    producer.send(new ProducerRecord<>(DECIDED, value, value), (metadata, error) -> {
                        if (error == null) {
                            acknowledged.add(value);
                        } else {
                            failures.add(value + ": " + error);
                        }
                    });
                    Loopback.sleep(Duration.ofMillis(20));
                }
                producer.flush();
            }
        }
    }

    private static Map<String, Integer> readAll(KafkaCluster cluster) {
        Map<String, Object> config = new HashMap<>(cluster.clientProperties(KafkaWalls.OBSERVER));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Integer> seen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                partitions.add(new TopicPartition(DECIDED, partition));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                assertThat(System.nanoTime()).as("read to the end in time").isLessThan(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    seen.merge(record.value(), 1, Integer::sum);
                }
            }
        }
        return seen;
    }

    private static String minInSyncReplicas(KafkaCluster cluster) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, DECIDED);
        try (Admin admin = cluster.admin()) {
            Config config = admin.describeConfigs(List.of(topic))
                    .all()
                    .get(60, TimeUnit.SECONDS)
                    .get(topic);
            return config.get("min.insync.replicas").value();
        }
    }

    private static TopicDescription describe(KafkaCluster cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            return admin.describeTopics(List.of(DECIDED))
                    .allTopicNames()
                    .get(60, TimeUnit.SECONDS)
                    .get(DECIDED);
        }
    }

    private static KafkaProducer<String, String> producer(KafkaCluster cluster, Map<String, String> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int)
                Duration.ofSeconds(120).toMillis());
        config.put(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}

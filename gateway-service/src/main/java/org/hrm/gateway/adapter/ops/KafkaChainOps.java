package org.hrm.gateway.adapter.ops;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.hrm.client.chain.ChainRpcTokens;
import org.hrm.contracts.Topic;
import org.hrm.gateway.application.HeartbeatBook;
import org.hrm.gateway.application.OpsSource;
import org.hrm.gateway.application.RecordBook;
import org.hrm.messaging.KafkaClientMeters;

/**
 * The dashboard's figures: message counts per topic (end minus start offset), committed-offset lag of every consumer
 * group, the chain's head and pending transactions over JSON-RPC, and each service instance's last heartbeat (read
 * from the heartbeat topics by the gateway's topic reader).
 */
public final class KafkaChainOps implements OpsSource, AutoCloseable {
    private static final List<Topic> PIPELINE = List.of(
            Topic.RECORD_SUBMITTED,
            Topic.RECORD_SEALED,
            Topic.RECORD_COMMITTED,
            Topic.ACCESS_REQUESTED,
            Topic.RECORD_RELEASED,
            Topic.RECORD_RELEASE_DENIED,
            Topic.ERASURE_REQUESTED,
            Topic.KEYS_DESTROYED,
            Topic.ERASURE_COMMITTED);
    private static final List<Topic> DEAD_LETTERS = List.of(
            Topic.CONSENT_DEAD_LETTER,
            Topic.KEY_VAULT_DEAD_LETTER,
            Topic.LEDGER_WRITER_DEAD_LETTER,
            Topic.GATEWAY_DEAD_LETTER);
    private static final long TIMEOUT_SECONDS = 5;

    private final Admin admin;
    private final AutoCloseable meters;
    private final ChainRpc chain;
    private final RecordBook records;
    private final HeartbeatBook heartbeats;
    private final Clock clock;

    /**
     * @param adminConfig Spring Boot's admin properties ({@code KafkaProperties.buildAdminProperties()}), so the
     *     deployment's TLS and SASL settings apply
     * @param chainRpcTokenKeyFile the key the gateway signs its chain RPC tokens with (base64 P-256 scalar); blank: the node
     *     needs none
     */
    public KafkaChainOps(
            Map<String, Object> adminConfig,
            String chainRpc,
            String chainRpcTokenKeyFile,
            RecordBook records,
            HeartbeatBook heartbeats,
            Clock clock,
            MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "hrm-gateway-ops");
        this.admin = Admin.create(config);
        this.meters = KafkaClientMeters.bind(admin, registry);
        this.chain = new ChainRpc(
                chainRpc, ChainRpcTokens.fromKeyFile(chainRpcTokenKeyFile, "hrm-gateway", ChainRpc.PERMISSIONS));
        this.records = records;
        this.heartbeats = heartbeats;
        this.clock = clock;
    }

    @Override
    public Snapshot snapshot() {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, Long> pipeline = new TreeMap<>();
            for (Topic topic : PIPELINE) {
                pipeline.put(
                        topic.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        messages(topic.allNames(), existing));
            }
            Map<String, Long> deadLetters = new TreeMap<>();
            for (Topic topic : DEAD_LETTERS) {
                deadLetters.put(topic.topicName(), messages(topic.allNames(), existing));
            }
            return new Snapshot(
                    pipeline,
                    records.stageCounts(),
                    deadLetters,
                    consumerLag(),
                    chain.read(),
                    heartbeats.statuses(clock),
                    heartbeats.history().minutes(clock),
                    heartbeats.history().attention(clock),
                    List.of(
                            "kafka topic offsets",
                            "kafka consumer groups",
                            "chain JSON-RPC",
                            "gateway record view",
                            "service heartbeats"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka's admin API did not answer", e);
        }
    }

    private long messages(List<String> topics, Set<String> existing)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<TopicPartition> partitions =
                partitions(topics.stream().filter(existing::contains).toList());
        if (partitions.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
        return partitions.stream().mapToLong(p -> end.get(p) - start.get(p)).sum();
    }

    private Map<String, Long> consumerLag() throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Long> lag = new TreeMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            committed.values().removeIf(offset -> offset == null);
            if (committed.isEmpty()) {
                lag.put(group.groupId(), 0L);
                continue;
            }
            Map<TopicPartition, Long> end = offsets(new ArrayList<>(committed.keySet()), OffsetSpec.latest());
            lag.put(
                    group.groupId(),
                    committed.entrySet().stream()
                            .mapToLong(e -> Math.max(
                                    0, end.get(e.getKey()) - e.getValue().offset()))
                            .sum());
        }
        return lag;
    }

    private List<TopicPartition> partitions(List<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (topics.isEmpty()) {
            return List.of();
        }
        return admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
                .flatMap(description -> description.partitions().stream()
                        .map(info -> new TopicPartition(description.name(), info.partition())))
                .toList();
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        return admin
                .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec)))
                .all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() throws Exception {
        meters.close();
        admin.close();
    }
}

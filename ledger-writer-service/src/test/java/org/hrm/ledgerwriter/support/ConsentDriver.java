package org.hrm.ledgerwriter.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.ledgerwriter.support.ConsentLogs.GrantedShare;
import org.hrm.ledgerwriter.support.ConsentLogs.RevokedGrant;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Drives the running service's consent path from outside: publishes ConsentGranted and ConsentRevoked
 * the way an owner's client does, reads the dead-letter topic, the consent group's progress and the chain.
 */
public final class ConsentDriver implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final EventCodec codec = new EventCodec();
    private final KafkaProbe probe;
    private final Admin admin;
    private final Web3j web3j;

    public ConsentDriver(String bootstrapServers) {
        probe = new KafkaProbe(bootstrapServers, List.of(Topic.LEDGER_WRITER_DEAD_LETTER.topicName()));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        web3j = Web3j.build(new HttpService(SharedChain.rpcUrl()));
    }

    /** Registers each grant's owner (attested), then sends the grants. */
    public void grant(ConsentGranted... grants) {
        for (ConsentGranted grant : grants) {
            register(grant.ownerId());
        }
        for (ConsentGranted grant : grants) {
            probe.send(
                    Topic.CONSENT_GRANTED.name(grant.domain()), grant.ownerId(), codec.encode(grant), "ConsentGranted");
        }
        probe.flush();
    }

    /** Sends the owner's attested registration to the parties topic. */
    public void register(String ownerId) {
        probe.send(
                Topic.PARTY_REGISTERED.topicName(),
                ownerId,
                codec.encode(TestAuthority.registration(ownerId)),
                "PartyRegistered");
        probe.flush();
    }

    public void revoke(ConsentRevoked... revocations) {
        for (ConsentRevoked revoked : revocations) {
            probe.send(
                    Topic.CONSENT_REVOKED.name(revoked.domain()),
                    revoked.ownerId(),
                    codec.encode(revoked),
                    "ConsentRevoked");
        }
        probe.flush();
    }

    public void send(String topic, String key, String json, String type) {
        probe.send(topic, key, json.getBytes(StandardCharsets.UTF_8), type);
        probe.flush();
    }

    public String json(Object event) {
        return new String(codec.encode(event), StandardCharsets.UTF_8);
    }

    /** ShareGranted logs of the grant in the domain's ledger contract. */
    public List<GrantedShare> shares(Domain ledger, String grantId) {
        return ConsentLogs.shares(web3j, SharedChain.contracts().get(ledger), grantId);
    }

    /** GrantRevoked logs of the grant in the domain's ledger contract. */
    public List<RevokedGrant> revocations(Domain ledger, String grantId) {
        return ConsentLogs.revocations(web3j, SharedChain.contracts().get(ledger), grantId);
    }

    /** Waits until the grant's domain ledger carries a ShareGranted log for each of its shares. */
    public void awaitShares(ConsentGranted... grants) {
        await("ShareGranted logs", () -> {
            for (ConsentGranted grant : grants) {
                if (shares(grant.domain(), grant.grantId()).size()
                        < grant.shares().size()) {
                    return false;
                }
            }
            return true;
        });
    }

    public void awaitRevoked(ConsentRevoked revoked) {
        await(
                "a GrantRevoked log",
                () -> !revocations(revoked.domain(), revoked.grantId()).isEmpty());
    }

    /** Waits until the group committed every offset of the consent topics: all events so far are processed. */
    public void awaitConsumed(String group) {
        Map<TopicPartition, Long> ends = endOffsets();
        await("group " + group + " to reach " + ends, () -> {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
            return ends.entrySet().stream()
                    .allMatch(end -> end.getValue() == 0
                            || (committed.get(end.getKey()) != null
                                    && committed.get(end.getKey()).offset() >= end.getValue()));
        });
    }

    public List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String keyPrefix, int expected, Duration timeout) {
        return probe.await(
                record -> record.topic().equals(Topic.LEDGER_WRITER_DEAD_LETTER.topicName())
                        && record.key() != null
                        && record.key().startsWith(keyPrefix),
                expected,
                timeout,
                LedgerWriterDriver.SETTLE);
    }

    private Map<TopicPartition, Long> endOffsets() {
        List<String> topics = new ArrayList<>(Topic.CONSENT_GRANTED.allNames());
        topics.addAll(Topic.CONSENT_REVOKED.allNames());
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics)
                    .allTopicNames()
                    .get()
                    .forEach((name, description) -> description
                            .partitions()
                            .forEach(partition ->
                                    latest.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        try {
            return admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        probe.close();
        admin.close();
        web3j.shutdown();
    }
}

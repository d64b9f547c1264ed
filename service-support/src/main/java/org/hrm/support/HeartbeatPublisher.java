package org.hrm.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.hrm.contracts.events.ServiceHeartbeat;
import org.hrm.contracts.events.ServiceHeartbeat.LedgerStatus;
import org.hrm.contracts.events.ServiceHeartbeat.PartitionLag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one heartbeat from what the service can see now: lag per assigned partition, events processed since the
 * last beat (how far its groups' committed offsets moved), dead letters since start, and the ledger probe's view.
 * Also keeps the matching gauges ({@code hrm.consumer.lag}, {@code hrm.ledger.chain.head},
 * {@code hrm.ledger.pending.transactions}) and the counter {@code hrm.events.processed}.
 */
final class HeartbeatPublisher {
    private static final Logger log = LoggerFactory.getLogger(HeartbeatPublisher.class);

    private final ServiceIdentity identity;
    private final ServiceActivity activity;
    private final Supplier<List<PartitionLag>> lag;
    private final Optional<LedgerStatusProbe> ledger;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Instant startedAt;
    private final Map<String, Long> lastCommitted = new HashMap<>();
    private final Map<String, AtomicLong> lagGauges = new HashMap<>();
    private final AtomicLong chainHead = new AtomicLong(-1);
    private final AtomicLong pending = new AtomicLong(-1);
    // The gauges hold their values strongly: Micrometer's default weak reference reads NaN once the publisher that
    // owns them is collected (CI of 2026-12-05 saw it in a test that drops the publisher after one beat).
    private final Counter processed;
    private Instant lastBeat;
    private long processedTotal;

    HeartbeatPublisher(
            ServiceIdentity identity,
            ServiceActivity activity,
            Supplier<List<PartitionLag>> lag,
            Optional<LedgerStatusProbe> ledger,
            MeterRegistry meters,
            Clock clock) {
        this.identity = identity;
        this.activity = activity;
        this.lag = lag;
        this.ledger = ledger;
        this.meters = meters;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.lastBeat = startedAt;
        this.processed = Counter.builder("hrm.events.processed")
                .description("Consumed events whose offsets were committed")
                .register(meters);
        ledger.ifPresent(probe -> {
            Gauge.builder("hrm.ledger.chain.head", chainHead, AtomicLong::get)
                    .description("The node's latest block")
                    .strongReference(true)
                    .register(meters);
            Gauge.builder("hrm.ledger.pending.transactions", pending, AtomicLong::get)
                    .description("The signers' transactions the node holds, not mined yet")
                    .strongReference(true)
                    .register(meters);
        });
    }

    /** The next beat; never throws: what cannot be measured now is left out of it. */
    synchronized ServiceHeartbeat beat() {
        Instant now = clock.instant();
        List<PartitionLag> partitions = measureLag();
        long sinceLast = processedSince(partitions);
        long intervalMillis = Math.max(1, now.toEpochMilli() - lastBeat.toEpochMilli());
        lastBeat = now;
        Map<String, Long> deadLetters = activity.deadLettersByReason();
        return new ServiceHeartbeat(
                identity.service(),
                identity.instanceId(),
                now,
                now.toEpochMilli() - startedAt.toEpochMilli(),
                intervalMillis,
                partitions,
                sinceLast,
                processedTotal,
                sinceLast * 1000.0 / intervalMillis,
                deadLetters.values().stream().mapToLong(Long::longValue).sum(),
                deadLetters,
                ledgerStatus());
    }

    private List<PartitionLag> measureLag() {
        try {
            List<PartitionLag> partitions = lag.get();
            partitions.forEach(this::gauge);
            return partitions;
        } catch (RuntimeException e) {
            log.warn("heartbeat without lag, the broker's offsets are unavailable: {}", e.toString());
            return List.of();
        }
    }

    /** Events processed since the last beat: how far each group's committed offset moved (first sight: 0). */
    private long processedSince(List<PartitionLag> partitions) {
        long sum = 0;
        for (PartitionLag partition : partitions) {
            Long before = lastCommitted.put(key(partition), partition.committedOffset());
            if (before != null && partition.committedOffset() > before) {
                sum += partition.committedOffset() - before;
            }
        }
        processedTotal += sum;
        processed.increment(sum);
        return sum;
    }

    private LedgerStatus ledgerStatus() {
        if (ledger.isEmpty()) {
            return null;
        }
        try {
            LedgerStatus status = ledger.get().status();
            chainHead.set(status.chainHead());
            pending.set(status.pendingTransactions());
            return status;
        } catch (RuntimeException e) {
            log.warn("heartbeat without the chain's status, the node is unavailable: {}", e.toString());
            return null;
        }
    }

    private void gauge(PartitionLag partition) {
        lagGauges
                .computeIfAbsent(key(partition), key -> {
                    AtomicLong value = new AtomicLong();
                    Gauge.builder("hrm.consumer.lag", value, AtomicLong::get)
                            .description("Events on the partition the group has not processed yet")
                            .tag("group", partition.group())
                            .tag("topic", partition.topic())
                            .tag("partition", Integer.toString(partition.partition()))
                            .strongReference(true)
                            .register(meters);
                    return value;
                })
                .set(partition.lag());
    }

    private static String key(PartitionLag partition) {
        return partition.group() + "/" + partition.topic() + "/" + partition.partition();
    }
}

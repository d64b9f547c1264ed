package org.hrm.gateway.application;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.contracts.events.ServiceHeartbeat;
import org.hrm.contracts.events.ServiceHeartbeat.PartitionLag;

/**
 * The latest heartbeat of every service instance, from the heartbeat topics. Instances that stopped stay listed with
 * their growing age (until the topic's retention drops their beats at the next start): the age is what tells.
 */
public final class HeartbeatBook {
    private final Map<String, ServiceHeartbeat> byInstance = new ConcurrentHashMap<>();
    private final OpsHistory history = new OpsHistory();

    public void beat(ServiceHeartbeat beat) {
        // Keyed by service too: an instance id is unique per host and process, not across services.
        String instance = beat.service() + "/" + beat.instanceId();
        byInstance.merge(instance, beat, (known, next) -> next.at().isBefore(known.at()) ? known : next);
        history.record(instance, beat);
    }

    /** The last hour by minute and the paging conditions, from the same beats. */
    public OpsHistory history() {
        return history;
    }

    /** One row per instance, by service then instance, each aged against {@code clock}. */
    public List<OpsSource.ServiceStatus> statuses(Clock clock) {
        long now = clock.millis();
        return byInstance.values().stream()
                .sorted(Comparator.comparing(
                                (ServiceHeartbeat beat) -> beat.service().name())
                        .thenComparing(ServiceHeartbeat::instanceId))
                .map(beat -> new OpsSource.ServiceStatus(
                        beat.service().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        beat.instanceId(),
                        beat.at(),
                        Math.max(0, now - beat.at().toEpochMilli()),
                        beat.throughputPerSecond(),
                        beat.lag().stream().mapToLong(PartitionLag::lag).sum(),
                        beat.deadLettersTotal(),
                        beat.deadLettersByReason(),
                        beat.ledger()))
                .toList();
    }
}

package org.hrm.gateway.application;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest heartbeat of every service instance, from the heartbeat topics. Instances that stopped stay listed with
 * their growing age (until the topic's retention drops their beats at the next start): the age is what tells.
 */
public final class HeartbeatBook {
    private final Map<String, Heartbeat> byInstance = new ConcurrentHashMap<>();
    private final OpsHistory history = new OpsHistory();

    public void beat(Heartbeat beat) {
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
                .sorted(Comparator.comparing(Heartbeat::service).thenComparing(Heartbeat::instanceId))
                .map(beat -> new OpsSource.ServiceStatus(
                        OpsHistory.dashboardName(beat.service()),
                        beat.instanceId(),
                        beat.at(),
                        Math.max(0, now - beat.at().toEpochMilli()),
                        beat.throughputPerSecond(),
                        beat.lag(),
                        beat.deadLettersTotal(),
                        beat.deadLettersByReason(),
                        beat.ledger()))
                .toList();
    }
}

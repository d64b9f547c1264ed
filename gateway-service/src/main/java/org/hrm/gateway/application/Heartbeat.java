package org.hrm.gateway.application;

import java.time.Instant;
import java.util.Map;

/**
 * One service instance's heartbeat, reduced to what the ops dashboard shows and pages on.
 *
 * @param service the service as its heartbeat names it (e.g. {@code KEY_VAULT})
 * @param intervalMillis time since the instance's previous beat
 * @param lag events its consumer groups have not processed yet, summed over its partitions
 * @param deadLettersTotal dead letters it sent since it started
 * @param ledger the ledger writer's view of the chain; null for the other services
 */
public record Heartbeat(
        String service,
        String instanceId,
        Instant at,
        long intervalMillis,
        double throughputPerSecond,
        long lag,
        long deadLettersTotal,
        Map<String, Long> deadLettersByReason,
        OpsSource.Ledger ledger) {
    public Heartbeat {
        deadLettersByReason = Map.copyOf(deadLettersByReason);
    }
}

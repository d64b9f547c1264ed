package org.hrm.gateway.adapter.kafka;

import org.hrm.contracts.events.ServiceHeartbeat;
import org.hrm.gateway.application.Heartbeat;
import org.hrm.gateway.application.OpsSource;

/** A service's heartbeat event as the ops views read it: its lag summed over its partitions. */
final class HeartbeatMapping {
    private HeartbeatMapping() {}

    static Heartbeat heartbeat(ServiceHeartbeat beat) {
        return new Heartbeat(
                beat.service().name(),
                beat.instanceId(),
                beat.at(),
                beat.intervalMillis(),
                beat.throughputPerSecond(),
                beat.lag().stream()
                        .mapToLong(ServiceHeartbeat.PartitionLag::lag)
                        .sum(),
                beat.deadLettersTotal(),
                beat.deadLettersByReason(),
                ledger(beat.ledger()));
    }

    private static OpsSource.Ledger ledger(ServiceHeartbeat.LedgerStatus ledger) {
        if (ledger == null) {
            return null;
        }
        return new OpsSource.Ledger(
                ledger.chainHead(),
                ledger.pendingTransactions(),
                ledger.lanes().stream()
                        .map(lane -> new OpsSource.Lane(lane.signer(), lane.nextNonce(), lane.minedNonce()))
                        .toList());
    }
}

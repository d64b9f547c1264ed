package org.hrm.support;

import org.hrm.contracts.events.ServiceHeartbeat.LedgerStatus;

/** The ledger writer's view of the chain for its heartbeat; other services have none. */
@FunctionalInterface
public interface LedgerStatusProbe {
    /** Asks the node now; throws if it cannot be reached (the beat then goes out without it). */
    LedgerStatus status();
}

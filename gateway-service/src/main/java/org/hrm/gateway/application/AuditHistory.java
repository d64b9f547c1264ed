package org.hrm.gateway.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.audit.AccessHistoryExports;

/**
 * A patient's audit events as the gateway knows them at {@code exportedAt}, newest first, and where the ledger writer
 * anchored each one by event id, for the exported history.
 */
public record AuditHistory(
        String patientId, List<AuditEntry> events, Map<String, AccessHistoryExports.Place> places, Instant exportedAt) {
    public AuditHistory {
        events = List.copyOf(events);
        places = Map.copyOf(places);
    }
}

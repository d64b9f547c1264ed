package org.hrm.gateway.adapter.web;

import java.util.List;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.audit.AccessHistoryExport;
import org.hrm.contracts.audit.AccessHistoryExports;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.gateway.application.AuditEntry;
import org.hrm.gateway.application.AuditHistory;

/** The owner's audit entries as the events their producers signed, for its access history, export and FHIR view. */
final class AccessHistory {
    private static final EventCodec CODEC = new EventCodec();

    private AccessHistory() {}

    static List<AuditEvent> events(List<AuditEntry> entries) {
        return entries.stream()
                .map(entry -> CODEC.decode(entry.event(), AuditEvent.class))
                .toList();
    }

    /** The history as anchored, each event with its proof, for an auditor to check against the chain. */
    static AccessHistoryExport export(AuditHistory history) {
        return AccessHistoryExports.of(
                history.patientId(), events(history.events()), history.places(), history.exportedAt());
    }
}

package org.hrm.gateway.application;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.contracts.events.AuditEvent;

/** Each patient's latest audit events (consent-service's decisions and the gateway's own requests), newest first. */
public final class AuditBook {
    private static final int KEPT_PER_PATIENT = 500;

    private final Map<String, Deque<AuditEvent>> byPatient = new ConcurrentHashMap<>();

    public void add(AuditEvent event) {
        if (event.patientId() == null) {
            return;
        }
        Deque<AuditEvent> events = byPatient.computeIfAbsent(event.patientId(), id -> new ArrayDeque<>());
        synchronized (events) {
            if (events.stream().anyMatch(known -> known.id().equals(event.id()))) {
                return;
            }
            events.addFirst(event);
            if (events.size() > KEPT_PER_PATIENT) {
                events.removeLast();
            }
        }
    }

    public List<AuditEvent> of(String patientId) {
        Deque<AuditEvent> events = byPatient.get(patientId);
        if (events == null) {
            return List.of();
        }
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}

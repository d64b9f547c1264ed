package org.hrm.gateway.application;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.contracts.audit.AccessHistoryExports;

/**
 * Each patient's latest audit events (consent-service's decisions and the gateway's own requests), newest first, each
 * kept as its producer signed it, and where the ledger writer anchored each one (its sequence number and Merkle proof),
 * for the exported history.
 */
public final class AuditBook {
    private static final int KEPT_PER_PATIENT = 500;

    private final Map<String, Deque<AuditEntry>> byPatient = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AccessHistoryExports.Place>> placesByPatient = new ConcurrentHashMap<>();
    private final Clock clock;

    public AuditBook() {
        this(Clock.systemUTC());
    }

    public AuditBook(Clock clock) {
        this.clock = clock;
    }

    /**
     * Keeps the places, by event id, of the events one anchor holds that are on patients (the newest
     * {@value #KEPT_PER_PATIENT} per patient).
     */
    public void anchored(Map<String, AccessHistoryExports.Place> anchoredPlaces) {
        anchoredPlaces.forEach((eventId, place) -> {
            if (place.patientId() == null) {
                return;
            }
            Map<String, AccessHistoryExports.Place> places =
                    placesByPatient.computeIfAbsent(place.patientId(), id -> newestKept());
            synchronized (places) {
                places.put(eventId, place);
            }
        });
    }

    /** The patient's history and where each event is anchored, for an auditor to check against the chain. */
    public AuditHistory export(String patientId) {
        Map<String, AccessHistoryExports.Place> places = placesByPatient.get(patientId);
        Map<String, AccessHistoryExports.Place> copy;
        if (places == null) {
            copy = Map.of();
        } else {
            synchronized (places) {
                copy = new HashMap<>(places);
            }
        }
        return new AuditHistory(patientId, of(patientId), copy, clock.instant());
    }

    public void add(AuditEntry event) {
        if (event.patientId() == null) {
            return;
        }
        Deque<AuditEntry> events = byPatient.computeIfAbsent(event.patientId(), id -> new ArrayDeque<>());
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

    private static Map<String, AccessHistoryExports.Place> newestKept() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AccessHistoryExports.Place> eldest) {
                return size() > KEPT_PER_PATIENT;
            }
        };
    }

    public List<AuditEntry> of(String patientId) {
        Deque<AuditEntry> events = byPatient.get(patientId);
        if (events == null) {
            return List.of();
        }
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}

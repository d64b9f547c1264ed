package org.hrm.gateway.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hrm.contracts.events.RecordReleaseDenied;
import org.hrm.contracts.events.RecordReleased;

/**
 * The vault's answers to the access requests this gateway sent. Answers to anyone else's requests are not kept:
 * the gateway hands a release only to the party that asked for it through the gateway, and only a release that names
 * the request's record and requester. A release (C1 sealed to the requester) is kept only until it is handed out
 * once ({@link #forget}) or for two minutes if nobody collects it; the gateway caches no C1 beyond the request it
 * serves.
 */
public final class ReleaseAnswers {
    private static final int KEPT = 10_000;
    /**
     * How long a request (and the release answering it) is kept for its requester to collect: a release nobody comes
     * back for is dropped, so sealed C1 never stays in memory past the request it serves. A fetch collects its answer
     * within seconds; the portal polls every second.
     */
    static final long KEPT_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(2);

    /** One request this gateway sent, and its answer once the vault gave it. */
    public record Pending(String requestId, String recordId, String requesterId, CompletableFuture<Answer> answer) {}

    /** Exactly one of the two is set. */
    public record Answer(RecordReleased released, RecordReleaseDenied denied) {}

    private final Map<String, Pending> pending = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > KEPT;
        }
    };

    private final Map<String, Long> expectedAt = new java.util.HashMap<>();
    private final java.util.function.LongSupplier nanoClock;

    public ReleaseAnswers() {
        this(System::nanoTime);
    }

    ReleaseAnswers(java.util.function.LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    public synchronized Pending expect(String requestId, String recordId, String requesterId) {
        dropExpired();
        Pending request = new Pending(requestId, recordId, requesterId, new CompletableFuture<>());
        pending.put(requestId, request);
        expectedAt.put(requestId, nanoClock.getAsLong());
        return request;
    }

    public synchronized Optional<Pending> find(String requestId) {
        dropExpired();
        return Optional.ofNullable(pending.get(requestId));
    }

    // Insertion order is request order, so the expired ones are at the head.
    private void dropExpired() {
        long now = nanoClock.getAsLong();
        var eldest = pending.keySet().iterator();
        while (eldest.hasNext()) {
            String requestId = eldest.next();
            Long at = expectedAt.get(requestId);
            if (at != null && now - at <= KEPT_NANOS) {
                break;
            }
            eldest.remove();
            expectedAt.remove(requestId);
        }
        expectedAt.keySet().retainAll(pending.keySet());
    }

    public void released(RecordReleased event) {
        find(event.requestId())
                .filter(request -> event.answers(request.requestId(), request.recordId(), request.requesterId()))
                .ifPresent(request -> request.answer().complete(new Answer(event, null)));
    }

    public void denied(RecordReleaseDenied event) {
        find(event.requestId())
                .filter(request -> event.recordId().equals(request.recordId())
                        && event.requesterId().equals(request.requesterId()))
                .ifPresent(request -> request.answer().complete(new Answer(null, event)));
    }

    /** The releases answered and not yet handed out: what the sandbox's erasure completeness check inspects. */
    public synchronized List<RecordReleased> held() {
        dropExpired();
        return pending.values().stream()
                .map(request -> request.answer().getNow(null))
                .filter(answer -> answer != null && answer.released() != null)
                .map(Answer::released)
                .toList();
    }

    /** Drops a request once its answer was handed to the requester. */
    public synchronized void forget(String requestId) {
        pending.remove(requestId);
        expectedAt.remove(requestId);
    }
}

package org.hrm.gateway.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hrm.contracts.events.RecordReleaseDenied;
import org.hrm.contracts.events.RecordReleased;

/**
 * The vault's answers to the access requests this gateway sent. Answers to anyone else's requests are not kept:
 * the gateway hands a release only to the party that asked for it through the gateway, and only a release that names
 * the request's record and requester. A release (C1 sealed to the requester) is kept only until it is handed out
 * once ({@link #forget}); the gateway caches no C1 beyond the request it serves.
 */
public final class ReleaseAnswers {
    private static final int KEPT = 10_000;

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

    public synchronized Pending expect(String requestId, String recordId, String requesterId) {
        Pending request = new Pending(requestId, recordId, requesterId, new CompletableFuture<>());
        pending.put(requestId, request);
        return request;
    }

    public synchronized Optional<Pending> find(String requestId) {
        return Optional.ofNullable(pending.get(requestId));
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

    /** Drops a request once its answer was handed to the requester. */
    public synchronized void forget(String requestId) {
        pending.remove(requestId);
    }
}

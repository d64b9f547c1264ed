package org.hrm.gateway.application;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.contracts.Domain;

/**
 * The vault's answers to the access requests the gateway sent, kept in the gateway's {@link ReleaseStore} so any
 * replica answers any poll. Answers to anyone else's requests are not kept: the gateway hands a release only to the
 * party that asked for it through the gateway, and only a release that names the request's record and requester. A
 * release (C1 sealed to the requester) is kept only until it is handed out once ({@link #forget}) or for two minutes
 * if nobody collects it; the gateway keeps no C1 beyond the request it serves.
 */
public final class ReleaseAnswers {
    /**
     * How long a request (and the release answering it) is kept for its requester to collect: a release nobody comes
     * back for is dropped. A fetch collects its answer within seconds; the portal polls every second.
     */
    static final Duration KEPT = Duration.ofMinutes(2);

    /** One request, and its answer once the vault gave it (completed at once when it is already stored). */
    public record Pending(String requestId, String recordId, String requesterId, CompletableFuture<Answer> answer) {}

    /** Exactly one of the two is set: the release, or the reason the vault denied the request. */
    public record Answer(Release released, String denied) {}

    private final ReleaseStore store;
    private final InstantSource clock;
    // The requests this replica's callers are waiting on right now, to wake them when the answer is read here.
    private final Map<String, CompletableFuture<Answer>> waiting = new ConcurrentHashMap<>();

    public ReleaseAnswers(ReleaseStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    public Pending expect(String requestId, Domain domain, String recordId, String requesterId) {
        store.dropExpired(clock.instant());
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        waiting.put(requestId, answer);
        store.expect(new ReleaseStore.Request(
                requestId, domain, recordId, requesterId, clock.instant().plus(KEPT), null));
        return new Pending(requestId, recordId, requesterId, answer);
    }

    /** The request with its answer as stored, whichever replica sent it or read the answer. */
    public Optional<Pending> find(String requestId) {
        return store.find(requestId, clock.instant()).map(request -> {
            CompletableFuture<Answer> answer = request.answer() == null
                    ? new CompletableFuture<>()
                    : CompletableFuture.completedFuture(request.answer());
            return new Pending(request.requestId(), request.recordId(), request.requesterId(), answer);
        });
    }

    public void released(Release release) {
        store.find(release.requestId(), clock.instant())
                .filter(request -> release.answers(request.requestId(), request.recordId(), request.requesterId()))
                .ifPresent(request -> answered(request, new Answer(release, null)));
    }

    /** The vault denied request {@code requestId} of {@code requesterId} for {@code recordId}, saying why. */
    public void denied(String requestId, String recordId, String requesterId, String reason) {
        store.find(requestId, clock.instant())
                .filter(request -> recordId.equals(request.recordId()) && requesterId.equals(request.requesterId()))
                .ifPresent(request -> answered(request, new Answer(null, reason)));
    }

    private void answered(ReleaseStore.Request request, Answer answer) {
        store.answer(request.requestId(), request.domain(), answer);
        CompletableFuture<Answer> waiter = waiting.remove(request.requestId());
        if (waiter != null) {
            waiter.complete(answer);
        }
    }

    /** The releases answered and not yet handed out: what the sandbox's erasure completeness check inspects. */
    public List<Release> held() {
        store.dropExpired(clock.instant());
        return store.held(clock.instant());
    }

    /** Drops a request once its answer was handed to the requester. */
    public void forget(String requestId) {
        waiting.remove(requestId);
        store.forget(requestId);
    }

    /** Stops waiting for a request here; its answer is still stored for a poll on any replica. */
    public void stopWaiting(String requestId) {
        waiting.remove(requestId);
    }
}

package org.hrm.gateway.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.contracts.Domain;

/** A {@link ReleaseStore} in a map, shared by the replicas of a test as the database would be. */
public final class InMemoryReleaseStore implements ReleaseStore {
    private final Map<String, Request> requests = new ConcurrentHashMap<>();

    @Override
    public void expect(Request request) {
        requests.put(request.requestId(), request);
    }

    @Override
    public Optional<Request> find(String requestId, Instant now) {
        return Optional.ofNullable(requests.get(requestId))
                .filter(request -> !request.expiresAt().isBefore(now));
    }

    @Override
    public void answer(String requestId, Domain domain, ReleaseAnswers.Answer answer) {
        requests.computeIfPresent(
                requestId,
                (id, request) -> request.answer() != null
                        ? request
                        : new Request(
                                id, domain, request.recordId(), request.requesterId(), request.expiresAt(), answer));
    }

    @Override
    public void forget(String requestId) {
        requests.remove(requestId);
    }

    @Override
    public void dropExpired(Instant now) {
        requests.values().removeIf(request -> request.expiresAt().isBefore(now));
    }

    @Override
    public List<Release> held(Instant now) {
        return requests.values().stream()
                .filter(request -> !request.expiresAt().isBefore(now) && request.answer() != null)
                .map(request -> request.answer().released())
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}

package org.hrm.gateway.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hrm.contracts.Domain;

/**
 * The fetches the gateway's replicas sent and the vault's answers to them, shared by every replica: a fetch posted to
 * one replica is answered by whichever replica reads the vault's answer, and polled on any of them. An answer holding
 * a release (C1 sealed to the requester) is kept only until it is handed out or its request expires.
 */
public interface ReleaseStore {
    /** One request a replica sent, with the vault's answer once read. */
    record Request(
            String requestId,
            Domain domain,
            String recordId,
            String requesterId,
            Instant expiresAt,
            ReleaseAnswers.Answer answer) {}

    void expect(Request request);

    /** The request, if it is known and has not expired at {@code now}. */
    Optional<Request> find(String requestId, Instant now);

    /** Stores the first answer to a request; a later one (a redelivery, a second reader) changes nothing. */
    void answer(String requestId, Domain domain, ReleaseAnswers.Answer answer);

    void forget(String requestId);

    /** Drops every request that expired before {@code now}, with its answer. */
    void dropExpired(Instant now);

    /** The releases answered and not yet handed out. */
    List<Release> held(Instant now);
}

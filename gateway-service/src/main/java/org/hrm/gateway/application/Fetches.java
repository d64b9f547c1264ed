package org.hrm.gateway.application;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hrm.gateway.domain.Caller;

/**
 * Fetch through the gateway: sends an access request for the caller and waits a short time for the vault's
 * answer; a caller who gets no answer in time polls for it by request id.
 */
public final class Fetches {
    private final AccessRequests requests;
    private final ReleaseAnswers answers;
    private final Clock clock;
    private final Duration wait;

    public Fetches(AccessRequests requests, ReleaseAnswers answers, Clock clock, Duration wait) {
        this.requests = requests;
        this.answers = answers;
        this.clock = clock;
        this.wait = wait;
    }

    /**
     * Asks for the record as the caller, the request carrying the gateway's attestation of that caller (the portal
     * signs nothing itself); the pending request, answered if the vault was quick enough.
     */
    public ReleaseAnswers.Pending fetch(RecordView record, Caller caller, String purpose, String emergency) {
        String requestId = UUID.randomUUID().toString();
        String requesterId = caller.partyId();
        // Expected before it is sent, so an answer cannot arrive before anyone waits for it.
        ReleaseAnswers.Pending pending = answers.expect(requestId, record.domain(), record.recordId(), requesterId);
        requests.send(
                caller,
                new AccessRequest(
                        requestId,
                        record.recordId(),
                        record.domain(),
                        requesterId,
                        purpose,
                        emergency,
                        clock.instant()));
        awaitBriefly(pending);
        return pending;
    }

    private void awaitBriefly(ReleaseAnswers.Pending pending) {
        try {
            pending.answer().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Not answered yet: the caller polls, on this replica or another, which finds the answer stored.
            answers.stopWaiting(pending.requestId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("access request failed", e.getCause());
        }
    }
}

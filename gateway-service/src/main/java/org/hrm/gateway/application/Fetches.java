package org.hrm.gateway.application;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hrm.contracts.events.AccessRequested;

/**
 * Fetch through the gateway: sends an {@link AccessRequested} for the caller and waits a short time for the vault's
 * answer; a caller who gets no answer in time polls for it by request id.
 */
public final class Fetches {
    private final GatewayCommands commands;
    private final ReleaseAnswers answers;
    private final Clock clock;
    private final Duration wait;

    public Fetches(GatewayCommands commands, ReleaseAnswers answers, Clock clock, Duration wait) {
        this.commands = commands;
        this.answers = answers;
        this.clock = clock;
        this.wait = wait;
    }

    /** Asks for the record as {@code requesterId}; the pending request, answered if the vault was quick enough. */
    public ReleaseAnswers.Pending fetch(RecordView record, String requesterId, String purpose, String emergency) {
        String requestId = UUID.randomUUID().toString();
        // Expected before it is sent, so an answer cannot arrive before anyone waits for it.
        ReleaseAnswers.Pending pending = answers.expect(requestId, record.recordId(), requesterId);
        commands.requestAccess(new AccessRequested(
                requestId, record.recordId(), record.domain(), requesterId, purpose, emergency, clock.instant()));
        awaitBriefly(pending);
        return pending;
    }

    private void awaitBriefly(ReleaseAnswers.Pending pending) {
        try {
            pending.answer().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Not answered yet: the caller polls.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("access request failed", e.getCause());
        }
    }
}

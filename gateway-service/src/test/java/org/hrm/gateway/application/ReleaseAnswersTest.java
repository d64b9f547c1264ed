package org.hrm.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.junit.jupiter.api.Test;

/**
 * A release (sealed C1) is held only until its requester collects it, or two minutes if nobody does; it is held in
 * the store every replica shares, so a fetch sent through one replica is answered on another.
 */
class ReleaseAnswersTest {
    private final InMemoryReleaseStore store = new InMemoryReleaseStore();
    private Instant now = Instant.parse("2026-12-05T06:00:00Z");
    private final InstantSource clock = () -> now;
    private final ReleaseAnswers answers = new ReleaseAnswers(store, clock);
    private final String requestId = UUID.randomUUID().toString();
    private final String recordId = UUID.randomUUID().toString();

    @Test
    void aCollectedReleaseIsNoLongerHeld() {
        answers.expect(requestId, Domain.PATIENT, recordId, "dr-chen");
        answers.released(release());
        assertThat(answers.held()).hasSize(1);

        answers.forget(requestId);

        assertThat(answers.held()).isEmpty();
        assertThat(answers.find(requestId)).isEmpty();
    }

    @Test
    void aReleaseNobodyCollectsIsDroppedAfterTwoMinutes() {
        answers.expect(requestId, Domain.PATIENT, recordId, "dr-chen");
        answers.released(release());
        now = now.plus(Duration.ofSeconds(119));
        assertThat(answers.held()).hasSize(1);

        now = now.plus(Duration.ofSeconds(2));

        assertThat(answers.held()).isEmpty();
        assertThat(answers.find(requestId)).isEmpty();
    }

    @Test
    void aFetchSentThroughOneReplicaIsAnsweredOnAnother() {
        ReleaseAnswers.Pending sent = answers.expect(requestId, Domain.PATIENT, recordId, "dr-chen");
        ReleaseAnswers otherReplica = new ReleaseAnswers(store, clock);

        otherReplica.released(release());

        assertThat(otherReplica
                        .find(requestId)
                        .orElseThrow()
                        .answer()
                        .getNow(null)
                        .released()
                        .requestId())
                .isEqualTo(requestId);
        assertThat(sent.answer()).isNotDone();
        answers.released(release());
        assertThat(sent.answer().getNow(null).released()).isNotNull();
    }

    @Test
    void aReleaseNamingAnotherRequesterIsNotStored() {
        answers.expect(requestId, Domain.PATIENT, recordId, "dr-chen");

        answers.released(release("dr-mallory"));

        assertThat(answers.find(requestId).orElseThrow().answer()).isNotDone();
        assertThat(answers.held()).isEmpty();
    }

    private Release release() {
        return release("dr-chen");
    }

    private Release release(String requesterId) {
        return new Release(requestId, recordId, requesterId, new byte[] {'{', '}'});
    }
}

package org.hrm.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordReleased;
import org.junit.jupiter.api.Test;

/** A release (sealed C1) is held only until its requester collects it, or two minutes if nobody does. */
class ReleaseAnswersTest {
    private final AtomicLong now = new AtomicLong();
    private final ReleaseAnswers answers = new ReleaseAnswers(now::get);
    private final String requestId = UUID.randomUUID().toString();
    private final String recordId = UUID.randomUUID().toString();

    @Test
    void aCollectedReleaseIsNoLongerHeld() {
        answers.expect(requestId, recordId, "dr-chen");
        answers.released(release());
        assertThat(answers.held()).hasSize(1);

        answers.forget(requestId);

        assertThat(answers.held()).isEmpty();
        assertThat(answers.find(requestId)).isEmpty();
    }

    @Test
    void aReleaseNobodyCollectsIsDroppedAfterTwoMinutes() {
        answers.expect(requestId, recordId, "dr-chen");
        answers.released(release());
        now.addAndGet(TimeUnit.SECONDS.toNanos(119));
        assertThat(answers.held()).hasSize(1);

        now.addAndGet(TimeUnit.SECONDS.toNanos(2));

        assertThat(answers.held()).isEmpty();
        assertThat(answers.find(requestId)).isEmpty();
    }

    private RecordReleased release() {
        return new RecordReleased(
                requestId,
                recordId,
                Domain.PATIENT,
                "dr-chen",
                new byte[RecordReleased.ENC_BYTES + 40],
                new KeyShare("dr-chen", new byte[145]),
                Instant.now());
    }
}

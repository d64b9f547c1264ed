package org.hrm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;
import org.junit.jupiter.api.Test;

/** RecordReleased's optional provenance: all of it or none, and what a reader rebuilds from it. */
class RecordReleasedProvenanceTest {
    private final EventCodec codec = new EventCodec();

    @Test
    void aReleaseWithProvenanceNamesTheSubmissionToVerifyWithTheOpenedC1() throws IOException {
        RecordReleased released = codec.decode(EventFixturesTest.fixture("RecordReleased"), RecordReleased.class);
        byte[] c1 = {2, 1, 2, 3};

        RecordSubmitted submission = released.submission(c1).orElseThrow();

        assertThat(released.carriesProvenance()).isTrue();
        assertThat(submission.recordId()).isEqualTo(released.recordId());
        assertThat(submission.ownerId()).isEqualTo("patient-alice");
        assertThat(submission.authorId()).isEqualTo("hospital-st-mary");
        assertThat(submission.innerCiphertext()).isEqualTo(c1);
        assertThat(submission.shares()).hasSize(3);
        assertThat(submission.category()).isEqualTo("Observation");
    }

    @Test
    void aReleaseWithoutProvenanceDecodesAndNamesNoSubmission() throws IOException {
        String json = new String(EventFixturesTest.fixture("RecordReleased"), StandardCharsets.UTF_8);
        String without = json.substring(0, json.indexOf(",\n  \"ownerId\"")) + "\n}";

        RecordReleased released = codec.decode(without.getBytes(StandardCharsets.UTF_8), RecordReleased.class);

        assertThat(released.carriesProvenance()).isFalse();
        assertThat(released.submission(new byte[] {2})).isEmpty();
    }

    @Test
    void aReleaseWithPartOfTheProvenanceIsRefused() throws IOException {
        String json = new String(EventFixturesTest.fixture("RecordReleased"), StandardCharsets.UTF_8);
        String noSignature = json.replace("\"authorSignature\": \"c2lnbmF0dXJl\",", "");

        assertThatThrownBy(() -> codec.decode(noSignature.getBytes(StandardCharsets.UTF_8), RecordReleased.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("missing field authorSignature");
    }
}

package org.hrm.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadLetterReasonsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "oversized event: 300000 bytes, limit 262144 | oversized event",
                "malformed RecordSubmitted: Unexpected character ('n') | malformed RecordSubmitted",
                "unknown event type 'Foo' | unknown event type",
                "topic hrm.x is not a record-submitted topic | topic hrm.x is not a record-submitted topic",
                "grant 12 of 3 shares | grant N of N shares"
            })
    void foldsDetailsAndNumbersOutOfTheReason(String reason, String category) {
        assertThat(DeadLetterReasons.category(reason)).isEqualTo(category);
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'   '"})
    void aMissingReasonIsUnknown(String reason) {
        assertThat(DeadLetterReasons.category(reason)).isEqualTo("unknown");
    }
}

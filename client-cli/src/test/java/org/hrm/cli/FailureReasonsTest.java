package org.hrm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailureReasonsTest {

    @Test
    void eachMessageOfTheChainOnceOutermostFirstAndTheClassWhereThereIsNone() {
        ConnectException refused = new ConnectException("Connection refused");
        Exception failure = new IllegalStateException(
                "Failed to connect to /127.0.0.1:1",
                new CompletionException("Failed to connect to /127.0.0.1:1", new RuntimeException(null, refused)));

        assertThat(FailureReasons.of(failure))
                .isEqualTo("Failed to connect to /127.0.0.1:1: RuntimeException: Connection refused");
    }

    @Test
    void aChainThatLoopsBackIsReadOnce() {
        IllegalStateException outer = new IllegalStateException("outer");
        RuntimeException inner = new RuntimeException("inner", outer);
        outer.initCause(inner);

        assertThat(FailureReasons.chain(outer)).containsExactly(outer, inner);
        assertThat(FailureReasons.of(outer)).isEqualTo("outer: inner");
    }
}

package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class StageThreadsTest {
    private final StageThreads stages = new StageThreads();

    @Test
    void threadsThatAPartStartsJoinItsStagesGroup() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);

        Thread listener = stages.start("vault", () -> {
            Thread started = new Thread(() -> await(stop), "listener");
            started.start();
            return started;
        });
        ThreadGroup starter =
                stages.start("writer", () -> Thread.currentThread().getThreadGroup());

        try {
            assertThat(listener.getThreadGroup()).isSameAs(stages.groups().get("vault"));
            assertThat(starter).isSameAs(stages.groups().get("writer"));
            assertThat(stages.groups().keySet()).containsExactly("vault", "writer");
        } finally {
            stop.countDown();
        }
    }

    @Test
    void rethrowsWhatThePartThrewWhenItStarted() {
        assertThatThrownBy(() -> stages.start("broker", () -> {
                    throw new IOException("port taken");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("port taken");
        assertThatThrownBy(() -> stages.start("database", () -> {
                    throw new IllegalStateException("no disk");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no disk");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

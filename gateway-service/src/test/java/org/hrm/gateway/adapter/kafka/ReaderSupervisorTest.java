package org.hrm.gateway.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A dead reader, or one stuck while behind, turns readiness DOWN and is replaced; an idle one is left alone. */
class ReaderSupervisorTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private long now = 1_000 * SECOND;
    private final List<FakeReader> started = new ArrayList<>();
    private final ReaderSupervisor supervisor = new ReaderSupervisor(
            () -> {
                FakeReader reader = new FakeReader(now);
                started.add(reader);
                return reader;
            },
            Duration.ofSeconds(30),
            () -> now,
            false);

    @Test
    void aReaderThatDiedIsReportedAndReplaced() {
        supervisor.start();
        started.get(0).failure = "MongoTimeoutException: database unreachable";
        started.get(0).alive = false;

        supervisor.check();

        assertThat(supervisor.status().up()).isFalse();
        assertThat(supervisor.status().detail()).contains("stopped", "database unreachable");
        assertThat(started.get(0).closed).isTrue();
        assertThat(started).hasSize(2);
        assertThat(started.get(1).started).isTrue();
        now += SECOND;
        supervisor.check();
        assertThat(supervisor.status())
                .extracting(ReaderSupervisor.Status::up, ReaderSupervisor.Status::restarts)
                .containsExactly(true, 1);
    }

    @Test
    void aReaderWithoutProgressWhileBehindIsReportedAndReplaced() {
        supervisor.start();
        started.get(0).behind = true;
        now += 29 * SECOND;
        supervisor.check();
        assertThat(supervisor.status().up()).isTrue();

        now += 2 * SECOND;
        supervisor.check();

        assertThat(supervisor.status().up()).isFalse();
        assertThat(supervisor.status().detail()).contains("no progress for 31 s while behind");
        assertThat(started.get(0).closed).isTrue();
        assertThat(started).hasSize(2);
    }

    @Test
    void anIdleReaderWithNothingToReadStaysUp() {
        supervisor.start();

        now += 600 * SECOND;
        supervisor.check();

        assertThat(supervisor.status().up()).isTrue();
        assertThat(started).hasSize(1);
    }

    @Test
    void restartsBackOffWhileNewReadersKeepDying() {
        supervisor.start();
        started.get(0).alive = false;
        supervisor.check();
        started.get(1).alive = false;

        supervisor.check();
        assertThat(started).as("the second restart waits a second").hasSize(2);
        now += SECOND;
        supervisor.check();
        started.get(2).alive = false;
        supervisor.check();
        now += SECOND;
        supervisor.check();

        assertThat(started).as("the third restart waits two seconds").hasSize(3);
        assertThat(supervisor.status().up()).isFalse();
        now += SECOND;
        supervisor.check();
        assertThat(started).hasSize(4);
    }

    private static final class FakeReader implements SupervisedReader {
        boolean started;
        boolean closed;
        boolean alive = true;
        boolean behind;
        String failure;
        final long progress;

        FakeReader(long progress) {
            this.progress = progress;
        }

        @Override
        public void start() {
            started = true;
        }

        @Override
        public boolean alive() {
            return alive;
        }

        @Override
        public Optional<String> failure() {
            return Optional.ofNullable(failure);
        }

        @Override
        public long lastProgressNanos() {
            return progress;
        }

        @Override
        public boolean behind() {
            return behind;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}

package org.hrm.benchmarks.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CpuClockTest {
    private static final long BURN_NANOS = 250_000_000L;

    private final ThreadGroup vault = new ThreadGroup("vault");
    private final ThreadGroup writer = new ThreadGroup("writer");

    @Test
    void chargesEachStageTheCpuItsOwnThreadsUsedWithinTheSpan() throws Exception {
        Map<String, ThreadGroup> stages = new LinkedHashMap<>();
        stages.put("vault", vault);
        stages.put("writer", writer);
        CpuClock clock = new CpuClock(stages);
        CountDownLatch stop = new CountDownLatch(1);
        new Thread(writer, () -> await(stop), "idle-writer").start();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch burned = new CountDownLatch(1);
        new Thread(vault, () -> burnThenWait(go, burned, stop), "busy-vault").start();

        CpuClock.Reading start = clock.now();
        go.countDown();
        burned.await();
        CpuClock.Reading used = clock.now().minus(start);
        stop.countDown();

        Map<String, Long> byStage = used.byStage(clock.stageNames());
        assertThat(List.copyOf(byStage.keySet())).isEqualTo(List.of("vault", "writer"));
        assertThat(byStage.get("vault")).isBetween(BURN_NANOS, 2 * BURN_NANOS);
        assertThat(byStage.get("writer")).isLessThan(50_000_000L);
        assertThat(used.jvmNanos()).isGreaterThanOrEqualTo(byStage.get("vault"));
    }

    @Test
    void chargesAStageInAProcessOfItsOwnItsProcesssCpuAsThePlatformsNotAsAChilds() throws Exception {
        Process part = new ProcessBuilder(
                        "sh", "-c", "read go; i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; echo done; read stop")
                .start();
        try {
            CpuClock clock = new CpuClock(Map.of(), Map.of("database", part.pid()));
            BufferedWriter toPart = new BufferedWriter(new OutputStreamWriter(part.getOutputStream()));
            BufferedReader fromPart = new BufferedReader(new InputStreamReader(part.getInputStream()));

            CpuClock.Reading start = clock.now();
            toPart.write("go\n");
            toPart.flush();
            assertThat(fromPart.readLine()).isEqualTo("done");
            CpuClock.Reading used = clock.now().minus(start);

            long database = used.byStage(clock.stageNames()).get("database");
            assertThat(List.copyOf(used.byStage(clock.stageNames()).keySet())).isEqualTo(List.of("database"));
            assertThat(database).isPositive();
            assertThat(used.jvmNanos()).isGreaterThanOrEqualTo(database);
            assertThat(used.childNanos())
                    .as("the stage's process is not an other child (Anvil)")
                    .isZero();
        } finally {
            part.destroyForcibly();
        }
    }

    @Test
    void countsOnlyWhatAThreadUsedAfterTheSpanBegan() {
        CpuClock.Reading start = new CpuClock.Reading(
                10, 0, Map.of(1L, new CpuClock.ThreadTime("vault", 700), 2L, new CpuClock.ThreadTime("writer", 50)));
        CpuClock.Reading end = new CpuClock.Reading(
                30, 5, Map.of(1L, new CpuClock.ThreadTime("vault", 1000), 3L, new CpuClock.ThreadTime("writer", 40)));

        CpuClock.Reading used = end.minus(start);

        assertThat(used.byStage(List.of("vault", "writer", "broker")))
                .containsEntry("vault", 300L)
                .containsEntry("writer", 40L)
                .containsEntry("broker", 0L);
        assertThat(used.jvmNanos()).isEqualTo(20);
        assertThat(used.childNanos()).isEqualTo(5);
    }

    /** After {@code go}, uses 250 ms of this thread's CPU, says so, and stays alive until {@code stop}. */
    private static void burnThenWait(CountDownLatch go, CountDownLatch burned, CountDownLatch stop) {
        await(go);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + BURN_NANOS;
        while (threads.getCurrentThreadCpuTime() < until) {
            Thread.onSpinWait();
        }
        burned.countDown();
        await(stop);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

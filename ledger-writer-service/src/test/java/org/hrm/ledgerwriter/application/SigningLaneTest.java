package org.hrm.ledgerwriter.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SigningLaneTest {
    private final FakeChain chain = new FakeChain();
    private final SigningLane lane = new SigningLane(chain);
    private final List<String> steps = new CopyOnWriteArrayList<>();

    @Test
    void letsOneBatchAtATimeSignAndBroadcast() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> lane.turn(() -> {
            steps.add("first signs");
            firstInside.countDown();
            await(releaseFirst);
            steps.add("first broadcasts");
            return null;
        }));
        firstInside.await(5, TimeUnit.SECONDS);

        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> lane.turn(() -> steps.add("second signs")));
        Thread.sleep(200);
        releaseFirst.countDown();
        CompletableFuture.allOf(first, second).get(5, TimeUnit.SECONDS);

        assertThat(steps).containsExactly("first signs", "first broadcasts", "second signs");
    }

    @Test
    void forgetsTheNonceBeforeTheNextTurnWhenATurnFails() {
        assertThatThrownBy(() -> lane.turn(() -> {
                    throw new LedgerWriteException("index down");
                }))
                .hasMessage("index down");

        assertThat(chain.nonceResyncs).isEqualTo(1);
    }

    @Test
    void resyncsOnlyBetweenTurns() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> turn = CompletableFuture.runAsync(() -> lane.turn(() -> {
            inside.countDown();
            await(release);
            steps.add("turn resyncs " + chain.nonceResyncs);
            return null;
        }));
        inside.await(5, TimeUnit.SECONDS);

        CompletableFuture<Void> resync = CompletableFuture.runAsync(lane::resync);
        Thread.sleep(200);
        release.countDown();
        CompletableFuture.allOf(turn, resync).get(5, TimeUnit.SECONDS);

        assertThat(steps).containsExactly("turn resyncs 0");
        assertThat(chain.nonceResyncs).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

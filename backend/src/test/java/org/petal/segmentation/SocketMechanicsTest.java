package org.petal.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The small parts that keep a socket in check: rate limit, request queue, timeouts. */
class SocketMechanicsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theRateLimiterAllowsABurstOfOneSecondAndThenTheRate() {
        RateLimiter r = new RateLimiter(4, 0);
        int allowed = 0;
        for (int n = 0; n < 10; n++) {
            allowed += r.tryAcquire(0) ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(4);
        assertThat(r.tryAcquire(SECOND / 4)).as("a quarter second later one more").isTrue();
        assertThat(r.tryAcquire(SECOND / 4)).isFalse();
        assertThat(r.tryAcquire(100 * SECOND)).as("saving up stops at the burst size").isTrue();
    }

    @Test
    void theQueueRunsRequestsInOrderAndRefusesOverItsLimit() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            SerialQueue q = new SerialQueue(pool, 3);
            CountDownLatch gate = new CountDownLatch(1);
            List<Integer> order = Collections.synchronizedList(new ArrayList<>());
            assertThat(q.offer(() -> await(gate))).isTrue();
            assertThat(q.offer(() -> order.add(1))).isTrue();
            assertThat(q.offer(() -> order.add(2))).isTrue();
            assertThat(q.offer(() -> order.add(3))).as("three wait or run already").isFalse();
            CountDownLatch done = new CountDownLatch(1);
            q.force(done::countDown);
            gate.countDown();
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(order).containsExactly(1, 2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSilentSocketTimesOutOnLivenessAndAnInactiveOneOnIdle() {
        Duration liveness = Duration.ofSeconds(45);
        Duration idle = Duration.ofMinutes(30);
        assertThat(Connection.expired(40 * SECOND, 0, 0, liveness, idle)).isNull();
        assertThat(Connection.expired(46 * SECOND, 0, 0, liveness, idle)).isEqualTo(Protocol.REASON_LIVENESS);
        long heartbeat = 31 * 60 * SECOND - SECOND;
        assertThat(Connection.expired(31 * 60 * SECOND, heartbeat, 0, liveness, idle)).as("heartbeats alone are not work")
            .isEqualTo(Protocol.REASON_IDLE);
    }

    private static void await(CountDownLatch gate) {
        try {
            gate.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

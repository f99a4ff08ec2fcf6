package org.diffold.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void rangesCoverEveryIndexOnceAlignedToTheGroupSize() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            AtomicIntegerArray seen = new AtomicIntegerArray(530);
            Parallel.forRanges(530, threads, 4, (w, from, to) -> {
                assertEquals(0, from % 4);
                for (int i = from; i < to; i++) seen.incrementAndGet(i);
            });
            for (int i = 0; i < 530; i++) assertEquals(1, seen.get(i), "index " + i + " with " + threads + " threads");
        }
        // 530 rows in groups of 4 = 133 groups; two workers split them 66 + 67
        assertEquals(264, Parallel.start(530, 133, 2, 1, 4));
    }

    @Test
    void repeatedCallsReuseThePoolsThreadsAndNestedCallsDoNotBlock() {
        java.util.Set<Thread> used = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int call = 0; call < 20; call++) {
            Parallel.forRanges(2, 2, 1, (w, from, to) -> {
                used.add(Thread.currentThread());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        // a thread per range and call would be 40; idle pool threads are taken again
        org.junit.jupiter.api.Assertions.assertTrue(used.size() <= 8, used.size() + " threads for 20 calls of 2 ranges");
        AtomicIntegerArray seen = new AtomicIntegerArray(64);
        Parallel.forRanges(4, 2, 1, (w, from, to) -> {
            for (int outer = from; outer < to; outer++) {
                int o = outer;
                Parallel.forRanges(16, 2, 1, (v, a, b) -> {
                    for (int i = a; i < b; i++) seen.incrementAndGet(o * 16 + i);
                });
            }
        });
        for (int i = 0; i < 64; i++) assertEquals(1, seen.get(i), "nested index " + i);
    }

    @Test
    void aFailureInterruptsTheOtherRanges() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        assertThrows(IllegalStateException.class, () -> Parallel.forRanges(2, 2, 1, (w, from, to) -> {
            if (w == 0) {
                try {
                    started.await(); // fail only once range 1 runs
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("boom");
            }
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                stopped.countDown();
            }
        }));
        org.junit.jupiter.api.Assertions.assertTrue(stopped.await(10, java.util.concurrent.TimeUnit.SECONDS), "range 1 was not interrupted");
    }

    @Test
    void workerExceptionsPropagateUnchanged() {
        assertThrows(IllegalArgumentException.class, () -> Parallel.forRanges(100, 2, 1, (w, from, to) -> {
            throw new IllegalArgumentException("boom");
        }));
    }
}

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
    void workerExceptionsPropagateUnchanged() {
        assertThrows(IllegalArgumentException.class, () -> Parallel.forRanges(100, 2, 1, (w, from, to) -> {
            throw new IllegalArgumentException("boom");
        }));
    }
}

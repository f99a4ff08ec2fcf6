package org.diffold.core.manifold;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.random.NormalStream;
import org.diffold.core.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels of the per-step loops allocate nothing once compiled: a vector that the JIT cannot keep in
 * registers is boxed on the heap (it happened for a vector started at null in the noise kernel, and for vectors
 * read with {@code DoubleVector.lane}). Each kernel runs in rounds until a round allocates no byte; interpreted and
 * C1 code box every vector, so the first rounds do allocate. The bound is generous (rounds, not time).
 */
class SteadyStateAllocationTest {
    private static final int ROUNDS = 400;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    /** Runs {@code round} until one call of it allocates nothing; fails after ROUNDS rounds. */
    private static void reachesZeroAllocation(String what, Runnable round) {
        long last = -1;
        for (int i = 0; i < ROUNDS; i++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            round.run();
            last = THREADS.getCurrentThreadAllocatedBytes() - before;
            if (last == 0) return;
        }
        assertTrue(false, what + " still allocates " + last + " bytes per round after " + ROUNDS + " rounds");
    }

    @Test
    void noiseFillAllocatesNothing() {
        RandomStreams streams = new RandomStreams(1);
        NormalStream s = new NormalStream(0);
        double[] z = new double[50];
        double[] sink = {0};
        reachesZeroAllocation("NormalStream.fill", () -> {
            for (int i = 0; i < 5000; i++) {
                streams.normals(i, s).fill(z, 0, z.length);
                sink[0] += z[7];
            }
        });
    }

    @Test
    void fusedSubspaceStepAllocatesNothing() {
        int d = 64, k = 8;
        Subspace u = Subspace.random(d, k, new SplittableRandom(2));
        double[] g = new double[k], y = new double[d], z = new double[d], h = new double[k];
        double[] lanes = new double[Subspace.LANE_SCRATCH];
        reachesZeroAllocation("Subspace.affineLiftProjectRows", () -> {
            for (int i = 0; i < 5000; i++) {
                java.util.Arrays.fill(g, 0.01 * (i % 7));
                u.affineLiftProjectRows(-0.5, g, 0, 0.9, 0.05, 0.1, true, y, 0, 1, z, 0, h, 0, lanes);
            }
        });
    }

    @Test
    void quadratureWeightsAllocateNothing() {
        int cap = 512;
        SplittableRandom r = new SplittableRandom(3);
        double[] p = new double[3 * cap], logit = new double[cap], mean = new double[3];
        for (int i = 0; i < p.length; i++) p[i] = r.nextGaussian();
        for (int i = 0; i < cap; i++) logit[i] = -Math.abs(r.nextGaussian()) * (i < 200 ? 1 : 100);
        int[] run = {0, 256, 256, 512};
        double[] lanes = new double[VectorQuadrature.LANE_SCRATCH];
        double[] sink = {0};
        reachesZeroAllocation("VectorQuadrature.weigh", () -> {
            for (int i = 0; i < 2000; i++) sink[0] += VectorQuadrature.weigh(run, 4, 2 + (i & 1), cap, p, logit, 0, -40, mean, lanes);
        });
    }
}

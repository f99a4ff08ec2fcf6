package org.diffold.core.manifold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.random.NormalStream;
import org.diffold.core.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels of the per-step loops allocate nothing once compiled: a vector that the JIT cannot keep in
 * registers is boxed on the heap (it happened for a vector started at null in the noise kernel, and for vectors
 * read with {@code DoubleVector.lane}). Each kernel runs in rounds until a round allocates no byte; interpreted and
 * C1 code box every vector, so the first rounds do allocate. The bound is generous (rounds, not time).
 *
 * <p>The kernels run in a fresh JVM ({@link #main}): in the shared test JVM, other tests have already compiled and
 * deoptimised them with other shapes and profiles, and one run of the whole suite still saw a C1-level allocation
 * rate after 400 rounds, which says nothing about a sampling process.
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
        throw new AssertionError(what + " still allocates " + last + " bytes per round after " + ROUNDS + " rounds");
    }

    /** Runs the three kernels of this class in a fresh JVM on the test's class path and flags. */
    @Test
    void theStepKernelsAllocateNothingOnceCompiled() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), SteadyStateAllocationTest.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("all kernels reached zero allocation"), out);
    }

    /** The probe: exits 1 with the message when a kernel still allocates after ROUNDS rounds. */
    public static void main(String[] args) {
        try {
            noiseFillAllocatesNothing();
            fusedSubspaceStepAllocatesNothing();
            quadratureWeightsAllocateNothing();
        } catch (AssertionError e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
        System.out.println("all kernels reached zero allocation");
    }

    static void noiseFillAllocatesNothing() {
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

    static void fusedSubspaceStepAllocatesNothing() {
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

    static void quadratureWeightsAllocateNothing() {
        int cap = 512;
        SplittableRandom r = new SplittableRandom(3);
        double[] p = new double[3 * cap], logit = new double[cap], mean = new double[3];
        for (int i = 0; i < p.length; i++) p[i] = r.nextGaussian();
        for (int i = 0; i < cap; i++) logit[i] = -Math.abs(r.nextGaussian()) * (i < 200 ? 1 : 100);
        int[] run = {0, 256, 256, 512};
        double[] lanes = new double[ScalarQuadrature.LANE_SCRATCH];
        double[] sink = {0};
        reachesZeroAllocation("VectorQuadrature.weigh", () -> {
            for (int i = 0; i < 2000; i++) sink[0] += VectorQuadrature.weigh(run, 4, 2 + (i & 1), cap, p, logit, 0, -40, mean, lanes);
        });
    }
}

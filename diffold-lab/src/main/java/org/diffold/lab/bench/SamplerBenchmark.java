package org.diffold.lab.bench;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.AffineSampler;
import org.diffold.core.sampler.Designs;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.LiYanSchedule;
import org.diffold.core.target.GmmSubspaceTarget;

/**
 * Speed of simulated sampling with the exact {@code gmm-subspace} score, against a streaming memory-bandwidth
 * bound measured in the same run: a loop that reads and writes the same n x D batch once per step
 * (y = a y + b), the least any sampler that touches every coordinate once per step must pay.
 */
public final class SamplerBenchmark {
    /** Result of one run; times in nanoseconds per (sample x step x dimension). */
    public record Result(int n, int dim, int k, int components, int steps, int threads,
                         double samplerNs, double streamNs, double ratio, double seconds) {
        /** A one-line human summary. */
        public String summary() {
            return String.format("sampler %.3f ns/(sample*step*dim), stream bound %.3f ns, ratio %.2fx "
                    + "(n=%d, D=%d, k=%d, K=%d, T=%d, threads=%d, %.1f s)",
                    samplerNs, streamNs, ratio, n, dim, k, components, steps, threads, seconds);
        }
    }

    private SamplerBenchmark() {}

    /** Runs the benchmark; n x D doubles are allocated twice. */
    public static Result run(int n, int dim, int k, int components, int steps, int threads, long seed) {
        return run(n, dim, k, components, steps, threads, seed, null);
    }

    /**
     * Runs the benchmark, reporting progress.
     *
     * @param progress told the number of samples finished in the timed pass (in chunks), or null
     */
    public static Result run(int n, int dim, int k, int components, int steps, int threads, long seed,
            java.util.function.IntConsumer progress) {
        Subspace u = Subspace.random(dim, k, new SplittableRandom(seed));
        GmmSubspaceTarget target = GmmSubspaceTarget.random(u, components, GmmSubspaceTarget.DEFAULT_LAMBDA,
                new SplittableRandom(seed + 1));
        StepPlan plan = Designs.parse("li-yan").plan(LiYanSchedule.create(steps));
        AffineSampler sampler = new AffineSampler(plan, false);
        double[] out = new double[n * dim];
        // warm-up on a small batch so the JIT has compiled the step loop
        sampler.sample(target.score(), new RandomStreams(seed), 0, Math.min(n, 64), out, threads, null);
        long t0 = System.nanoTime();
        sampler.sample(target.score(), new RandomStreams(seed), 0, n, out, threads, progress);
        long t1 = System.nanoTime();
        double cells = (double) n * dim * plan.size();
        double samplerNs = (t1 - t0) / cells;
        double streamNs = streamBound(out, plan.size(), threads);
        return new Result(n, dim, k, components, steps, threads, samplerNs, streamNs, samplerNs / streamNs,
                (t1 - t0) * 1e-9);
    }

    /** ns per element of a pass that reads and writes the whole batch once per step, split over threads. */
    static double streamBound(double[] y, int steps, int threads) {
        int len = y.length;
        Runnable[] parts = new Runnable[threads];
        for (int p = 0; p < threads; p++) {
            int from = (int) ((long) len * p / threads), to = (int) ((long) len * (p + 1) / threads);
            parts[p] = () -> {
                for (int s = 0; s < steps; s++) {
                    double a = 1 - 1e-9 * (s & 7), b = 1e-12;
                    for (int j = from; j < to; j++) y[j] = a * y[j] + b;
                }
            };
        }
        for (int rep = 0; rep < 2; rep++) { // first repetition warms up the JIT
            long t0 = System.nanoTime();
            Thread[] ts = new Thread[threads];
            for (int p = 0; p < threads; p++) { ts[p] = new Thread(parts[p]); ts[p].start(); }
            for (Thread t : ts) {
                try { t.join(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); return Double.NaN; }
            }
            long t1 = System.nanoTime();
            if (rep == 1) return (t1 - t0) / ((double) len * steps);
        }
        return Double.NaN;
    }

    /** {@code java ... SamplerBenchmark [n D k K T threads]}. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int comps = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int steps = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        System.out.println(run(n, d, k, comps, steps, threads, 42).summary());
    }
}

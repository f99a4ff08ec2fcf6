package org.diffold.lab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.diffold.core.data.NpyWriter;
import org.diffold.core.linalg.Simd;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.AffineSampler;
import org.diffold.core.sampler.Designs;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.LiYanSchedule;
import org.diffold.core.target.GmmSubspaceTarget;

/**
 * Speed of simulated sampling with the exact {@code gmm-subspace} score, against two baselines measured in the same
 * run: a streaming memory-bandwidth bound, a loop that reads and writes the same n x D batch once per step
 * (y = a y + b), the least any sampler that touches every coordinate once per step must pay; and the same sampler
 * (same plan, same target) vectorised in numpy, {@code bench/sampler_numpy.py}, on the same n, D and thread count
 * (its first {@link #NUMPY_STEPS} steps: the cost per step does not depend on the step).
 */
public final class SamplerBenchmark {
    /** Result of one run; times in nanoseconds per (sample x step x dimension). */
    public record Result(int n, int dim, int k, int components, int steps, int threads,
                         double samplerNs, double streamNs, double ratio, double seconds,
                         double numpyNs, double numpySpeedup, String numpyNote, boolean vectorApi,
                         double samplerCpuNs, double numpyCpuNs) {
        /** A two-line human summary. */
        public String summary() {
            String base = numpyNote.isEmpty()
                    ? String.format("numpy twin (bench/sampler_numpy.py) %.3f ns: Diffold is %.2fx faster", numpyNs, numpySpeedup)
                    : "numpy baseline skipped: " + numpyNote;
            String cpu = numpyNote.isEmpty() && Double.isFinite(numpyCpuNs)
                    ? String.format("%nCPU time (all threads, steadier on a loaded machine): sampler %.3f ns, numpy twin "
                            + "%.3f ns: %.2fx", samplerCpuNs, numpyCpuNs, numpyCpuNs / samplerCpuNs)
                    : "";
            return String.format("sampler %.3f ns/(sample*step*dim), stream bound %.3f ns, ratio %.2fx "
                    + "(n=%d, D=%d, k=%d, K=%d, T=%d, threads=%d, %.1f s, %s)%n%s%s",
                    samplerNs, streamNs, ratio, n, dim, k, components, steps, threads, seconds,
                    vectorApi ? "Vector API" : "scalar kernels", base, cpu);
        }
    }

    /** The result as snake_case JSON fields (NaN as null). */
    public static java.util.Map<String, Object> json(Result r) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("n", r.n()); m.put("dim", r.dim()); m.put("k", r.k()); m.put("components", r.components());
        m.put("steps", r.steps()); m.put("threads", r.threads());
        m.put("sampler_ns", finite(r.samplerNs())); m.put("stream_ns", finite(r.streamNs()));
        m.put("ratio_to_stream_bound", finite(r.ratio())); m.put("seconds", finite(r.seconds()));
        m.put("numpy_ns", finite(r.numpyNs())); m.put("speedup_over_numpy", finite(r.numpySpeedup()));
        m.put("numpy_note", r.numpyNote()); m.put("vector_api", r.vectorApi());
        m.put("sampler_cpu_ns", finite(r.samplerCpuNs())); m.put("numpy_cpu_ns", finite(r.numpyCpuNs()));
        m.put("speedup_over_numpy_cpu", finite(r.numpyCpuNs() / r.samplerCpuNs()));
        return m;
    }

    private static Double finite(double v) { return Double.isFinite(v) ? v : null; }

    /** Steps the numpy twin runs. */
    static final int NUMPY_STEPS = 40;

    private SamplerBenchmark() {}

    /** Runs the benchmark; n x D doubles are allocated twice. */
    public static Result run(int n, int dim, int k, int components, int steps, int threads, long seed) {
        return run(n, dim, k, components, steps, threads, seed, true, null);
    }

    /** Runs the benchmark, with or without the numpy twin. */
    public static Result run(int n, int dim, int k, int components, int steps, int threads, long seed, boolean numpy) {
        return run(n, dim, k, components, steps, threads, seed, numpy, null);
    }

    /**
     * Runs the benchmark, reporting progress.
     *
     * @param progress told the number of samples finished in the timed pass (in chunks), or null
     */
    public static Result run(int n, int dim, int k, int components, int steps, int threads, long seed, boolean numpy,
            java.util.function.IntConsumer progress) {
        Subspace u = Subspace.random(dim, k, new SplittableRandom(seed));
        double lambda = GmmSubspaceTarget.DEFAULT_LAMBDA;
        double[] weights = new double[components], means = new double[components * k];
        java.util.Arrays.fill(weights, 1.0);
        SplittableRandom mr = new SplittableRandom(seed + 1);
        for (int i = 0; i < means.length; i++) means[i] = mr.nextGaussian();
        GmmSubspaceTarget target = new GmmSubspaceTarget(u, weights, means, lambda);
        StepPlan plan = Designs.parse("li-yan").plan(LiYanSchedule.create(steps));
        AffineSampler sampler = new AffineSampler(plan, false);
        double[] out = new double[n * dim];
        // warm-up on a small batch so the JIT has compiled the step loop
        sampler.sample(target.score(), new RandomStreams(seed), 0, Math.min(n, 64), out, threads, null);
        long c0 = processCpuNanos(), t0 = System.nanoTime();
        sampler.sample(target.score(), new RandomStreams(seed), 0, n, out, threads, progress);
        long t1 = System.nanoTime(), c1 = processCpuNanos();
        double cells = (double) n * dim * plan.size();
        double samplerNs = (t1 - t0) / cells;
        double streamNs = streamBound(out, plan.size(), threads);
        PythonBaseline.Outcome np = numpy ? numpyTwin(plan, u, means, components, lambda, n, threads, seed)
                : new PythonBaseline.Outcome(Double.NaN, "not requested");
        return new Result(n, dim, k, components, steps, threads, samplerNs, streamNs, samplerNs / streamNs,
                (t1 - t0) * 1e-9, np.value(), np.value() / samplerNs, np.note(), Simd.available(),
                c0 < 0 || c1 < 0 ? Double.NaN : (c1 - c0) / cells, np.cpu());
    }

    /** Writes the plan and target for {@code bench/sampler_numpy.py} into a temporary folder and runs it. */
    static PythonBaseline.Outcome numpyTwin(StepPlan plan, Subspace u, double[] means, int components, double lambda,
                                            int n, int threads, long seed) {
        Path script = PythonBaseline.benchScript("sampler_numpy.py");
        if (!Files.isRegularFile(script)) return new PythonBaseline.Outcome(Double.NaN, script + " not found");
        Path dir = null;
        try {
            dir = Files.createTempDirectory("diffold-sampler-bench");
            int t = plan.size(), d = u.dim(), k = u.k();
            double[] p = new double[t * 6];
            for (int i = 0; i < t; i++) {
                NoiseLevel l = plan.level(i);
                double[] row = {plan.a(i), plan.b(i), plan.noise(i), l.c(), l.alphaBar(), l.sigma2()};
                System.arraycopy(row, 0, p, i * 6, 6);
            }
            double[] basis = new double[d * k];
            for (int j = 0; j < d; j++) for (int r = 0; r < k; r++) basis[j * k + r] = u.basis(j, r);
            double[] logw = new double[components];
            java.util.Arrays.fill(logw, -Math.log(components));
            NpyWriter.write(dir.resolve("plan.npy"), p, t, 6);
            NpyWriter.write(dir.resolve("u.npy"), basis, d, k);
            NpyWriter.write(dir.resolve("mu.npy"), means, components, k);
            NpyWriter.write(dir.resolve("logw.npy"), logw);
            NpyWriter.write(dir.resolve("lam.npy"), new double[] {lambda});
            return PythonBaseline.run(List.of(script.toString(), dir.toString(), Integer.toString(n),
                    Integer.toString(Math.min(NUMPY_STEPS, t)), Long.toString(seed)), threads, 1800);
        } catch (IOException e) {
            return new PythonBaseline.Outcome(Double.NaN, "could not write the baseline's inputs: " + e.getMessage());
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a temporary folder left behind is harmless
                }
            }
        }
    }

    /** CPU time of this process (all threads) in ns, or -1 where the JVM does not report it. */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
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

package org.diffold.lab.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.diffold.core.knn.BruteForceKnn;
import org.diffold.core.knn.PairwiseScan;

/**
 * Speed of the pairwise-distance scan behind kNN ({@link PairwiseScan} on {@code DotKernel.best()}, OpenBLAS or pure
 * Java; {@link BruteForceKnn}) against
 * numpy's matrix product (OpenBLAS) on the same shape, (n x D) times (D x n), measured in the same run with the same
 * thread count. The kernel's GFLOP/s are those of the full all-pairs scan, 2 n^2 D flops, the work of the matmul.
 * The kNN self-search computes each unordered pair once (half the flops) and adds top-k selection; its rate is
 * reported as "effective" GFLOP/s, 2 n^2 D / time, i.e. against the work the matmul does. A second numpy baseline
 * does what the scan does, in place: the matmul, then |x_i|^2 + |y_j|^2 - 2 x_i . y_j clamped at 0 and each row's
 * minimum (the scan's benchmark visitor); its rate is also counted as 2 n^2 D / time.
 *
 * <p>Run: {@code java -cp ... org.diffold.lab.bench.KnnBenchmark [n] [D] [threads]} (defaults 10000 784 2). The numpy
 * baseline ({@link PythonBaseline}) is skipped with a message when python3 with numpy is not available.
 */
public final class KnnBenchmark {
    /** The measurements; baseline fields are NaN when numpy was unavailable (see {@code baselineNote}). */
    public record Result(int n, int dim, int threads, double scanSeconds, double knnSeconds, double scanGflops,
                         double knnGflops, double numpyGflops, double numpyDistanceGflops, String baselineNote) {
        /** Java kernel GFLOP/s over numpy's matmul alone (NaN without a baseline). */
        public double ratio() { return scanGflops / numpyGflops; }

        /** Java kernel GFLOP/s over numpy's same distance scan (NaN without a baseline). */
        public double distanceRatio() { return scanGflops / numpyDistanceGflops; }

        /** A two-line human summary. */
        public String summary() {
            String base = Double.isNaN(numpyGflops) ? "numpy baseline skipped: " + baselineNote
                    : String.format("numpy matmul %.1f GFLOP/s; Java kernel / numpy = %.2f; numpy distance scan (matmul, norms,"
                    + " clamp, row minimum) %.1f GFLOP/s; Java kernel / numpy scan = %.2f", numpyGflops, ratio(),
                    numpyDistanceGflops, distanceRatio());
            return String.format("kNN kernel (n=%d, D=%d, threads=%d): all-pairs distance scan %.2f s = %.1f GFLOP/s; "
                    + "self kNN k=20 (each pair once) %.2f s = %.1f effective GFLOP/s%n%s",
                    n, dim, threads, scanSeconds, scanGflops, knnSeconds, knnGflops, base);
        }
    }

    /** Timed repetitions of each side; the best is reported (numpy likewise takes the best of 3). */
    static final int REPEATS = 3;

    private KnnBenchmark() {}

    /** Benchmarks on n Gaussian points in R^D. */
    public static Result run(int n, int dim, int threads, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * dim];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        return run(x, n, dim, threads);
    }

    /** Benchmarks on the given data (row-major n x D). */
    public static Result run(double[] x, int n, int dim, int threads) {
        scan(x, Math.min(n, 2048), n, dim, threads); // JIT warm-up on every panel
        double scanS = Double.POSITIVE_INFINITY, knnS = Double.POSITIVE_INFINITY, sink = 0;
        for (int rep = 0; rep < REPEATS; rep++) { // best of REPEATS, as for numpy: the machine may be shared
            long t0 = System.nanoTime();
            sink += scan(x, n, n, dim, threads);
            long t1 = System.nanoTime();
            new BruteForceKnn(threads).selfSearch(x, n, dim, Math.min(20, n - 1));
            long t2 = System.nanoTime();
            scanS = Math.min(scanS, (t1 - t0) * 1e-9);
            knnS = Math.min(knnS, (t2 - t1) * 1e-9);
        }
        if (Double.isNaN(sink)) throw new IllegalStateException("NaN distance");
        double flops = 2.0 * n * n * dim;
        double[] numpy = {Double.NaN, Double.NaN};
        String note = numpyGflops(n, dim, threads, numpy);
        return new Result(n, dim, threads, scanS, knnS, flops / scanS * 1e-9, flops / knnS * 1e-9, numpy[0], numpy[1], note);
    }

    /** All-pairs scan whose visitor keeps each row's smallest squared distance (so no work can be skipped). */
    private static double scan(double[] x, int nq, int n, int dim, int threads) {
        double[] min = new double[nq];
        PairwiseScan.scan(x, nq, x, n, dim, threads, w -> (i, j0, d2, count) -> {
            double m = j0 == 0 ? Double.POSITIVE_INFINITY : min[i];
            for (int j = 0; j < count; j++) m = Math.min(m, d2[j]);
            min[i] = m;
        });
        double s = 0;
        for (double v : min) s += v;
        return s;
    }

    /**
     * Runs numpy's matmul on the same shape, then its distance scan; writes their GFLOP/s into out[0] and out[1] or
     * returns why it could not.
     */
    static String numpyGflops(int n, int dim, int threads, double[] out) {
        String setup = String.join("\n",
                "import sys, time, numpy as np",
                "n, d = int(sys.argv[1]), int(sys.argv[2])",
                "x = np.random.default_rng(0).random((n, d)); y = np.ascontiguousarray(x.T); xn = (x * x).sum(axis=1)",
                "x[:256] @ y", "");
        String timing = "best = min((lambda t: (f(), time.perf_counter() - t)[1])(time.perf_counter()) for _ in range(" + REPEATS + "))\n"
                + "print(2.0 * n * n * d / best / 1e9)";
        String matmul = setup + "f = lambda: x @ y\n" + timing;
        String scan = setup + String.join("\n",
                "def f():",
                "    g = x @ y; g *= -2; g += xn[:, None]; g += xn[None, :]; np.maximum(g, 0, out=g)",
                "    return g.min(axis=1)", "") + timing;
        List<String> shape = List.of(Integer.toString(n), Integer.toString(dim));
        PythonBaseline.Outcome o = PythonBaseline.run(args(matmul, shape), threads, 600);
        out[0] = o.value();
        if (!o.ran()) return o.note();
        PythonBaseline.Outcome s = PythonBaseline.run(args(scan, shape), threads, 600);
        out[1] = s.value();
        return s.note();
    }

    private static List<String> args(String script, List<String> shape) {
        List<String> a = new java.util.ArrayList<>(List.of("-c", script));
        a.addAll(shape);
        return a;
    }

    /** Entry point: {@code [n] [D] [threads]}. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10000;
        int dim = args.length > 1 ? Integer.parseInt(args[1]) : 784;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        System.out.println(run(n, dim, threads, 1).summary());
    }
}

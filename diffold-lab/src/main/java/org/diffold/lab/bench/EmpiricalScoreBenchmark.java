package org.diffold.lab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.diffold.core.data.DataMatrix;
import org.diffold.core.data.FashionMnist;
import org.diffold.core.data.NpyReader;
import org.diffold.core.data.NpyWriter;
import org.diffold.core.linalg.Parallel;
import org.diffold.core.metrics.Memorization;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.score.Score;
import org.diffold.core.score.empirical.EmpiricalScore;
import org.diffold.core.score.empirical.TrainingPanels;

/**
 * The empirical-score evaluation (docs/math.md §6) at n queries x N training rows x D against numpy (OpenBLAS) doing
 * the same computation in the same run ({@code bench/empirical_score_numpy.py}), at each thread count; then the
 * memorization metrics of 10^4 samples against the 6 x 10^4 Fashion-MNIST training images. Data: the first N
 * Fashion-MNIST training images scaled to [-1, 1]; queries c x0 + sigma z from test images at OU time 0.05. Prints best
 * of 3 times and the ratio numpy time / Java time (above 1: Java faster), and the largest difference of the outputs.
 *
 * <p>Run via {@code bench/empirical-score.sh [n] [N] [threads,...]} (defaults 1024 16384 1,2).
 */
public final class EmpiricalScoreBenchmark {
    private static final int REPEATS = 3;

    private EmpiricalScoreBenchmark() {}

    static double[] scaled(DataMatrix m, int rows) {
        double[] v = new double[rows * m.cols()];
        for (int i = 0; i < v.length; i++) v[i] = m.values()[i] / 127.5 - 1;
        return v;
    }

    /** Java time (best of REPEATS) of the score of all n rows on the given threads; writes the score into out. */
    static double javaSeconds(Score score, NoiseLevel level, double[] x, int n, double[] out, int threads) {
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep <= REPEATS; rep++) {
            long t0 = System.nanoTime();
            Parallel.forRanges(n, threads, 32, (w, from, to) -> score.evaluator().score(level, x, out, from, to));
            double s = (System.nanoTime() - t0) * 1e-9;
            if (rep > 0) best = Math.min(best, s); // rep 0 warms up the JIT
        }
        return best;
    }

    /** Entry point: {@code python script [n] [N] [threads,...]}. */
    public static void main(String[] args) throws Exception {
        String python = args[0], script = args[1];
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1024, big = args.length > 3 ? Integer.parseInt(args[3]) : 16384;
        String[] threadList = (args.length > 4 ? args[4] : "1,2").split(",");
        DataMatrix trainImages = FashionMnist.images(FashionMnist.DEFAULT_DIR, FashionMnist.Split.TRAIN);
        DataMatrix testImages = FashionMnist.images(FashionMnist.DEFAULT_DIR, FashionMnist.Split.TEST);
        int d = trainImages.cols();
        double[] train = scaled(trainImages, big);
        NoiseLevel level = NoiseLevel.ofOuTime(0.05);
        double[] x = scaled(testImages, n);
        var rng = new RandomStreams(1).stream(0);
        double c = level.c(), sd = Math.sqrt(level.sigma2());
        for (int i = 0; i < x.length; i++) x[i] = c * x[i] + sd * rng.nextGaussian();
        Path dir = Files.createTempDirectory("diffold-empirical-bench");
        NpyWriter.write(dir.resolve("train.npy"), train, big, d);
        NpyWriter.write(dir.resolve("queries.npy"), x, n, d);
        Score score = EmpiricalScore.exact(new TrainingPanels(train, big, d));
        double flops = 4.0 * n * big * d;
        System.out.printf(Locale.ROOT, "empirical score: n = %d queries, N = %d training rows, D = %d, kernel %s (shared machine: compare the ratio)%n",
                n, big, d, org.diffold.core.linalg.DotKernel.best().name());
        for (String ts : threadList) {
            int threads = Integer.parseInt(ts.trim());
            double[] out = new double[n * d];
            double java = javaSeconds(score, level, x, n, out, threads);
            String line = String.format(Locale.ROOT, "  threads %d: Java %.3f s (%.1f GFLOP/s)", threads, java, flops / java * 1e-9);
            Path res = dir.resolve("numpy-" + threads + ".npy");
            String py = numpy(python, script, dir, c, level.sigma2(), threads, res);
            if (py.startsWith("error")) {
                System.out.println(line + "; numpy baseline skipped: " + py);
                continue;
            }
            double np = Double.parseDouble(py);
            DataMatrix ref = NpyReader.read(res);
            double diff = 0, scale = 0;
            for (int i = 0; i < ref.values().length; i++) {
                diff = Math.max(diff, Math.abs(ref.values()[i] - out[i]));
                scale = Math.max(scale, Math.abs(ref.values()[i]));
            }
            System.out.printf(Locale.ROOT, "%s; numpy %.3f s (%.1f GFLOP/s); numpy time / Java time = %.2f; max |diff| %.2g (of %.2g)%n",
                    line, np, flops / np * 1e-9, np / java, diff, scale);
        }
        double[] samples = scaled(testImages, 10000), all = scaled(trainImages, trainImages.rows());
        long t0 = System.nanoTime();
        Memorization m = Memorization.measure(samples, 10000, all, trainImages.rows(), d, 2);
        System.out.printf(Locale.ROOT, "memorization metrics: 10000 samples vs %d training images, 2 threads: %.2f s (memorized fraction %.4f, "
                + "median nearest distance %.4g)%n", trainImages.rows(), (System.nanoTime() - t0) * 1e-9, m.memorizedFraction(), m.nearestQuantile(0.5));
        for (Path p : List.of(dir.resolve("train.npy"), dir.resolve("queries.npy"))) Files.deleteIfExists(p);
    }

    /** Runs the numpy baseline with OPENBLAS_NUM_THREADS pinned and the OpenBLAS core/cache overrides removed. */
    private static String numpy(String python, String script, Path dir, double c, double v, int threads, Path out) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(python, script, dir.resolve("train.npy").toString(), dir.resolve("queries.npy").toString(),
                Double.toString(c), Double.toString(v), Integer.toString(REPEATS), out.toString()));
        pb.environment().remove("OPENBLAS_CORETYPE");
        pb.environment().remove("OPENBLAS_L2_SIZE");
        pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] bytes = p.getInputStream().readAllBytes();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "error: timed out";
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) return "error: " + text.lines().reduce((a, b) -> b).orElse("");
        return text.lines().reduce((a, b) -> b).orElse("error: no output");
    }
}

package org.diffold.nn.bench;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.diffold.core.random.RandomStreams;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.runtime.NnRuntime;
import org.diffold.nn.train.LossWeighting;
import org.diffold.nn.train.LrSchedule;
import org.diffold.nn.train.TrainConfig;
import org.diffold.nn.train.TrainListener;
import org.diffold.nn.train.Trainer;
import org.diffold.nn.train.TrainingData;

/**
 * DSM training throughput (samples per second) of the MLP with width 256, depth 4, batch 512, D = 256 through
 * Diffold's {@link Trainer} (DJL + PyTorch) against the same model and loop in PyTorch from Python
 * ({@code bench/torch_train_throughput.py}), on 1 and 2 threads, each measurement in a fresh process, best of
 * {@code --repeats}. Prints both numbers and the ratio Diffold / PyTorch.
 *
 * <p>Usage: {@code TrainThroughputBench [--threads 1,2] [--steps 100] [--warmup 20] [--repeats 3]
 * [--python /usr/bin/python3] [--script bench/torch_train_throughput.py] [--omp-wait-policy passive|active|default]};
 * {@code bench/nn-throughput.sh} installs Python's torch and runs it. Both sides use OpenMP (libgomp); the wait
 * policy (default passive) is applied to both processes: spinning workers collapse when other processes share
 * the cores, which on a shared machine measures the neighbours rather than the code.
 */
public final class TrainThroughputBench {
    private static final int DIM = 256, WIDTH = 256, DEPTH = 4, BATCH = 512, ROWS = 10000;
    private static String waitPolicy;

    private TrainThroughputBench() {}

    public static void main(String[] args) throws Exception {
        BenchArgs.run("nn-throughput", args, TrainThroughputBench::bench);
    }

    private static void bench(String[] args) throws Exception {
        BenchArgs o = new BenchArgs(args, List.of("threads", "steps", "warmup", "repeats", "python", "script", "omp-wait-policy"),
                List.of("child"));
        int steps = o.integer("steps", 100, 1), warmup = o.integer("warmup", 20, 0);
        if (o.has("child")) {
            System.out.println("samples_per_second=" + diffold(steps, warmup));
            return;
        }
        int repeats = o.integer("repeats", 3, 1);
        List<Integer> threadCounts = new ArrayList<>();
        for (String t : o.text("threads", "1,2").split(",", -1)) threadCounts.add(BenchArgs.atLeast("--threads", t, 1));
        String wait = o.text("omp-wait-policy", "passive").toUpperCase(Locale.ROOT);
        if (!List.of("PASSIVE", "ACTIVE", "DEFAULT").contains(wait)) {
            throw new BenchArgs.BadArgument("--omp-wait-policy must be passive, active or default, got " + wait);
        }
        waitPolicy = wait.equals("DEFAULT") ? null : wait;
        String python = o.text("python", "/usr/bin/python3");
        String script = o.text("script", "bench/torch_train_throughput.py");
        if (!Files.isRegularFile(Path.of(script))) throw new BenchArgs.BadArgument("--script " + script + " does not exist");
        System.out.printf(Locale.ROOT, "DSM training throughput: MLP width %d depth %d (GELU), batch %d, D = %d, Adam + clip + EMA%n",
                WIDTH, DEPTH, BATCH, DIM);
        System.out.println("OMP_WAIT_POLICY " + (waitPolicy == null ? "(unset)" : waitPolicy) + " for both; best of " + repeats
                + " interleaved runs of " + steps + " steps after " + warmup + " warm-up steps; load average "
                + String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.printf(Locale.ROOT, "%-8s %18s %18s %8s%n", "threads", "diffold (samp/s)", "pytorch (samp/s)", "ratio");
        for (int threads : threadCounts) {
            double best = 0, bestPy = 0;
            for (int r = 0; r < repeats; r++) { // interleaved so both see the same machine load
                best = Math.max(best, run(javaCommand(threads, steps, warmup), threads));
                bestPy = Math.max(bestPy, run(List.of(python, script, "--threads", "" + threads, "--steps", "" + steps,
                        "--warmup", "" + warmup, "--dim", "" + DIM, "--width", "" + WIDTH, "--depth", "" + DEPTH,
                        "--batch", "" + BATCH, "--rows", "" + ROWS), threads));
            }
            System.out.printf(Locale.ROOT, "%-8d %18.1f %18.1f %8.3f%n", threads, best, bestPy, best / bestPy);
        }
    }

    /** Samples per second of Diffold's trainer on this JVM's PyTorch thread setting. */
    static double diffold(int steps, int warmup) throws IOException {
        NnRuntime.engine();
        double[] rows = new double[ROWS * DIM];
        RandomStreams s = new RandomStreams(0);
        for (int i = 0; i < ROWS; i++) {
            java.util.SplittableRandom rng = s.stream(i);
            for (int j = 0; j < DIM; j++) rows[i * DIM + j] = rng.nextGaussian();
        }
        TrainingData data = new TrainingData(rows, DIM, 0, 0, "N(0, I_256)");
        TrainConfig cfg = TrainConfig.defaults().withSteps(warmup + steps + 1).withIntervals(0, 0)
                .withOptimiser(BATCH, new LrSchedule("constant", 1e-3, 0, 1), 1.0, 0.999)
                .withProcess("discrete", "li-yan", 1000, 1e-5, 6, "log-uniform", LossWeighting.SIGMA2);
        long[] start = new long[1];
        try (Trainer t = Trainer.create(NetworkSpec.mlp(DIM, WIDTH, DEPTH), cfg, data, Device.cpu(), null, Map.of())) {
            t.trainUntil(warmup, new TrainListener() {}, null);
            start[0] = System.nanoTime();
            t.trainUntil(warmup + steps, null, null);
        }
        double secs = (System.nanoTime() - start[0]) * 1e-9;
        return BATCH * (double) steps / secs;
    }

    private static List<String> javaCommand(int threads, int steps, int warmup) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-D" + NnRuntime.NUM_THREADS + "=" + threads, "-D" + NnRuntime.NUM_INTEROP_THREADS + "=1"));
        for (String p : new String[] {NnRuntime.CACHE_DIR, "jna.tmpdir"}) {
            if (System.getProperty(p) != null) cmd.add("-D" + p + "=" + System.getProperty(p));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TrainThroughputBench.class.getName(), "--child",
                "--steps", "" + steps, "--warmup", "" + warmup));
        return cmd;
    }

    private static double run(List<String> cmd, int threads) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("OMP_NUM_THREADS", "" + threads);
        pb.environment().put("OPENBLAS_NUM_THREADS", "" + threads);
        if (waitPolicy != null) pb.environment().put("OMP_WAIT_POLICY", waitPolicy);
        return BenchProcess.run(pb).get("samples_per_second");
    }
}

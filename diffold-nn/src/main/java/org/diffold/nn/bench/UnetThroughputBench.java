package org.diffold.nn.bench;

import ai.djl.Device;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.diffold.nn.image.ImageShape;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.Parameterisation;
import org.diffold.nn.net.UnetLayout;
import org.diffold.nn.runtime.NnRuntime;
import org.diffold.nn.train.LossWeighting;
import org.diffold.nn.train.LrSchedule;
import org.diffold.nn.train.TrainConfig;
import org.diffold.nn.train.Trainer;
import org.diffold.nn.train.TrainingData;

/**
 * DSM training throughput (samples/s) of the U-Net ({@link org.diffold.nn.net.UnetNetwork}) on 28x28x1 images
 * through Diffold's {@link Trainer} (edm, sigma2 weighting, Adam, clipping at 1, EMA), against the same network and
 * loop in PyTorch from Python ({@code bench/torch_unet_throughput.py}), measured in the same run, alternating Diffold
 * and PyTorch per repeat; prints the best of each and the ratio, by wall time and by the process's CPU time (samples
 * per CPU second: less sensitive to other processes on a shared machine, since it counts only this process's cycles). The PyTorch thread count is fixed when the engine
 * loads, so one JVM measures one thread count. Arguments: --python, --threads, --steps, --warmup, --repeats,
 * --batch, --channels (e.g. 32/64), --groups.
 */
public final class UnetThroughputBench {
    private UnetThroughputBench() {}

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        BenchArgs.run("unet-throughput", args, UnetThroughputBench::bench);
    }

    private static void bench(String[] args) throws Exception {
        BenchArgs o = new BenchArgs(args,
                List.of("python", "threads", "steps", "warmup", "repeats", "batch", "channels", "groups"), List.of());
        String python = o.text("python", "/usr/bin/python3"), script = "bench/torch_unet_throughput.py";
        String channels = o.text("channels", "32/64");
        int threads = o.integer("threads", 1, 1), steps = o.integer("steps", 20, 1), warmup = o.integer("warmup", 5, 0);
        int repeats = o.integer("repeats", 3, 1), batch = o.integer("batch", 64, 1), groups = o.integer("groups", 8, 1);
        NnRuntime.engine(threads);
        ImageShape s = ImageShape.FASHION_MNIST;
        UnetLayout layout = UnetLayout.parse("channels=" + channels + ",groups=" + groups, s);
        SplittableRandom rng = new SplittableRandom(1);
        int rows = 2000;
        double[] x = new double[rows * s.dim()];
        for (int i = 0; i < x.length; i++) x[i] = 2 * rng.nextDouble() - 1;
        TrainingData data = new TrainingData(x, s.dim(), 0, 0, "uniform noise images");
        TrainConfig cfg = TrainConfig.defaults().withSteps(warmup + steps).withIntervals(0, 0)
                .withOptimiser(batch, new LrSchedule("constant", 1e-3, 0, 1), 1.0, 0.999)
                .withProcess("discrete", "li-yan", 1000, 1e-5, 6, "log-uniform", LossWeighting.SIGMA2)
                .withValidation(0, 1, 2);
        NetworkSpec spec = NetworkSpec.unet(layout, Parameterisation.EDM);
        double bestJ = 0, bestP = 0, cpuJ = 0, cpuP = 0;
        for (int r = 0; r < repeats; r++) {
            try (Trainer t = Trainer.create(spec, cfg, data, Device.cpu(), null, Map.of())) {
                t.trainUntil(warmup, null, null);
                long t0 = System.nanoTime(), c0 = cpuNanos();
                t.trainUntil(warmup + steps, null, null);
                bestJ = Math.max(bestJ, (double) steps * batch / ((System.nanoTime() - t0) * 1e-9));
                cpuJ = Math.max(cpuJ, (double) steps * batch / ((cpuNanos() - c0) * 1e-9));
            }
            Map<String, Double> p = BenchProcess.run(new ProcessBuilder(python, script, "--threads", "" + threads, "--steps", "" + steps,
                    "--warmup", "" + warmup, "--batch", "" + batch, "--channels", channels, "--groups", "" + groups));
            bestP = Math.max(bestP, p.get("samples_per_second"));
            cpuP = Math.max(cpuP, p.get("samples_per_cpu_second"));
        }
        System.out.printf(Locale.ROOT, "U-Net DSM training (28x28x1, channels %s, groups %d, %d parameters, batch %d, %d thread(s), load %.1f):"
                        + " diffold %.1f samples/s, pytorch %.1f samples/s, ratio %.3f; per CPU second diffold %.1f, pytorch %.1f, ratio %.3f%n",
                layout.options().replace("channels=", "").replaceAll(",groups=.*", ""), groups, spec.parameterCount(), batch, threads,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                bestJ, bestP, bestJ / bestP, cpuJ, cpuP, cpuJ / cpuP);
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }
}

package org.diffold.nn.bench;

import ai.djl.Device;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.diffold.nn.image.ImageShape;
import org.diffold.nn.latent.AutoencoderSpec;
import org.diffold.nn.latent.LatentData;
import org.diffold.nn.latent.Objective;
import org.diffold.nn.latent.Stage1Config;
import org.diffold.nn.latent.Stage1Trainer;
import org.diffold.nn.runtime.NnRuntime;
import org.diffold.nn.train.LrSchedule;

/**
 * SiLD stage-1 training throughput (samples/s) of the conv autoencoder on 28x28x1 images, against the same network
 * and loop in PyTorch from Python ({@code bench/torch_ae_throughput.py}), measured in the same run, alternating
 * Diffold and PyTorch per repeat; prints the best of each and the ratio. Arguments: --python, --threads,
 * --steps, --warmup, --repeats, --batch, --width.
 */
public final class AutoencoderThroughputBench {
    private AutoencoderThroughputBench() {}

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        BenchArgs.run("ae-throughput", args, AutoencoderThroughputBench::bench);
    }

    private static void bench(String[] args) throws Exception {
        BenchArgs o = new BenchArgs(args, List.of("python", "threads", "steps", "warmup", "repeats", "batch", "width"), List.of());
        String python = o.text("python", "/usr/bin/python3"), script = "bench/torch_ae_throughput.py";
        int threads = o.integer("threads", 1, 1), steps = o.integer("steps", 30, 1), warmup = o.integer("warmup", 5, 0);
        int repeats = o.integer("repeats", 3, 1), batch = o.integer("batch", 64, 1), width = o.integer("width", 16, 1);
        NnRuntime.engine(threads);
        ImageShape s = ImageShape.FASHION_MNIST;
        SplittableRandom rng = new SplittableRandom(1);
        double[] rows = new double[2000 * s.dim()];
        for (int i = 0; i < rows.length; i++) rows[i] = 2 * rng.nextDouble() - 1;
        LatentData data = new LatentData(rows, new double[0], s.dim(), s, "uniform noise images");
        AutoencoderSpec spec = new AutoencoderSpec("conv", s.dim(), s, 16, width, 4, Objective.SILD, 0, 1e-3, 0.2);
        Stage1Config cfg = new Stage1Config(warmup + steps, batch, new LrSchedule("constant", 2e-3, 0, 1), 1.0, 1, 0);
        double bestJ = 0, bestP = 0;
        for (int r = 0; r < repeats; r++) {
            try (Stage1Trainer t = Stage1Trainer.create(spec, cfg, data, Device.cpu(), Map.of())) {
                t.trainUntil(warmup, null, null);
                long t0 = System.nanoTime();
                t.trainUntil(warmup + steps, null, null);
                bestJ = Math.max(bestJ, (double) steps * batch / ((System.nanoTime() - t0) * 1e-9));
            }
            bestP = Math.max(bestP, BenchProcess.run(new ProcessBuilder(python, script, "--threads", "" + threads, "--steps", "" + steps,
                    "--warmup", "" + warmup, "--batch", "" + batch, "--width", "" + width)).get("samples_per_second"));
        }
        System.out.printf(Locale.ROOT, "conv AE stage 1 (28x28x1, width %d, batch %d, %d thread(s)): diffold %.1f samples/s, pytorch %.1f samples/s, ratio %.3f%n",
                width, batch, threads, bestJ, bestP, bestJ / bestP);
    }
}

package org.diffold.core.sampler;

import java.util.Locale;
import java.util.function.IntConsumer;
import org.diffold.core.grid.TimeGrid;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.process.OuProcess;
import org.diffold.core.random.NormalStream;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.score.Score;

/**
 * {@code pf-ode-heun}: Heun's (explicit trapezoidal) method on the probability-flow ODE
 * dY/dtau = f(tau, Y) = Y + s_{T-tau}(Y) (docs/math.md §1.2, §3.2). Step k, from forward time t' = s_k to
 * t = s_{k+1} with gamma = gamma_k:
 * Ytilde = Y + gamma (Y + s_{t'}(Y)), Y &lt;- Y + (gamma / 2) [(Y + s_{t'}(Y)) + (Ytilde + s_t(Ytilde))].
 *
 * <p>Same contract as {@link AffineSampler}: Y starts from N(0, I) drawn from the per-sample stream
 * {@link RandomStreams#normals(long) normals(firstIndex + i)} (the only randomness), chunks of {@link Score#chunkRows()} rows, no allocation
 * in the step loop, a NaN/Inf check after every step naming the step and its time, optional final Tweedie step.
 */
public final class HeunSampler implements Sampler {
    private final TimeGrid grid;
    private final boolean finalDenoise;
    private final NoiseLevel[] levels;

    /** Heun on the grid; {@code finalDenoise} adds m_delta(Y) = (Y + sigma_delta^2 s_delta(Y)) / c_delta. */
    public HeunSampler(TimeGrid grid, boolean finalDenoise) {
        this.grid = grid;
        this.finalDenoise = finalDenoise;
        this.levels = new NoiseLevel[grid.steps() + 1];
        for (int k = 0; k <= grid.steps(); k++) levels[k] = grid.level(k);
    }

    /** The grid. */
    public TimeGrid grid() { return grid; }

    @Override
    public String name() { return "pf-ode-heun on " + grid + (finalDenoise ? " + final Tweedie step" : ""); }

    @Override
    public void sample(Score score, RandomStreams streams, long firstIndex, int n, double[] out, int threads,
                       IntConsumer progress) {
        int d = score.dim();
        if (n < 0 || out.length < (long) n * d) throw new IllegalArgumentException("output holds " + out.length + " values, needs n*D = " + (long) n * d);
        int rowsPer = AffineSampler.chunkRows(score);
        int chunks = (n + rowsPer - 1) / rowsPer;
        ChunkRunner.run(chunks, threads, () -> new Worker(score, d, rowsPer), (w, c) -> runChunk(w, streams, firstIndex, c, n, out, progress));
    }

    private void runChunk(Worker w, RandomStreams streams, long firstIndex, int chunk, int n, double[] out, IntConsumer progress) {
        int from = chunk * w.rows, rows = Math.min(w.rows, n - from);
        int d = w.d, len = rows * d;
        double[] y = w.y, f = w.f, yt = w.yt, s = w.s;
        for (int r = 0; r < rows; r++) streams.normals(firstIndex + from + r, w.rng).fill(y, r * d, d);
        for (int k = 0; k < grid.steps(); k++) {
            double g = grid.gamma(k);
            w.eval.score(levels[k], y, s, 0, rows);
            for (int j = 0; j < len; j++) {
                double fj = OuProcess.flowVelocity(y[j], s[j]);
                f[j] = fj;
                yt[j] = y[j] + g * fj;
            }
            w.eval.score(levels[k + 1], yt, s, 0, rows);
            double half = 0.5 * g, check = 0;
            for (int j = 0; j < len; j++) {
                double v = y[j] + half * (f[j] + OuProcess.flowVelocity(yt[j], s[j]));
                y[j] = v;
                check += v;
            }
            if (!Double.isFinite(check)) throw diverged(k, y, rows, d, firstIndex + from);
        }
        if (finalDenoise) {
            SamplerRows.denoise(w.eval, levels[grid.steps()], y, s, rows, len);
        }
        System.arraycopy(y, 0, out, from * d, len);
        if (progress != null) progress.accept(rows);
    }

    private SamplingDivergedException diverged(int step, double[] y, int rows, int d, long firstSample) {
        long bad = SamplerRows.firstNonFinite(y, rows, d, firstSample);
        return new SamplingDivergedException(String.format(Locale.ROOT, "non-finite value after step %d of %d (k=%d t'=%.6g) in sample %d of %s",
                step + 1, grid.steps(), step, grid.forwardTime(step), bad, name()));
    }

    private static final class Worker {
        final int d, rows;
        final double[] y, f, yt, s;
        final Score.Evaluator eval;
        final NormalStream rng = new NormalStream(0);

        Worker(Score score, int d, int rows) {
            this.d = d;
            this.rows = rows;
            int len = rows * d;
            y = new double[len];
            f = new double[len];
            yt = new double[len];
            s = new double[len];
            eval = score.evaluator();
        }
    }
}

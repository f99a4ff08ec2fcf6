package org.diffold.core.sampler;

import java.util.function.IntConsumer;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.random.NormalStream;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.score.Score;

/**
 * Runs a {@link StepPlan}: Y_start ~ N(0, I), then Y <- a_i Y + b_i s(Y) + n_i Z_i for every step, optionally
 * followed by the Tweedie denoiser at the output level (docs/math.md §3.1–§3.3).
 *
 * <p>Sample i draws all its noise, Y_start's and every step's in order, from its bulk normal stream
 * {@link RandomStreams#normals(long) normals(firstIndex + i)} (docs/math.md §9), and rows are processed
 * independently in fixed chunks, so the output is bit-identical for any batch split and thread count. Work buffers
 * are allocated once per thread; the step loop allocates nothing. After every step the chunk is checked for NaN/Inf.
 */
public final class AffineSampler implements Sampler {
    /**
     * Rows processed together (a chunk of 32 x 1024 doubles fits in L2) unless the score asks for more
     * ({@link Score#chunkRows()}).
     */
    public static final int CHUNK_ROWS = Score.DEFAULT_CHUNK_ROWS;
    private final StepPlan plan;
    private final boolean finalDenoise;

    /** A sampler for the plan; {@code finalDenoise} adds the Tweedie step m(Y) at the output level. */
    public AffineSampler(StepPlan plan, boolean finalDenoise) {
        this.plan = plan;
        this.finalDenoise = finalDenoise;
    }

    /** The plan. */
    public StepPlan plan() { return plan; }

    @Override
    public String name() { return plan.name() + (finalDenoise ? " + final Tweedie step" : ""); }

    /**
     * Writes n samples (row-major n x D) into {@code out}.
     *
     * @param progress called with the number of rows finished (from worker threads); may be null
     * @throws SamplingDivergedException when a value becomes NaN or infinite
     */
    @Override
    public void sample(Score score, RandomStreams streams, long firstIndex, int n, double[] out, int threads,
                       IntConsumer progress) {
        int d = score.dim();
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (n < 0 || out.length < (long) n * d) throw new IllegalArgumentException("output holds " + out.length + " values, needs n*D = " + (long) n * d);
        int rowsPer = chunkRows(score), chunks = (n + rowsPer - 1) / rowsPer;
        ChunkRunner.run(chunks, threads, () -> new Worker(score, d, rowsPer), (w, c) -> runChunk(w, streams, firstIndex, c, n, out, progress));
    }

    private void runChunk(Worker w, RandomStreams streams, long firstIndex, int chunk, int n, double[] out,
                          IntConsumer progress) {
        int from = chunk * w.rows, rows = Math.min(w.rows, n - from);
        int d = w.d;
        double[] y = w.y, s = w.s, z = w.z;
        NormalStream[] rng = w.rng;
        for (int r = 0; r < rows; r++) streams.normals(firstIndex + from + r, rng[r]).fill(y, r * d, d);
        for (int i = 0; i < plan.size(); i++) {
            if (w.lift != null) {
                // s = c y + U g: the lift is fused into the row update, and the next step's U^T y into the same
                // pass; the same bits as score() then the update
                if (i == 0) w.lift.projectRows(y, 0, rows, w.h);
                double c = w.eval.liftTermsFromProjections(plan.level(i), w.h, rows, w.g);
                double a = plan.a(i), b = plan.b(i), nz = plan.noise(i);
                boolean noise = nz > 0;
                double check = 0;
                for (int r = 0; r < rows; r++) { // row by row: the row's noise is still in L1 when the kernel reads it
                    if (noise) rng[r].fill(z, 0, d);
                    check += w.lift.affineLiftProjectRows(c, w.g, r * w.k, a, b, nz, noise, y, r * d, 1, z, 0, w.h, r * w.k, w.lanes);
                }
                if (!Double.isFinite(check)) throw diverged(i, y, rows, d, firstIndex + from);
                continue;
            }
            w.eval.score(plan.level(i), y, s, 0, rows);
            double a = plan.a(i), b = plan.b(i), nz = plan.noise(i);
            double check = 0;
            for (int r = 0; r < rows; r++) {
                if (nz > 0) {
                    rng[r].fill(z, 0, d);
                    check += RowKernels.affineNoise(a, b, nz, y, s, z, r * d, d);
                } else {
                    check += RowKernels.affine(a, b, y, s, r * d, d);
                }
            }
            if (!Double.isFinite(check)) throw diverged(i, y, rows, d, firstIndex + from);
        }
        if (finalDenoise) {
            SamplerRows.denoise(w.eval, plan.outputLevel(), y, s, rows, rows * d);
        }
        System.arraycopy(y, 0, out, from * d, rows * d);
        if (progress != null) progress.accept(rows);
    }

    /**
     * Rows per chunk: {@link Score#chunkRows()}, at least 1 (the default {@link #CHUNK_ROWS}). Rows are independent,
     * so the chunk size never changes the output. Every sampler sizes its chunks with this.
     */
    public static int chunkRows(Score score) {
        int rows = score.chunkRows();
        if (rows < 1) throw new IllegalArgumentException("score asks for " + rows + " rows per chunk; must be >= 1");
        return rows;
    }

    private SamplingDivergedException diverged(int step, double[] y, int rows, int d, long firstSample) {
        long bad = SamplerRows.firstNonFinite(y, rows, d, firstSample);
        return new SamplingDivergedException("non-finite value after step " + (step + 1) + " of " + plan.size()
                + " (" + plan.label(step) + ") in sample " + bad + " of " + plan.name());
    }

    private static final class Worker {
        final int d, rows;
        final double[] y, s, z;
        final NormalStream[] rng;
        final Score.Evaluator eval;
        final Subspace lift; // non-null: s = c y + U g, fused path
        final int k;
        final double[] g, h;
        final double[] lanes = new double[Subspace.LANE_SCRATCH]; // the fused kernel's horizontal sums

        Worker(Score score, int d, int rows) {
            this.d = d;
            this.rows = rows;
            this.rng = new NormalStream[rows];
            this.y = new double[rows * d];
            this.eval = score.evaluator();
            this.lift = eval.liftSubspace();
            this.k = lift == null ? 0 : lift.k();
            this.g = new double[rows * k];
            this.h = new double[rows * k];
            this.s = new double[rows * d]; // the unfused path and the final denoiser
            this.z = new double[d]; // one row's step noise (rows are stepped one at a time)
            for (int r = 0; r < rows; r++) rng[r] = new NormalStream(0);
        }
    }
}

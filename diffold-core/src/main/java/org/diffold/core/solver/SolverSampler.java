package org.diffold.core.solver;

import java.util.function.IntConsumer;
import org.diffold.core.linalg.Parallel;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.NormalStream;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.Sampler;
import org.diffold.core.sampler.SamplingDivergedException;
import org.diffold.core.score.Score;
import org.diffold.core.sigma.SigmaGrid;

/**
 * Runs a {@link SolverProgram} with any {@link Score} (docs/math.md §3.3, §3.4). The denoiser contract: at level
 * sigma (variance-preserving abar = 1/(1 + sigma^2), c = sqrt(abar)), D(x, sigma) = x + sigma^2 c s(c x), Tweedie's
 * formula for x = x_0 + sigma z written through the variance-preserving score s of the core Score.
 *
 * <p>Sample i draws its initial state and all step noise from the normal stream {@code firstIndex + i}
 * ({@link RandomStreams#normals}, docs/math.md §9), in program order, and
 * rows are processed in fixed chunks, so the output is bit-identical for any batch split and thread count.
 * Registers are allocated once per chunk; the operation loop allocates nothing. Every combine into x is followed by a
 * NaN/Inf check that names the step. The output is x at the output level (data scale), or c_out x
 * ({@code vpOutput}, the variance-preserving view the discrete samplers use; needs an output sigma &gt; 0).
 */
public final class SolverSampler implements Sampler {
    /** Rows processed together unless the score asks for more ({@link Score#chunkRows()}). */
    public static final int CHUNK_ROWS = Score.DEFAULT_CHUNK_ROWS;
    private final SolverProgram program;
    private final boolean vpOutput;
    private final NoiseLevel[] levels;
    private final double[] c, gain;
    private final int maxTerms;

    /** A sampler for the program. */
    public SolverSampler(SolverProgram program, boolean vpOutput) {
        if (vpOutput && !(program.outputSigma() > 0)) {
            throw new IllegalArgumentException("a variance-preserving output needs an output sigma > 0, got " + program.outputSigma());
        }
        this.program = program;
        this.vpOutput = vpOutput;
        int n = program.size();
        levels = new NoiseLevel[n];
        c = new double[n];
        gain = new double[n];
        int most = 1;
        for (int i = 0; i < n; i++) most = Math.max(most, program.termFrom(i + 1) - program.termFrom(i));
        maxTerms = most;
        for (int i = 0; i < n; i++) {
            if (program.kind(i) != SolverProgram.DENOISE) continue;
            double s = program.sigma(i);
            levels[i] = NoiseLevel.ofLogAlphaBar(SigmaGrid.logAlphaBar(s));
            c[i] = 1 / Math.sqrt(1 + s * s);
            gain[i] = s * s * c[i];
        }
    }

    /** The program. */
    public SolverProgram program() { return program; }

    @Override
    public String name() { return program.name(); }

    @Override
    public void sample(Score score, RandomStreams streams, long firstIndex, int n, double[] out, int threads, IntConsumer progress) {
        int d = score.dim();
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (n < 0 || out.length < (long) n * d) throw new IllegalArgumentException("output holds " + out.length + " values, needs n*D = " + (long) n * d);
        int rowsPer = org.diffold.core.sampler.AffineSampler.chunkRows(score);
        int chunks = (n + rowsPer - 1) / rowsPer;
        Parallel.forRanges(chunks, threads, 1, (id, from, to) -> {
            Worker w = new Worker(score, d, rowsPer, program.registers(), maxTerms);
            for (int ch = from; ch < to; ch++) runChunk(w, streams, firstIndex, ch, n, out, progress);
        });
    }

    private void runChunk(Worker w, RandomStreams streams, long firstIndex, int chunk, int n, double[] out, IntConsumer progress) {
        int from = chunk * w.rows, rows = Math.min(w.rows, n - from), d = w.d, len = rows * d;
        double[][] reg = w.reg;
        NormalStream[] rng = w.rng;
        double init = program.initStd();
        for (int r = 0; r < rows; r++) streams.normals(firstIndex + from + r, rng[r]).fill(reg[0], r * d, d);
        for (int j = 0; j < len; j++) reg[0][j] *= init;
        for (int op = 0; op < program.size(); op++) {
            double[] dst = reg[program.dst(op)];
            if (program.kind(op) == SolverProgram.DENOISE) {
                double[] src = reg[program.src(op)], y = w.y, s = w.s;
                double ci = c[op], g = gain[op];
                for (int j = 0; j < len; j++) y[j] = ci * src[j];
                w.eval.score(levels[op], y, s, 0, rows);
                for (int j = 0; j < len; j++) dst[j] = src[j] + g * s[j];
                continue;
            }
            combine(w, op, dst, rows, d);
            if (program.dst(op) == 0) {
                double check = 0;
                for (int j = 0; j < len; j++) check += dst[j];
                if (!Double.isFinite(check)) throw diverged(op, reg[0], rows, d, firstIndex + from);
            }
        }
        double scale = vpOutput ? 1 / Math.sqrt(1 + program.outputSigma() * program.outputSigma()) : 1;
        double[] x = reg[0];
        for (int j = 0; j < len; j++) out[from * d + j] = scale * x[j];
        if (progress != null) progress.accept(rows);
    }

    private void combine(Worker w, int op, double[] dst, int rows, int d) {
        int t0 = program.termFrom(op), t1 = program.termFrom(op + 1), terms = t1 - t0;
        double[][] src = w.terms;
        double[] coef = w.coef;
        for (int t = 0; t < terms; t++) {
            src[t] = w.reg[program.termRegister(t0 + t)];
            coef[t] = program.termCoefficient(t0 + t);
        }
        double noise = program.noise(op);
        double[] z = w.z;
        for (int r = 0; r < rows; r++) {
            int base = r * d;
            if (noise > 0) w.rng[r].fill(z, 0, d);
            for (int j = base, end = base + d; j < end; j++) {
                double v = 0;
                for (int t = 0; t < terms; t++) v += coef[t] * src[t][j];
                if (noise > 0) v += noise * z[j - base];
                dst[j] = v;
            }
        }
    }

    private SamplingDivergedException diverged(int op, double[] x, int rows, int d, long firstSample) {
        long bad = firstSample;
        search:
        for (int r = 0; r < rows; r++) {
            for (int j = r * d; j < (r + 1) * d; j++) {
                if (!Double.isFinite(x[j])) { bad = firstSample + r; break search; }
            }
        }
        return new SamplingDivergedException("non-finite value in " + program.stepLabel(program.step(op)) + " of "
                + program.steps() + " in sample " + bad + " of " + program.name());
    }

    private static final class Worker {
        final int d, rows;
        final double[][] reg, terms;
        final double[] y, s, z, coef;
        final NormalStream[] rng;
        final Score.Evaluator eval;

        Worker(Score score, int d, int rows, int registers, int maxTerms) {
            this.d = d;
            this.rows = rows;
            rng = new NormalStream[rows];
            reg = new double[registers][rows * d];
            terms = new double[maxTerms][];
            coef = new double[maxTerms];
            y = new double[rows * d];
            s = new double[rows * d];
            z = new double[d];
            for (int r = 0; r < rows; r++) rng[r] = new NormalStream(0);
            eval = score.evaluator();
        }
    }
}

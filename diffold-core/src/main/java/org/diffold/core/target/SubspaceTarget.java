package org.diffold.core.target;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.score.Score;

/**
 * A target X_0 = U z with z ~ q_0 on R^k and U orthonormal (docs/math.md §4.1, §5). The noised law factorises,
 * p_t(x) = q_t(U^T x) N(P_perp x; 0, sigma^2 I), so
 * s_t(x) = -x / sigma^2 + U (y / sigma^2 + grad log q_t(y)), y = U^T x, never forming a D x D matrix.
 * Subclasses supply z's law and grad log q_t.
 */
public abstract class SubspaceTarget implements Target {
    private final String name;
    private final Subspace subspace;

    protected SubspaceTarget(String name, Subspace subspace) {
        this.name = name;
        this.subspace = subspace;
    }

    @Override public final String name() { return name; }
    @Override public final int dim() { return subspace.dim(); }
    @Override public final int intrinsicDim() { return subspace.k(); }

    /** The subspace holding the data. */
    public final Subspace subspace() { return subspace; }

    /** Writes grad log q_t(y) into g[0..k); {@code scratch} has {@link #scratchSize()} entries. Allocation-free. */
    protected abstract void subspaceScore(NoiseLevel level, double[] y, double[] g, double[] scratch);

    /** Scratch doubles {@link #subspaceScore} needs. */
    protected int scratchSize() { return 0; }

    /** Writes one draw of z ~ q_0 into z[0..k). */
    protected abstract void sampleLatent(SplittableRandom rng, double[] z);

    @Override
    public final void sample(RandomStreams streams, long firstIndex, int n, double[] out) {
        sampleLifted(subspace, this::sampleLatent, streams, firstIndex, n, out);
    }

    /** Draws latent coordinates z[0..k) from one sample's stream. */
    @FunctionalInterface
    public interface LatentSampler {
        /** Writes one draw into z. */
        void draw(SplittableRandom rng, double[] z);
    }

    /**
     * Writes n samples U z_i (row-major n x D) into out, z_i drawn by {@code latent} from stream
     * {@code firstIndex + i}: the sampling loop of every target that lives in a subspace or a linear embedding.
     */
    public static void sampleLifted(Subspace subspace, LatentSampler latent, RandomStreams streams, long firstIndex,
                                    int n, double[] out) {
        double[] z = new double[subspace.k()];
        for (int i = 0; i < n; i++) {
            latent.draw(streams.stream(firstIndex + i), z);
            subspace.lift(z, out, i * subspace.dim());
        }
    }

    @Override
    public final Score score() {
        return new Score() {
            @Override public int dim() { return subspace.dim(); }
            @Override public Evaluator evaluator() { return new SubspaceEvaluator(); }
        };
    }

    private final class SubspaceEvaluator implements Score.Evaluator {
        private double[] ys = new double[0];
        private final double[] y = new double[subspace.k()];
        private final double[] h = new double[subspace.k()];
        private final double[] scratch = new double[scratchSize()];

        @Override
        public void score(NoiseLevel level, double[] x, double[] out, int from, int to) {
            int d = subspace.dim(), k = subspace.k(), rows = to - from;
            if (ys.length < rows * k) ys = new double[rows * k]; // grows once per evaluator, not per step
            double c = liftTerms(level, x, from, to, ys);
            for (int i = 0; i < rows; i++) subspace.axpyLift(c, x, (from + i) * d, ys, i * k, out, (from + i) * d);
        }

        @Override
        public Subspace liftSubspace() { return subspace; }

        /** g_i = y_i / sigma^2 + grad log q_t(y_i) with y_i = U^T x_i, and c = -1 / sigma^2. */
        @Override
        public double liftTerms(NoiseLevel level, double[] x, int from, int to, double[] g) {
            subspace.projectRows(x, from * subspace.dim(), to - from, g);
            return liftTermsFromProjections(level, g, to - from, g);
        }

        @Override
        public double liftTermsFromProjections(NoiseLevel level, double[] ys, int rows, double[] g) {
            int k = subspace.k();
            double inv = 1 / level.sigma2();
            for (int i = 0; i < rows; i++) {
                System.arraycopy(ys, i * k, y, 0, k);
                subspaceScore(level, y, h, scratch);
                for (int r = 0; r < k; r++) g[i * k + r] = h[r] + y[r] * inv;
            }
            return -inv;
        }
    }
}

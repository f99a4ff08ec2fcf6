package org.diffold.core.manifold;

import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.score.Score;
import org.diffold.core.target.SubspaceTarget;
import org.diffold.core.target.Target;

/**
 * A d-dimensional manifold M0 in R^m with a density along it, placed in R^D by an orthonormal map U (D x m): both a
 * {@link Target} with the exact score of every noised law and a {@link DataManifold}.
 *
 * <p>Because M = U M0 lies in span(U), the noised law factorises as in docs/math.md §4.1 and the score is Tweedie's
 * formula with the latent posterior mean: s_t(x) = (c U m_t(U^T x) - x) / sigma^2, m_t(y) = E[z | c z + sigma Z = y]
 * for z on M0 (spec §1.1, §5). The nearest point of M to x is U times the nearest point of M0 to U^T x, since
 * |x - U z|^2 = |U^T x - z|^2 + |P_perp x|^2. Subclasses supply the latent law, posterior mean and projection.
 */
public abstract class LatentManifoldTarget implements Target, DataManifold {
    private final String name;
    private final Subspace subspace;
    private final int intrinsicDim;

    protected LatentManifoldTarget(String name, Subspace subspace, int intrinsicDim) {
        if (intrinsicDim < 1 || intrinsicDim > subspace.k()) {
            throw new IllegalArgumentException("intrinsic dimension must be in [1, m = " + subspace.k() + "], got " + intrinsicDim);
        }
        this.name = name;
        this.subspace = subspace;
        this.intrinsicDim = intrinsicDim;
    }

    /** Per-thread latent posterior: writes m_t(y) into mean[0..m); allocation-free after warm-up. */
    protected interface LatentPosterior {
        void posteriorMean(NoiseLevel level, double[] y, double[] mean);
    }

    /** A new per-thread latent posterior. */
    protected abstract LatentPosterior newPosterior();

    /** Writes one latent draw z on M0 into z[0..m). */
    protected abstract void sampleLatent(SplittableRandom rng, double[] z);

    /** Writes the nearest point of M0 to y into z[0..m). */
    protected abstract void projectLatent(double[] y, double[] z);

    @Override public final String name() { return name; }
    @Override public final int dim() { return subspace.dim(); }
    @Override public final int intrinsicDim() { return intrinsicDim; }

    /** The span of the manifold: U (D x m). */
    public final Subspace subspace() { return subspace; }

    @Override
    public final void sample(RandomStreams streams, long firstIndex, int n, double[] out) {
        SubspaceTarget.sampleLifted(subspace, this::sampleLatent, streams, firstIndex, n, out);
    }

    @Override
    public final void project(double[] x, int xOff, double[] out, int outOff) {
        double[] y = new double[subspace.k()], z = new double[subspace.k()];
        subspace.project(x, xOff, y);
        projectLatent(y, z);
        subspace.lift(z, out, outOff);
    }

    @Override
    public final Score score() {
        return new Score() {
            @Override public int dim() { return subspace.dim(); }
            @Override public Evaluator evaluator() { return new LatentEvaluator(newPosterior()); }
        };
    }

    private final class LatentEvaluator implements Score.Evaluator {
        private final LatentPosterior posterior;
        private final double[] y = new double[subspace.k()], mean = new double[subspace.k()];

        LatentEvaluator(LatentPosterior posterior) { this.posterior = posterior; }

        @Override
        public void score(NoiseLevel level, double[] x, double[] out, int from, int to) {
            int d = subspace.dim(), m = subspace.k();
            double inv = 1 / level.sigma2(), cInv = level.c() * inv;
            for (int i = from; i < to; i++) {
                int off = i * d;
                subspace.project(x, off, y);
                posterior.posteriorMean(level, y, mean);
                for (int r = 0; r < m; r++) mean[r] *= cInv;
                subspace.axpyLift(-inv, x, off, mean, out, off);
            }
        }
    }
}

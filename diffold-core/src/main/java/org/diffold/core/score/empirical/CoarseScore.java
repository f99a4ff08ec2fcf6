package org.diffold.core.score.empirical;

import org.diffold.core.process.NoiseLevel;
import org.diffold.core.score.Score;

/**
 * The coarse score of Shen, Hsieh and He (docs/math.md §6): only the leading term of the small-noise score,
 * s(x) = -(x - c proj(x / c)) / sigma^2, which depends on the manifold alone (the noised data lie near c M). The
 * density along M is not in it: tangential motion is pure diffusion. Optionally [ours], above a switch level
 * sigma &gt;= sigma_switch a large-noise score is used instead (the paper assumes the score exact at large noise, where
 * it is statistically easy; e.g. the empirical score), so the sampler enters the coarse phase with the data's coarse
 * layout. With no large-noise score the coarse formula is used at every level.
 */
public final class CoarseScore implements Score {
    private final ManifoldProjection projection;
    private final Score largeNoise;
    private final double switchSigma;

    /**
     * @param largeNoise score for sigma &gt;= switchSigma, or null (coarse at every level)
     * @param switchSigma the switch level (ignored without a large-noise score), &gt; 0
     */
    public CoarseScore(ManifoldProjection projection, Score largeNoise, double switchSigma) {
        if (largeNoise != null) {
            if (largeNoise.dim() != projection.dim()) throw new IllegalArgumentException("large-noise score has dimension " + largeNoise.dim() + ", projection " + projection.dim());
            if (!(switchSigma > 0) || Double.isInfinite(switchSigma)) throw new IllegalArgumentException("coarse score: switch level must be > 0 and finite, got " + switchSigma);
        }
        this.projection = projection;
        this.largeNoise = largeNoise;
        this.switchSigma = switchSigma;
    }

    /** The coarse formula at every level. */
    public CoarseScore(ManifoldProjection projection) { this(projection, null, Double.POSITIVE_INFINITY); }

    @Override
    public int dim() { return projection.dim(); }

    /** The large-noise score's chunk (the projections work in blocks of 32 rows, so any multiple suits them). */
    @Override
    public int chunkRows() { return largeNoise == null ? DEFAULT_CHUNK_ROWS : Math.max(DEFAULT_CHUNK_ROWS, largeNoise.chunkRows()); }

    @Override
    public Evaluator evaluator() {
        ManifoldProjection.Worker worker = projection.worker();
        Evaluator large = largeNoise == null ? null : largeNoise.evaluator();
        int d = projection.dim();
        double s2 = switchSigma * switchSigma;
        double[][] y = {new double[0]};
        return (level, x, out, from, to) -> {
            if (large != null && level.sigma2() >= s2) {
                large.score(level, x, out, from, to);
                return;
            }
            if (y[0].length < to * d) y[0] = new double[to * d]; // grown once, then reused
            double[] z = y[0];
            double c = level.c(), inv = 1 / c, v = level.sigma2();
            for (int j = from * d, end = to * d; j < end; j++) z[j] = x[j] * inv;
            worker.project(z, out, from, to);
            for (int j = from * d, end = to * d; j < end; j++) out[j] = -(x[j] - c * out[j]) / v;
        };
    }
}

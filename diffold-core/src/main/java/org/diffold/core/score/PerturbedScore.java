package org.diffold.core.score;

import org.diffold.core.process.NoiseLevel;

/**
 * A score with a controlled, coordinate-wise error: s(x)_j = s*(x)_j + h_t(x_j) (docs/math.md §4.4). Used to check
 * that the sampler's KL tracks eps_score^2 plus the discretisation error.
 */
public final class PerturbedScore implements Score {
    private final Score base;
    private final CoordinateField field;

    /** The base (usually exact) score plus the field h. */
    public PerturbedScore(Score base, CoordinateField field) {
        this.base = base;
        this.field = field;
    }

    /** The unperturbed score. */
    public Score base() { return base; }

    /** The perturbation h. */
    public CoordinateField field() { return field; }

    @Override public int dim() { return base.dim(); }

    /** The base score's chunk. */
    @Override public int chunkRows() { return base.chunkRows(); }

    @Override
    public Evaluator evaluator() {
        Evaluator inner = base.evaluator();
        int d = base.dim();
        return (NoiseLevel level, double[] x, double[] out, int from, int to) -> {
            inner.score(level, x, out, from, to);
            for (int j = from * d, end = to * d; j < end; j++) out[j] += field.value(level, x[j]);
        };
    }
}

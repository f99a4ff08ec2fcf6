package org.diffold.core.manifold;

import org.diffold.core.random.RandomStreams;

/**
 * A d-dimensional set M in R^D with a sampling law on it and its nearest-point projection.
 *
 * <p>Sampling follows the {@link org.diffold.core.target.Target} contract (sample i uses stream
 * {@code firstIndex + i}), so a class can be both a target with an exact score and a data manifold.
 * {@link #project} returns the nearest point of M; {@link #projectionTolerance()} states its accuracy: 0 where a closed
 * form is used, otherwise the stopping tolerance of the numerical search (each implementation's Javadoc says which).
 */
public interface DataManifold {
    /** Registry name, e.g. {@code circle} or {@code M7_Roll}. */
    String name();

    /** Ambient dimension D. */
    int dim();

    /** Intrinsic dimension d. */
    int intrinsicDim();

    /** Writes n samples (row-major n x D) into out; sample i uses stream {@code firstIndex + i}. */
    void sample(RandomStreams streams, long firstIndex, int n, double[] out);

    /** n samples from the seed, a convenience for {@link #sample}. */
    default double[] sample(long seed, int n) {
        if (n < 0) throw new IllegalArgumentException("n must be >= 0, got " + n);
        double[] out = new double[Math.multiplyExact(n, dim())];
        sample(new RandomStreams(seed), 0, n, out);
        return out;
    }

    /** Writes the nearest point of M to the row x[xOff .. xOff+D) into out[outOff .. outOff+D). */
    void project(double[] x, int xOff, double[] out, int outOff);

    /** Accuracy of {@link #project}: 0 for a closed form, else the numerical search's tolerance (see the class). */
    double projectionTolerance();

    /** Euclidean distance from the row x[xOff ..) to M, via {@link #project}. */
    default double distance(double[] x, int xOff) {
        int d = dim();
        double[] p = new double[d];
        project(x, xOff, p, 0);
        double s = 0;
        for (int j = 0; j < d; j++) {
            double e = x[xOff + j] - p[j];
            s += e * e;
        }
        return Math.sqrt(s);
    }
}

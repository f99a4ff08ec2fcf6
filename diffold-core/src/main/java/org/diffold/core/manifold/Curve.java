package org.diffold.core.manifold;

/** A smooth curve theta -> phi(theta) in R^m on [lower, upper], with a bound on its speed |phi'|. */
public interface Curve {
    /** Dimension m of the space holding the curve. */
    int dim();

    /** Lower end of the parameter range. */
    double lower();

    /** Upper end of the parameter range. */
    double upper();

    /** Writes phi(theta) into out[off .. off+m). */
    void point(double theta, double[] out, int off);

    /** An upper bound on |phi'(theta)| (sets the quadrature resolution). */
    double speedBound();

    /** Whether {@link #nearestParameter} is a closed form (otherwise callers search numerically). */
    default boolean hasExactProjection() { return false; }

    /** The parameter of the nearest curve point to y (closed form; only if {@link #hasExactProjection()}). */
    default double nearestParameter(double[] y) {
        throw new UnsupportedOperationException("no closed-form projection for this curve");
    }

    /** This curve as a one-parameter {@link Parametrization}. */
    default Parametrization asParametrization() {
        Curve c = this;
        return new Parametrization() {
            @Override public int paramDim() { return 1; }
            @Override public int dim() { return c.dim(); }
            @Override public double lower(int j) { return c.lower(); }
            @Override public double upper(int j) { return c.upper(); }
            @Override public void embed(double[] p, double[] out, int off) { c.point(p[0], out, off); }
        };
    }
}

package org.diffold.core.manifold;

/** A smooth map phi from a parameter box prod_j [lower_j, upper_j] in R^p to R^D. */
public interface Parametrization {
    /** Number of parameters p. */
    int paramDim();

    /** Ambient dimension D. */
    int dim();

    /** Lower bound of parameter j. */
    double lower(int j);

    /** Upper bound of parameter j. */
    double upper(int j);

    /** Writes phi(p) into out[off .. off+D). */
    void embed(double[] p, double[] out, int off);
}

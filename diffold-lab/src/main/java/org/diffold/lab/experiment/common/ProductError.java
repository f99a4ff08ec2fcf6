package org.diffold.lab.experiment.common;

/**
 * Errors of the product target pi^{⊗d} ⊗ delta_0^{⊗(D-d)} from its two factor results, by tensorisation
 * (docs/math.md §4.3): KL = d KL_pi + (D - d) KL_point, log BC = d log BC_pi + (D - d) log BC_point,
 * H^2 = 1 - BC, and TV bracketed by Hellinger: 1 - BC &lt;= TV &lt;= sqrt(1 - BC^2).
 *
 * @param kl product KL
 * @param hellingerSquared 1 - BC
 * @param tvLower lower TV bound 1 - BC
 * @param tvUpper upper TV bound sqrt(1 - BC^2)
 */
public record ProductError(double kl, double hellingerSquared, double tvLower, double tvUpper) {
    /** Tensorises the factor results for 1 &lt;= d &lt;= D. */
    public static ProductError of(FactorError pi, FactorError point, int d, int dim) {
        if (d < 1) throw new IllegalArgumentException("d must be >= 1, got " + d);
        if (d > dim) throw new IllegalArgumentException("d must be <= D, got d=" + d + " > D=" + dim);
        int m = dim - d;
        double kl = d * pi.kl() + (m == 0 ? 0 : m * point.kl());
        double logBc = d * pi.logAffinity() + (m == 0 ? 0 : m * point.logAffinity());
        double h2 = -Math.expm1(logBc);
        return new ProductError(kl, h2, h2, Math.sqrt(-Math.expm1(2 * logBc)));
    }
}

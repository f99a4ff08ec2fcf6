package org.diffold.lab.experiment.adaptivity;

import java.util.List;

/**
 * The numbers of one {@code sampler-adaptivity} run.
 *
 * @param cells one exact error per (target, sampler, S, D)
 * @param fits the fitted slope of KL in D per (target, sampler, S)
 * @param finalZero per sampler: the exact error at S = 20, D = 1000 with the final step to sigma = 0
 * @param speed the timing of the exact error against simulation
 * @param seconds wall time of the run
 * @param warnings calculator warnings (never silent)
 */
public record AdaptivityResult(List<Cell> cells, List<Fit> fits, List<FinalZero> finalZero, Speed speed, double seconds,
                               List<String> warnings) {
    /** Copies the lists. */
    public AdaptivityResult {
        cells = List.copyOf(cells);
        fits = List.copyOf(fits);
        finalZero = List.copyOf(finalZero);
        warnings = List.copyOf(warnings);
    }

    /**
     * One exact error.
     *
     * @param target gaussian-subspace or product-subspace
     * @param sampler sampler spec or scheme name
     * @param scheme whether it is a continuous-time scheme
     * @param steps S
     * @param dim D
     * @param kl total KL
     * @param klPar subspace part
     * @param klPerp complement part
     * @param tv TV (NaN where not computed)
     */
    public record Cell(String target, String sampler, boolean scheme, int steps, int dim, double kl, double klPar, double klPerp, double tv) {
        /** KL_perp / KL. */
        public double complementShare() { return kl > 0 ? klPerp / kl : 0; }
    }

    /**
     * KL against D for one (target, sampler, S).
     *
     * @param slope least-squares slope of log KL in log D
     * @param ratio KL(D_max) / KL(D_min)
     * @param adapts KL per complement coordinate at most {@link AdaptivityConfig#ADAPT_PER_COORDINATE}
     * @param klMax KL at the largest D
     * @param share complement share at the largest D
     * @param klPerpPerCoordinate KL of one complement coordinate
     */
    public record Fit(String target, String sampler, boolean scheme, int steps, double slope, double ratio, boolean adapts, double klMax,
                      double share, double klPerpPerCoordinate) {}

    /**
     * A sampler run to sigma = 0 (k-diffusion's appended zero).
     *
     * @param kl exact KL against the data law (infinite when noise is left in the complement)
     * @param residualStd the complement's residual standard deviation
     */
    public record FinalZero(String sampler, double kl, double residualStd) {}

    /**
     * Timing of one exact error against a simulation of the same sampler, in this run.
     *
     * @param exactMillis best-of-repeats milliseconds of the exact error (compile + covariance recursion + TV)
     * @param simulationMillis milliseconds to simulate {@code samples} samples with the exact score
     */
    public record Speed(String sampler, int steps, int dim, double exactMillis, int samples, double simulationMillis) {
        /** simulation / exact. */
        public double ratio() { return simulationMillis / exactMillis; }
    }
}

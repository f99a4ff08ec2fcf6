package org.diffold.core.collapse;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import org.diffold.core.manifold.DataManifold;
import org.diffold.core.random.RandomStreams;

/**
 * The collapse of a denoiser onto the projection onto M versus sigma (docs/math.md §7): at probe points
 * x = x0 + delta z near M (x0 on M, z ~ N(0, I_D), delta a setting [ours]) it measures the singular values of the
 * Jacobian of D_sigma, their numerical rank (count above tau, [ours]) and ||D_sigma(x) - pi_M(x)||. For the exact
 * denoiser the rank falls to the intrinsic dimension k and the distance to 0 as sigma -> 0, and on M the non-zero
 * singular values tend to 1 (the tangent projector); off M the tangent gain of a curve of radius r at distance
 * rho is r / (r + rho).
 *
 * @param probes number of probe points
 * @param delta normal offset scale of the probes (0 = on M)
 * @param tau rank threshold
 * @param step finite-difference step
 * @param seed probe seed
 */
public record CollapseStudy(int probes, double delta, double tau, double step, long seed) {
    /** Defaults [ours]: 8 probes, delta 0.05, tau 0.1, step 1e-4. */
    public static CollapseStudy defaults(long seed) { return new CollapseStudy(8, 0.05, 0.1, JacobianSpectrum.DEFAULT_STEP, seed); }

    /** Validates the settings. */
    public CollapseStudy {
        if (probes < 1) throw new IllegalArgumentException("probes must be >= 1, got " + probes);
        if (!(delta >= 0) || Double.isInfinite(delta)) throw new IllegalArgumentException("probe offset delta must be >= 0, got " + delta);
        if (!(tau > 0)) throw new IllegalArgumentException("rank threshold tau must be > 0, got " + tau);
        if (!(step > 0)) throw new IllegalArgumentException("finite-difference step must be > 0, got " + step);
    }

    /**
     * One row per sigma.
     *
     * @param sigma VE noise level
     * @param rank the most frequent numerical rank over the probes (the smaller one on a tie)
     * @param meanRank mean numerical rank
     * @param singularValues mean of each sorted singular value over the probes (all D of them)
     * @param projectionDistance mean ||D_sigma(x) - pi_M(x)||
     */
    public record Row(double sigma, int rank, double meanRank, double[] singularValues, double projectionDistance) {}

    /** The probe points, row-major probes x D. */
    public double[] probePoints(DataManifold m) {
        int d = m.dim();
        double[] x = m.sample(new RandomStreams(seed).child("collapse-probes").stream(0).nextLong(), probes);
        SplittableRandom rng = new RandomStreams(seed).child("collapse-offsets").stream(0);
        for (int i = 0; i < x.length; i++) x[i] += delta * rng.nextGaussian();
        return x;
    }

    /** Runs the study for the denoisers {@code denoiserAt.apply(sigma)} on manifold {@code m}. */
    public List<Row> run(DataManifold m, double[] sigmas, DoubleFunction<Denoiser> denoiserAt) {
        int d = m.dim();
        double[] pts = probePoints(m);
        double[][] proj = new double[probes][d];
        for (int p = 0; p < probes; p++) m.project(pts, p * d, proj[p], 0);
        List<Row> rows = new ArrayList<>();
        double[] x = new double[d], out = new double[d];
        for (double sigma : sigmas) {
            Denoiser f = denoiserAt.apply(sigma);
            if (f.dim() != d) throw new IllegalArgumentException("denoiser dimension " + f.dim() + " differs from the manifold's " + d);
            double[] meanSv = new double[d];
            int[] rankCount = new int[d + 1];
            double dist = 0, rankSum = 0;
            for (int p = 0; p < probes; p++) {
                System.arraycopy(pts, p * d, x, 0, d);
                double[] sv = JacobianSpectrum.singularValues(f, x, step);
                for (int j = 0; j < d; j++) meanSv[j] += sv[j] / probes;
                int r = JacobianSpectrum.rank(sv, tau);
                rankCount[r]++;
                rankSum += r;
                f.denoise(x, out);
                double s = 0;
                for (int j = 0; j < d; j++) s += (out[j] - proj[p][j]) * (out[j] - proj[p][j]);
                dist += Math.sqrt(s) / probes;
            }
            int mode = 0;
            for (int r = 1; r <= d; r++) if (rankCount[r] > rankCount[mode]) mode = r;
            rows.add(new Row(sigma, mode, rankSum / probes, meanSv, dist));
        }
        return rows;
    }

    /** {@code n} log-spaced sigmas from lo to hi (inclusive). */
    public static double[] logSpaced(double lo, double hi, int n) {
        if (!(lo > 0 && hi >= lo) || n < 1) throw new IllegalArgumentException("need 0 < lo <= hi and n >= 1, got " + lo + ", " + hi + ", " + n);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = n == 1 ? lo : Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (n - 1));
        return s;
    }
}

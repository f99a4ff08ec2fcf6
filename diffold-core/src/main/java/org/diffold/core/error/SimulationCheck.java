package org.diffold.core.error;

import org.diffold.core.error.gaussian.GaussianCoordinateRecursion;
import org.diffold.core.error.gaussian.SubspaceGaussianError;
import org.diffold.core.error.product.ProductTargetError;
import org.diffold.core.error.propagation.GridDensity;
import org.diffold.core.error.propagation.PropagatedError1D;

import java.util.ArrayList;
import java.util.List;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.AffineSampler;
import org.diffold.core.sampler.Sampler;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.target.GaussianSubspaceTarget;
import org.diffold.core.target.Mixture1D;
import org.diffold.core.target.ProductSubspaceTarget;
import org.diffold.core.target.SubspaceTarget;

/**
 * Cross-checks the exact calculators against the real batched sampler (docs/math.md §4): runs {@link AffineSampler}
 * with the target's exact score on a random subspace and compares sample averages (with standard errors) with the
 * exact values, as z = (simulated - exact) / standard error.
 *
 * <p>Estimators over sampler output Y (law q; target law p): per-coordinate variances from |U^T Y|^2 / k and
 * |P_perp Y|^2 / (D - k); TV = E_q[(1 - p/q)_+]; KL(p || q) = E_q[(p/q) log(p/q)] (Gaussian target, where the
 * sampler's law is known exactly); for the product target also the pooled moments of the subspace coordinates, their
 * reverse KL E_q1[log(q1/p1)] and a binned chi-square test against the propagated density. Subspace from stream 0 of
 * child "subspace", sampler noise from child "sampler" of {@code seed}.
 */
public final class SimulationCheck {
    private SimulationCheck() {}

    /** One simulated-versus-exact comparison; z = (simulated - exact) / standardError. */
    public record Comparison(String quantity, double simulated, double standardError, double exact, double z) {
        static Comparison of(String quantity, double simulated, double standardError, double exact) {
            return new Comparison(quantity, simulated, standardError, exact, (simulated - exact) / standardError);
        }
    }

    /** All comparisons of one run. */
    public record Report(String target, String plan, int dim, int k, int samples, long seed, List<Comparison> comparisons) {
        /** Copies the list. */
        public Report { comparisons = List.copyOf(comparisons); }

        /** The largest |z|. */
        public double maxAbsZ() {
            double m = 0;
            for (Comparison c : comparisons) m = Math.max(m, Math.abs(c.z()));
            return m;
        }
    }

    /** {@code gaussian-subspace} with variance lambda. */
    public static Report gaussianSubspace(StepPlan plan, int dim, int k, double lambda, int samples, long seed, int threads) {
        return gaussianSubspace(new AffineSampler(plan, false), plan.outputLevel(), GaussianCoordinateRecursion.run(plan, lambda).r(),
                GaussianCoordinateRecursion.run(plan, 0).r(), dim, k, lambda, samples, seed, threads);
    }

    /**
     * {@code gaussian-subspace} for any sampler whose output (variance-preserving view) is compared with the forward law at
     * {@code out}, against its exact per-coordinate ratios rPar and rPerp (v / s - 1).
     */
    public static Report gaussianSubspace(Sampler sampler, NoiseLevel out, double rPar, double rPerp, int dim, int k, double lambda,
                                          int samples, long seed, int threads) {
        checkArgs(dim, k, samples);
        RandomStreams streams = new RandomStreams(seed);
        GaussianSubspaceTarget target = new GaussianSubspaceTarget(subspace(streams, dim, k), lambda);
        Blocks b = simulate(sampler, target, samples, streams, threads);
        int m = dim - k;
        double sPar = lambda * out.alphaBar() + out.sigma2(), sPerp = out.sigma2();
        SubspaceGaussianError exact = SubspaceGaussianError.of(dim, k, rPar, rPerp);
        List<Comparison> list = new ArrayList<>();
        list.add(mean("subspace variance per coordinate", b.r1, 1.0 / k, sPar * (1 + rPar)));
        if (m > 0) list.add(mean("complement variance per coordinate", b.r2, 1.0 / m, sPerp * (1 + rPerp)));
        double c = 0.5 * (k * Math.log1p(rPar) + (m == 0 ? 0 : m * Math.log1p(rPerp)));
        double uPar = rPar / (1 + rPar) / sPar, uPerp = rPerp / (1 + rPerp) / sPerp;
        double[] tv = new double[samples], kl = new double[samples];
        for (int i = 0; i < samples; i++) {
            double logPoverQ = c - 0.5 * (uPar * b.r1[i] + (m == 0 ? 0 : uPerp * b.r2[i])); // [derived, §4.2]
            tv[i] = logPoverQ >= 0 ? 0 : -Math.expm1(logPoverQ);
            kl[i] = Math.exp(logPoverQ) * logPoverQ;
        }
        list.add(mean("TV = E_q[(1 - p/q)+]", tv, 1, exact.tv()));
        list.add(mean("KL = E_q[(p/q) log(p/q)]", kl, 1, exact.kl()));
        return new Report(target.name(), sampler.name(), dim, k, samples, seed, list);
    }

    /** {@code product-subspace} with factor pi; the exact side propagates the 1-D density (default grid). */
    public static Report productSubspace(StepPlan plan, int dim, int k, Mixture1D factor, int samples, long seed, int threads) {
        return productSubspace(new AffineSampler(plan, false), plan.outputLevel(), PropagatedError1D.forMixture(plan, factor),
                GaussianCoordinateRecursion.run(plan, 0).r(), dim, k, factor, samples, seed, threads);
    }

    /**
     * {@code product-subspace} for any sampler (variance-preserving output compared at {@code out}) against its exact
     * propagated 1-D error and complement ratio rPerp.
     */
    public static Report productSubspace(Sampler sampler, NoiseLevel out, PropagatedError1D oneD, double rPerp, int dim, int k,
                                         Mixture1D factor, int samples, long seed, int threads) {
        checkArgs(dim, k, samples);
        RandomStreams streams = new RandomStreams(seed);
        ProductSubspaceTarget target = new ProductSubspaceTarget(subspace(streams, dim, k), factor);
        Blocks b = simulate(sampler, target, samples, streams, threads);
        int m = dim - k;
        GridDensity q1 = oneD.density();
        double sPerp = out.sigma2();
        List<Comparison> list = new ArrayList<>();
        int pooled = samples * k;
        double[] x1 = new double[pooled], x2 = new double[pooled], logQoverP = new double[pooled];
        for (int j = 0; j < pooled; j++) {
            double y = b.y[j], qy = q1.density(y);
            x1[j] = y;
            x2[j] = y * y;
            logQoverP[j] = Math.log(Math.max(qy, Double.MIN_NORMAL)) - factor.logDensity(out, y);
        }
        list.add(mean("subspace coordinate mean", x1, 1, q1.moment(1)));
        list.add(mean("subspace coordinate second moment", x2, 1, q1.moment(2)));
        list.add(mean("subspace reverse KL E_q1[log(q1/p1)]", logQoverP, 1, reverseKl(q1, factor, out)));
        list.add(binnedChiSquare(b.y, q1));
        if (m > 0) list.add(mean("complement variance per coordinate", b.r2, 1.0 / m, sPerp * (1 + rPerp)));
        double logDet = m == 0 ? 0 : 0.5 * m * Math.log1p(rPerp), uPerp = rPerp / (1 + rPerp) / sPerp;
        double[] tv = new double[samples];
        for (int i = 0; i < samples; i++) {
            double lp = m == 0 ? 0 : logDet - 0.5 * uPerp * b.r2[i];
            for (int r = 0; r < k; r++) lp -= logQoverP[i * k + r];
            tv[i] = lp >= 0 ? 0 : -Math.expm1(lp);
        }
        ProductTargetError exact = ProductTargetError.of(oneD, rPerp, factor, out, dim, k, 4 * samples, seed + 1);
        Comparison sim = mean("TV = E_q[(1 - p/q)+] vs exact-side Monte Carlo", tv, 1, exact.tv());
        double se = Math.hypot(sim.standardError(), exact.tvStandardError());
        list.add(Comparison.of(sim.quantity(), sim.simulated(), se, exact.tv()));
        return new Report(target.name(), sampler.name(), dim, k, samples, seed, list);
    }

    /** Per-sample block statistics of the sampler output. */
    private record Blocks(double[] r1, double[] r2, double[] y) {}

    private static Blocks simulate(Sampler sampler, SubspaceTarget target, int n, RandomStreams streams, int threads) {
        int dim = target.dim(), k = target.intrinsicDim();
        double[] out = new double[n * dim];
        sampler.sample(target.score(), streams.child("sampler"), 0, n, out, threads, null);
        Subspace u = target.subspace();
        double[] y = new double[k], negY = new double[k], perp = new double[dim], all = new double[n * k];
        double[] r1 = new double[n], r2 = new double[n];
        for (int i = 0; i < n; i++) {
            u.project(out, i * dim, y);
            double s1 = 0, s2 = 0;
            for (int r = 0; r < k; r++) { s1 += y[r] * y[r]; negY[r] = -y[r]; all[i * k + r] = y[r]; }
            u.axpyLift(1, out, i * dim, negY, perp, 0); // P_perp x = x - U (U^T x)
            for (int j = 0; j < dim; j++) s2 += perp[j] * perp[j];
            r1[i] = s1;
            r2[i] = s2;
        }
        return new Blocks(r1, r2, all);
    }

    private static Subspace subspace(RandomStreams streams, int dim, int k) {
        return Subspace.random(dim, k, streams.child("subspace").stream(0));
    }

    /** Mean of scale * values with its standard error, against the exact value. */
    private static Comparison mean(String quantity, double[] values, double scale, double exact) {
        int n = values.length;
        double s = 0, s2 = 0;
        for (double v : values) { s += v * scale; s2 += v * scale * v * scale; }
        double mu = s / n, var = Math.max(0, (s2 - n * mu * mu) / (n - 1));
        return Comparison.of(quantity, mu, Math.sqrt(var / n), exact);
    }

    /** ∫ q1 log(q1 / p1) by the trapezoidal rule on the grid, where q1 > 0. */
    private static double reverseKl(GridDensity q, Mixture1D factor, NoiseLevel out) {
        double s = 0;
        for (int j = 0; j < q.size(); j++) {
            double v = q.value(j);
            if (v > 0) s += v * (Math.log(v) - factor.logDensity(out, q.node(j)));
        }
        return s * q.spacing();
    }

    /**
     * Pearson chi-square of the pooled subspace coordinates in bins of width 0.25 on [-4, 4] (plus two tail bins;
     * bins with expected count below 5 are merged into the next), reported as chi^2 / dof against 1 with standard
     * error sqrt(2 / dof).
     */
    private static Comparison binnedChiSquare(double[] y, GridDensity q) {
        int bins = 34; // (-inf, -4), 32 bins of width 0.25, [4, inf)
        double[] observed = new double[bins], expected = new double[bins];
        for (double v : y) observed[v < -4 ? 0 : v >= 4 ? bins - 1 : 1 + (int) Math.floor((v + 4) / 0.25)]++;
        for (int b = 0; b < bins; b++) {
            double lo = b == 0 ? -1e3 : -4 + (b - 1) * 0.25, hi = b == bins - 1 ? 1e3 : -4 + b * 0.25;
            expected[b] = y.length * q.probability(lo, hi);
        }
        // group consecutive bins until the expected count reaches 5; a short last group joins the previous one
        List<double[]> groups = new ArrayList<>();
        double e = 0, o = 0;
        for (int b = 0; b < bins; b++) {
            e += expected[b];
            o += observed[b];
            if (e >= 5) { groups.add(new double[] {o, e}); e = 0; o = 0; }
        }
        if (e > 0 || o > 0) {
            if (groups.isEmpty()) groups.add(new double[] {o, e});
            else { double[] last = groups.get(groups.size() - 1); last[0] += o; last[1] += e; }
        }
        double chi2 = 0;
        for (double[] g : groups) chi2 += (g[0] - g[1]) * (g[0] - g[1]) / g[1];
        int dof = Math.max(1, groups.size() - 1);
        return Comparison.of("subspace binned chi2/dof (dof=" + dof + ")", chi2 / dof, Math.sqrt(2.0 / dof), 1);
    }

    private static void checkArgs(int dim, int k, int samples) {
        Subspace.checkDims(dim, k);
        if (samples < 2) throw new IllegalArgumentException("samples must be >= 2, got " + samples);
    }
}

package org.diffold.lab.experiment.potaptchik;

import org.diffold.lab.experiment.common.FactorCalculator;
import org.diffold.lab.experiment.common.FactorError;
import org.diffold.lab.experiment.common.ProductError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.diffold.core.grid.PotaptchikGrid;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.sampler.DdpmPosteriorScheme;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.target.Mixture1D;

/**
 * {@code diffold advise}: a {@code ddpm-posterior} grid for intrinsic dimension d, ambient dimension D and a KL
 * target eps. T and M come from the recipe of docs/math.md §2.3 (L = ceil((0.5 ln(D/eps^2) - 1)/kappa),
 * M = ceil(ln(1/delta)/ln(1 + kappa))); kappa is calibrated against the exact calculator: the largest kappa in
 * (0, 1/4) whose grid gives KL &lt;= eps on the product target pi^{⊗d} ⊗ delta_0^{⊗(D-d)} (docs/math.md §4.3),
 * found by halving then bisection in log kappa. The predicted KL is that exact value.
 */
public final class PotaptchikAdvisor {
    /** Default early-stopping time (ours). */
    public static final double DEFAULT_DELTA = 1e-3;
    /** Largest kappa tried (just inside Definition 9's open bound 1/4). */
    public static final double KAPPA_START = 0.24;
    /** Smallest kappa tried before giving up. */
    public static final double KAPPA_FLOOR = 1e-4;
    /** Bisection steps in log kappa after bracketing (kappa known to within a factor 2^(1/64)). */
    public static final int BISECTIONS = 6;
    private final FactorCalculator calc;
    private final Mixture1D factor;

    /** Calibrates against {@code calc} on the product target with the given factor pi. */
    public PotaptchikAdvisor(FactorCalculator calc, Mixture1D factor) {
        this.calc = calc;
        this.factor = factor;
    }

    /**
     * The advice.
     *
     * @param grid the recommended grid (K = L + M, kappa, T, delta)
     * @param predictedKl exact KL of the product target on that grid
     * @param klPi KL of one pi factor
     * @param klPoint KL of one point-mass coordinate
     * @param evaluations exact evaluations used by the search
     * @param warnings refinement or reachability warnings (never silent)
     */
    public record Advice(int d, int dim, double eps, PotaptchikGrid grid, double predictedKl, double klPi, double klPoint,
                         int evaluations, List<String> warnings) {
        /** JSON-ready map. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scheme", "ddpm-posterior");
            m.put("d", d);
            m.put("D", dim);
            m.put("eps", eps);
            m.put("K", grid.steps());
            m.put("kappa", grid.kappa());
            m.put("L", grid.uniformSteps());
            m.put("M", grid.geometricSteps());
            m.put("T", grid.horizon());
            m.put("delta", grid.delta());
            m.put("grid", grid.spec());
            m.put("predicted_kl", predictedKl);
            m.put("kl_pi", klPi);
            m.put("kl_point", klPoint);
            m.put("evaluations", evaluations);
            m.put("warnings", warnings);
            return m;
        }

        /** Human-readable lines. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "ddpm-posterior for d=%d, D=%d, KL <= %.3g", d, dim, eps));
            out.add(String.format(Locale.ROOT, "  K     %d  (L=%d uniform + M=%d geometric steps)", grid.steps(), grid.uniformSteps(), grid.geometricSteps()));
            out.add(String.format(Locale.ROOT, "  kappa %.6g", grid.kappa()));
            out.add(String.format(Locale.ROOT, "  T     %.6g", grid.horizon()));
            out.add(String.format(Locale.ROOT, "  delta %.6g", grid.delta()));
            out.add(String.format(Locale.ROOT, "  predicted KL %.4g = %d x %.4g (pi factor) + %d x %.3g (point mass)", predictedKl, d, klPi, dim - d, klPoint));
            out.add("  grid  " + grid.spec());
            for (String w : warnings) out.add("warning: " + w);
            return out;
        }
    }

    /**
     * Advice for 1 &lt;= d &lt;= D, eps &gt; 0, delta in (0, 1); {@code kappa} null to calibrate it, else kept as given.
     */
    public Advice advise(int d, int dim, double eps, double delta, Double kappa) {
        Subspace.checkDims(dim, d);
        if (!(eps > 0) || Double.isInfinite(eps)) throw new IllegalArgumentException("eps must be finite and > 0, got " + eps);
        PotaptchikGrid.checkDelta(delta);
        if (kappa != null) PotaptchikGrid.checkKappa(kappa);
        List<String> warnings = new ArrayList<>();
        Eval best;
        int evals = 0;
        if (kappa != null) {
            best = eval(d, dim, eps, delta, kappa);
            evals = 1;
            if (best.kl > eps) warnings.add(String.format(Locale.ROOT, "kappa=%s gives KL %.4g > eps=%.3g; omit --kappa to calibrate it", kappa, best.kl, eps));
        } else {
            Eval hi = eval(d, dim, eps, delta, KAPPA_START);
            evals++;
            if (hi.kl <= eps) {
                best = hi;
            } else {
                Eval lo = hi;
                while (lo.kl > eps) {
                    double next = lo.grid.kappa() / 2;
                    if (next < KAPPA_FLOOR) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT, "eps=%.3g is not reachable with kappa >= %.0e "
                                + "(KL %.4g at kappa=%.3g); allowed: a larger eps or a smaller d", eps, KAPPA_FLOOR, lo.kl, lo.grid.kappa()));
                    }
                    hi = lo;
                    lo = eval(d, dim, eps, delta, next);
                    evals++;
                }
                for (int i = 0; i < BISECTIONS; i++) {
                    Eval mid = eval(d, dim, eps, delta, Math.sqrt(lo.grid.kappa() * hi.grid.kappa()));
                    evals++;
                    if (mid.kl <= eps) lo = mid; else hi = mid;
                }
                best = lo;
                Eval rounded = eval(d, dim, eps, delta, roundDown(lo.grid.kappa()));
                evals++;
                if (rounded.kl <= eps) best = rounded;
            }
        }
        if (!best.pi.resolved()) {
            warnings.add(String.format(Locale.ROOT, "density grid too coarse for 1e-3 relative KL accuracy; last refinement to %d points "
                    + "changed KL_pi by %.2g relative", best.pi.gridPoints(), best.pi.relativeChange()));
        }
        return new Advice(d, dim, eps, best.grid, best.kl, best.pi.kl(), best.pm.kl(), evals, warnings);
    }

    /** kappa rounded down to 3 significant digits (a readable recommendation; re-checked against eps). */
    static double roundDown(double kappa) {
        double scale = Math.pow(10, 2 - Math.floor(Math.log10(kappa)));
        return Math.floor(kappa * scale) / scale;
    }

    private record Eval(PotaptchikGrid grid, FactorError pi, FactorError pm, double kl) {}

    private Eval eval(int d, int dim, double eps, double delta, double kappa) {
        PotaptchikGrid g = PotaptchikGrid.recipe(dim, eps, delta, kappa);
        StepPlan plan = new DdpmPosteriorScheme().plan(g.grid());
        FactorError pi = calc.factor(plan, factor, null);
        FactorError pm = calc.factor(plan, Mixture1D.pointMass(), null);
        return new Eval(g, pi, pm, ProductError.of(pi, pm, d, dim).kl());
    }
}

package org.diffold.lab.experiment.liyan;

import org.diffold.lab.experiment.common.ExactErrors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.core.error.gaussian.GaussianCoordinateRecursion;
import org.diffold.core.error.product.ProductTargetError;
import org.diffold.core.error.product.ProductTvMonteCarlo;
import org.diffold.core.error.propagation.PropagatedError1D;
import org.diffold.core.error.SimulationCheck;
import org.diffold.core.sampler.CoefficientDesign;
import org.diffold.core.sampler.Designs;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.NoiseSchedule;
import org.diffold.core.schedule.Schedules;
import org.diffold.core.target.GaussianSubspaceTarget;
import org.diffold.core.target.Mixture1D;
import org.diffold.lab.store.SweepCell;

/**
 * The cells of {@code reproduce li-yan} and how each is computed: exact KL, TV and Hellinger of DDPM with the exact
 * score (docs/math.md §4.1–§4.3) for every (target, design, T, D), and simulated confirmations that run the actual
 * sampler (docs/math.md §3.1) and compare with the exact calculator.
 */
public final class LiYanExperiment {
    /** Run-store experiment name. */
    public static final String NAME = "li-yan";
    private final LiYanConfig config;
    private final long seed;
    private final int threads;
    /** Per (design, T): the D-independent 1-D propagation and Monte Carlo of the product target, reused across D. */
    private final Map<String, PropagatedError1D> propagated = new LinkedHashMap<>();
    private final Map<String, ProductTvMonteCarlo> monteCarlo = new LinkedHashMap<>();

    /** The experiment with its settings, master seed and worker threads for the simulations. */
    public LiYanExperiment(LiYanConfig config, long seed, int threads) {
        this.config = config;
        this.seed = seed;
        this.threads = threads;
    }

    /** The settings. */
    public LiYanConfig config() { return config; }

    /** Exact cells first (target, design, T, D), then the simulated ones. */
    public List<SweepCell> cells() {
        List<SweepCell> cells = new ArrayList<>();
        for (String target : LiYanConfig.TARGETS) {
            for (String design : config.designs()) {
                for (int t : config.steps()) {
                    for (int d : config.dims()) cells.add(cell("exact", target, design, t, d));
                }
            }
        }
        for (String target : LiYanConfig.TARGETS) {
            for (String design : config.designs()) {
                for (int t : config.simSteps()) {
                    for (int d : config.simDims()) cells.add(cell("simulated", target, design, t, d));
                }
            }
        }
        return cells;
    }

    private SweepCell cell(String kind, String target, String design, int steps, int dim) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", kind);
        s.put("target", target);
        s.put("design", design);
        s.put("schedule", config.schedule());
        s.put("T", steps);
        s.put("D", dim);
        s.put("k", config.k());
        if (kind.equals("simulated")) {
            s.put("n", config.simSamples());
            s.put("seed", seed);
        }
        String key = kind + "/" + target + "/" + design + "/" + config.schedule() + "/T=" + steps + "/D=" + dim
                + "/k=" + config.k() + (kind.equals("simulated") ? "/n=" + config.simSamples() + "/seed=" + seed : "");
        return SweepCell.of(key, s);
    }

    /** Computes one cell's results. */
    public Map<String, Object> compute(SweepCell cell) {
        Map<String, Object> s = cell.settings();
        String target = (String) s.get("target");
        String design = (String) s.get("design");
        int steps = ((Number) s.get("T")).intValue();
        int dim = ((Number) s.get("D")).intValue();
        NoiseSchedule schedule = Schedules.parse(config.schedule(), steps);
        CoefficientDesign coefficients = Designs.parse(design);
        StepPlan plan = coefficients.plan(schedule);
        if ("simulated".equals(s.get("kind"))) {
            return simulated(target, plan, dim);
        }
        if (target.equals("gaussian-subspace")) {
            return ExactErrors.gaussian(coefficients, schedule, dim, config.k(), GaussianSubspaceTarget.DEFAULT_LAMBDA);
        }
        Mixture1D factor = Mixture1D.defaultFactor();
        String key = design + "/T=" + steps;
        PropagatedError1D oneD = propagated.computeIfAbsent(key, x -> PropagatedError1D.forMixture(plan, factor));
        ProductTvMonteCarlo mc = monteCarlo.computeIfAbsent(key, x -> new ProductTvMonteCarlo(oneD.density(), factor,
                plan.outputLevel(), config.k(), ExactErrors.TV_SAMPLES, seed));
        double r1Perp = GaussianCoordinateRecursion.complement(coefficients, schedule).r();
        return ExactErrors.product(ProductTargetError.of(oneD, r1Perp, dim, config.k(), mc));
    }

    private Map<String, Object> simulated(String target, StepPlan plan, int dim) {
        int n = config.simSamples();
        SimulationCheck.Report rep = target.equals("gaussian-subspace")
                ? SimulationCheck.gaussianSubspace(plan, dim, config.k(), GaussianSubspaceTarget.DEFAULT_LAMBDA, n, seed, threads)
                : SimulationCheck.productSubspace(plan, dim, config.k(), Mixture1D.defaultFactor(), n, seed, threads);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SimulationCheck.Comparison c : rep.comparisons()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("quantity", c.quantity());
            m.put("simulated", c.simulated());
            m.put("se", c.standardError());
            m.put("exact", c.exact());
            m.put("z", c.z());
            rows.add(m);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("comparisons", rows);
        r.put("max_abs_z", rep.maxAbsZ());
        return r;
    }
}

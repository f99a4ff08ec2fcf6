package org.diffold.lab.experiment.adaptivity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.diffold.core.error.gaussian.GaussianDivergence;
import org.diffold.core.error.product.ProductTargetError;
import org.diffold.core.error.propagation.PropagatedError1D;
import org.diffold.core.error.gaussian.SubspaceGaussianError;
import org.diffold.core.error.solver.SolverGaussianError;
import org.diffold.core.error.solver.SolverProductError;
import org.diffold.core.grid.TimeGrid;
import org.diffold.core.grid.TimeGrids;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.AffineScheme;
import org.diffold.core.sampler.ContinuousScheme;
import org.diffold.core.sampler.Schemes;
import org.diffold.core.sigma.SigmaGrids;
import org.diffold.core.solver.Solver;
import org.diffold.core.solver.SolverProgram;
import org.diffold.core.solver.Solvers;
import org.diffold.core.target.GaussianSubspaceTarget;
import org.diffold.lab.experiment.common.LogLogFit;
import org.diffold.lab.experiment.adaptivity.AdaptivityResult.Cell;
import org.diffold.lab.experiment.adaptivity.AdaptivityResult.Fit;

/**
 * {@code reproduce sampler-adaptivity}: every sampler x S x D on the Gaussian subspace target (exact KL and TV) and,
 * for single-step samplers and the schemes, on the product target (KL by density propagation, docs/math.md §4.3);
 * the slope of KL in D per (sampler, S) says which samplers adapt to the unknown subspace and which pay per ambient
 * dimension. Deterministic: the only randomness is the Monte Carlo TV (seeded) and the speed baseline's samples.
 */
public final class AdaptivityExperiment {
    /** Run-store name. */
    public static final String NAME = "sampler-adaptivity";
    private final AdaptivityConfig config;

    /** The experiment for the configuration. */
    public AdaptivityExperiment(AdaptivityConfig config) { this.config = config; }

    /** Number of (target, sampler, S) groups, for progress. */
    public int estimatedGroups() {
        int all = config.samplers().size() + config.schemes().size();
        return all * config.steps().size() + all * config.productSteps().size();
    }

    /** Runs everything; {@code progress} receives 1 per finished group. */
    public AdaptivityResult run(long seed, int threads, IntConsumer progress) {
        long t0 = System.nanoTime();
        List<Cell> cells = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int k = config.k();
        for (String spec : all()) {
            boolean scheme = config.schemes().contains(spec);
            for (int s : config.steps()) {
                for (int d : config.dims()) cells.add(gaussianCell(spec, scheme, s, d));
                if (progress != null) progress.accept(1);
            }
            for (int s : config.productSteps()) {
                if (!scheme && !program(spec, s).historyFree()) { if (progress != null) progress.accept(1); continue; }
                try {
                    cells.addAll(productCells(spec, scheme, s, seed, warnings));
                } catch (IllegalStateException e) { // the propagation cannot resolve the KL: say so, never hide it
                    warnings.add("product-subspace " + spec + " S=" + s + ": no exact KL (" + e.getMessage() + ")");
                }
                if (progress != null) progress.accept(1);
            }
        }
        List<AdaptivityResult.FinalZero> zero = new ArrayList<>();
        for (String spec : config.samplers()) {
            SolverProgram p = Solvers.parse(spec).program(SigmaGrids.parse(AdaptivityConfig.sigmas(20).replace(",final=none", ""), 20));
            SolverGaussianError e = SolverGaussianError.compute(p, 1000, k, config.lambda());
            zero.add(new AdaptivityResult.FinalZero(spec, e.kl(), e.residualPerpStd()));
        }
        AdaptivityResult.Speed speed = speed(seed, threads);
        return new AdaptivityResult(cells, fits(cells, k), zero, speed, (System.nanoTime() - t0) * 1e-9, warnings);
    }

    private List<String> all() {
        List<String> out = new ArrayList<>(config.samplers());
        out.addAll(config.schemes());
        return out;
    }

    static SolverProgram program(String spec, int steps) {
        return Solvers.parse(spec).program(SigmaGrids.parse(AdaptivityConfig.sigmas(steps), steps + 1));
    }

    private Cell gaussianCell(String spec, boolean scheme, int s, int d) {
        int k = config.k();
        if (!scheme) {
            SolverGaussianError e = SolverGaussianError.compute(program(spec, s), d, k, config.lambda());
            return new Cell("gaussian-subspace", spec, false, s, d, e.kl(), e.klParallel(), e.klPerp(), e.tv());
        }
        TimeGrid g = TimeGrids.parse(AdaptivityConfig.grid(s));
        ContinuousScheme cs = Schemes.parse(spec);
        SubspaceGaussianError e = cs instanceof AffineScheme a ? SubspaceGaussianError.compute(a.plan(g), d, k, config.lambda())
                : SubspaceGaussianError.of(d, k, SamplerErrors.heunR(g, config.lambda()), SamplerErrors.heunR(g, 0));
        return new Cell("gaussian-subspace", spec, true, s, d, e.kl(), e.klParallel(), e.klPerp(), e.tv());
    }

    private List<Cell> productCells(String spec, boolean scheme, int s, long seed, List<String> warnings) {
        List<Cell> out = new ArrayList<>();
        int k = config.k();
        if (scheme && Schemes.parse(spec) instanceof AffineScheme a) {
            var plan = a.plan(TimeGrids.parse(AdaptivityConfig.grid(s)));
            PropagatedError1D oneD = PropagatedError1D.forMixture(plan, config.factor());
            double rPerp = org.diffold.core.error.gaussian.GaussianCoordinateRecursion.run(plan, 0).r();
            note(oneD, spec, s, warnings);
            for (int d : config.dims()) {
                ProductTargetError e = ProductTargetError.of(oneD, rPerp, config.factor(), plan.outputLevel(), d, k, config.tvSamples(), seed);
                out.add(new Cell("product-subspace", spec, true, s, d, e.kl(), e.klParallel(), e.klPerp(), e.tv()));
            }
        } else if (scheme) {
            var calc = new org.diffold.lab.experiment.common.ExactFactorCalculator();
            TimeGrid g = TimeGrids.parse(AdaptivityConfig.grid(s));
            var f = calc.heun(g, config.factor());
            double klPoint = GaussianDivergence.kl(SamplerErrors.heunR(g, 0));
            for (int d : config.dims()) {
                out.add(new Cell("product-subspace", spec, true, s, d, k * f.kl() + (d - k) * klPoint, k * f.kl(), (d - k) * klPoint, Double.NaN));
            }
        } else {
            SolverProgram p = program(spec, s);
            PropagatedError1D oneD = SolverProductError.oneDimensional(p, config.factor());
            double rPerp = SolverProductError.rPerp(p);
            note(oneD, spec, s, warnings);
            for (int d : config.dims()) {
                ProductTargetError e = ProductTargetError.of(oneD, rPerp, config.factor(), SolverProductError.outputLevel(p), d, k,
                        config.tvSamples(), seed);
                out.add(new Cell("product-subspace", spec, false, s, d, e.kl(), e.klParallel(), e.klPerp(), e.tv()));
            }
        }
        return out;
    }

    private static void note(PropagatedError1D oneD, String spec, int s, List<String> warnings) {
        if (!oneD.refinement().converged()) warnings.add(spec + " S=" + s + ": " + oneD.refinement().warning());
    }

    /** Slope of log KL in log D per (target, sampler, S); KL of exactly 0 at some D counts as flat. */
    static List<Fit> fits(List<Cell> cells, int k) {
        List<Fit> out = new ArrayList<>();
        List<Cell> group = new ArrayList<>();
        for (int i = 0; i <= cells.size(); i++) {
            Cell c = i < cells.size() ? cells.get(i) : null;
            if (!group.isEmpty() && (c == null || !c.target().equals(group.get(0).target()) || !c.sampler().equals(group.get(0).sampler())
                    || c.steps() != group.get(0).steps())) {
                out.add(fit(group, k));
                group.clear();
            }
            if (c != null) group.add(c);
        }
        return out;
    }

    private static Fit fit(List<Cell> g, int k) {
        double[] x = new double[g.size()], y = new double[g.size()];
        boolean positive = true;
        for (int i = 0; i < g.size(); i++) {
            x[i] = g.get(i).dim();
            y[i] = g.get(i).kl();
            positive &= y[i] > 0 && Double.isFinite(y[i]);
        }
        Cell first = g.get(0), last = g.get(g.size() - 1);
        double slope = positive ? LogLogFit.of(x, y).slope() : Double.NaN;
        double ratio = last.kl() / first.kl();
        double perCoord = last.dim() > k ? last.klPerp() / (last.dim() - k) : 0;
        return new Fit(first.target(), first.sampler(), first.scheme(), first.steps(), slope, ratio, perCoord <= AdaptivityConfig.ADAPT_PER_COORDINATE,
                last.kl(), last.complementShare(), perCoord);
    }

    /** Exact error of dpmpp-2m at the largest S and D versus simulating it, both in this run. */
    private AdaptivityResult.Speed speed(long seed, int threads) {
        int s = config.steps().get(config.steps().size() - 1), d = config.dims().get(config.dims().size() - 1), k = config.k();
        String spec = "dpmpp-2m";
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 30; rep++) {
            long t = System.nanoTime();
            Solver solver = Solvers.parse(spec);
            SolverGaussianError.compute(solver.program(SigmaGrids.parse(AdaptivityConfig.sigmas(s), s + 1)), d, k, config.lambda());
            best = Math.min(best, (System.nanoTime() - t) * 1e-6);
        }
        RandomStreams streams = new RandomStreams(seed);
        var target = new GaussianSubspaceTarget(Subspace.random(d, k, streams.child("subspace").stream(0)), config.lambda());
        int n = config.benchSamples();
        double[] out = new double[n * d];
        long t = System.nanoTime();
        new org.diffold.core.solver.SolverSampler(program(spec, s), false).sample(target.score(), streams.child("sampler"), 0, n, out, threads, null);
        double sim = (System.nanoTime() - t) * 1e-6;
        return new AdaptivityResult.Speed(spec, s, d, best, n, sim);
    }
}

package org.diffold.lab.experiment.potaptchik;

import org.diffold.lab.experiment.common.FactorCalculator;
import org.diffold.lab.experiment.common.FactorError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.diffold.core.grid.PotaptchikGrid;
import org.diffold.core.grid.TimeGrid;
import org.diffold.core.grid.TimeGrids;
import org.diffold.core.sampler.ContinuousScheme;
import org.diffold.core.sampler.Schemes;
import org.diffold.core.score.CoordinateField;
import org.diffold.core.score.RandomFourierField;
import org.diffold.core.score.ScoreError;
import org.diffold.core.score.SeparableScoreError;
import org.diffold.core.score.SineField;
import org.diffold.core.target.Mixture1D;
import org.diffold.lab.experiment.potaptchik.PotaptchikResult.LatticePoint;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import org.diffold.lab.store.Sweep;
import org.diffold.lab.store.SweepCell;
import org.diffold.lab.store.SweepListener;

/**
 * Reproduces Potaptchik, Azangulov &amp; Deligiannidis (2410.09046): on product targets pi^{⊗d} ⊗ delta_0^{⊗(D-d)}
 * the {@code ddpm-posterior} step (their Eq. 4) on the Definition 9 grid needs a number of steps that grows with d
 * and not with D, while the {@code exponential-integrator} (Benton et al. 2308.03686) pays in D.
 *
 * <p>Every product error tensorises (docs/math.md §4.3): KL = d KL_pi + (D - d) KL_point, so each (scheme, grid,
 * score) cell is one 1-D factor run for pi plus one for the point mass, whatever d and D. Cells go through the
 * resumable {@link Sweep}; the kappa lattice is extended per scheme until every eps is met for the largest (d, D).
 */
public final class PotaptchikExperiment {
    /** Experiment name in the run store. */
    public static final String NAME = "potaptchik";
    /** The two schemes the claim compares. */
    public static final List<String> MAIN_SCHEMES = List.of("ddpm-posterior", "exponential-integrator");
    /** Schemes shown next to them at a few kappas. */
    public static final List<String> EXTRA_SCHEMES = List.of("euler-maruyama", "pf-ode-heun");
    private static final String NONE = "none";
    private static final int BATCH = 4;
    private final PotaptchikConfig config;
    private final FactorCalculator calc;
    private final Map<String, CoordinateField> fields = new LinkedHashMap<>();
    private final Map<String, Double> amplitudes = new LinkedHashMap<>();
    private int cellsDone;

    /** The experiment with its settings and the exact factor calculator. */
    public PotaptchikExperiment(PotaptchikConfig config, FactorCalculator calc) {
        this.config = config;
        this.calc = calc;
        for (double a : config.amplitudes()) {
            if (a == 0) continue;
            for (CoordinateField f : new CoordinateField[] {new SineField(a), new RandomFourierField(a, config.fieldSeed())}) {
                fields.put(f.description(), f);
                amplitudes.put(f.description(), a);
            }
        }
    }

    /** A factor run: a scheme on a grid spec with an optional perturbation field. */
    record RunCell(String scheme, String grid, String field, String factor, String calc) implements SweepCell {
        @Override
        public String key() { return "scheme=" + scheme + ";grid=" + grid + ";field=" + field + ";factor=" + factor + ";calc=" + calc; }

        @Override
        public Map<String, Object> settings() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scheme", scheme);
            m.put("grid", grid);
            m.put("field", field);
            m.put("factor", factor);
            m.put("calculator", calc);
            return m;
        }
    }

    /** Runs (or resumes) the reproduction. */
    public PotaptchikResult run(RunStore store, Provenance provenance, SweepListener listener) {
        long start = System.nanoTime();
        Sweep<RunCell> sweep = new Sweep<>(store, NAME, provenance);
        List<String> warnings = new ArrayList<>();
        List<LatticePoint> lattice = new ArrayList<>();
        for (String scheme : MAIN_SCHEMES) lattice.addAll(lattice(sweep, scheme, listener, warnings));
        List<PotaptchikResult.Needed> needed = PotaptchikAnalysis.stepsNeeded(config, lattice);
        List<PotaptchikResult.Fit> fits = new ArrayList<>(PotaptchikAnalysis.fits(config, lattice, needed));

        List<RunCell> deltaCells = new ArrayList<>();
        for (String scheme : MAIN_SCHEMES) {
            for (double dl : config.sensitivityDeltas()) {
                deltaCells.add(cell(scheme, PotaptchikGrid.forHorizon(config.sensitivityKappa(), config.horizon(), dl).spec(), NONE));
            }
        }
        List<LatticePoint> deltaSweep = points(sweep, deltaCells, listener, warnings);

        List<RunCell> extraCells = new ArrayList<>();
        int jStep = (int) Math.round(Math.log(0.5) / Math.log(config.kappaRatio()));
        for (int i = 0; i < 3; i++) {
            String grid = PotaptchikGrid.forHorizon(kappa(i * jStep), config.horizon(), config.delta()).spec();
            for (String scheme : EXTRA_SCHEMES) extraCells.add(cell(scheme, grid, NONE));
            for (String scheme : MAIN_SCHEMES) extraCells.add(cell(scheme, grid, NONE));
        }
        List<LatticePoint> extras = points(sweep, extraCells, listener, warnings);

        List<PotaptchikResult.Perturbed> perturbed = perturbed(sweep, listener, warnings);
        fits.addAll(PotaptchikAnalysis.perturbationFits(perturbed));
        double point = 0, secs = 0;
        for (List<LatticePoint> l : List.of(lattice, deltaSweep, extras)) {
            for (LatticePoint p : l) {
                point += p.pi().pointSteps() + p.pointMass().pointSteps();
                secs += p.seconds();
            }
        }
        return new PotaptchikResult(lattice, needed, fits, deltaSweep, perturbed, extras, warnings,
                (System.nanoTime() - start) * 1e-9, secs > 0 ? point / secs : Double.NaN);
    }

    /** Upper estimate of the number of cells, for progress bars (the lattice length is adaptive). */
    public int estimatedCells() {
        int lattice = chartEnd() + (int) Math.ceil(Math.log(config.kappaMin() / kappa(chartEnd())) / Math.log(config.kappaTailRatio())) + 1;
        return MAIN_SCHEMES.size() * (lattice + config.sensitivityDeltas().size()) + 12 + 1 + fields.size();
    }

    /** Index of the last lattice kappa at or above {@code kappaChartMin}'s side: kappa_j <= kappaChartMin from here on. */
    int chartEnd() {
        return Math.max(0, (int) Math.ceil(Math.log(config.kappaChartMin() / config.kappaMax()) / Math.log(config.kappaRatio()) - 1e-9));
    }

    /** kappa_j = kappaMax ratio^j up to the chart end, then times kappaTailRatio per step. */
    double kappa(int j) {
        int c = chartEnd();
        if (j <= c) return config.kappaMax() * Math.pow(config.kappaRatio(), j);
        return config.kappaMax() * Math.pow(config.kappaRatio(), c) * Math.pow(config.kappaTailRatio(), j - c);
    }

    private List<LatticePoint> lattice(Sweep<RunCell> sweep, String scheme, SweepListener listener, List<String> warnings) {
        List<LatticePoint> out = new ArrayList<>();
        double minEps = config.eps().stream().mapToDouble(Double::doubleValue).min().orElse(1);
        int dMax = config.intrinsicDims().stream().mapToInt(Integer::intValue).max().orElse(1);
        int fMax = config.ambientFactors().stream().mapToInt(Integer::intValue).max().orElse(1);
        for (int j = 0; ; ) {
            List<RunCell> batch = new ArrayList<>();
            int size = j < chartEnd() ? BATCH : 1;
            for (int b = 0; b < size && kappa(j + b) >= config.kappaMin(); b++) {
                batch.add(cell(scheme, PotaptchikGrid.forHorizon(kappa(j + b), config.horizon(), config.delta()).spec(), NONE));
            }
            if (batch.isEmpty()) break;
            out.addAll(points(sweep, batch, listener, warnings));
            j += batch.size();
            LatticePoint last = out.get(out.size() - 1);
            if (last.kappa() <= config.kappaChartMin() && last.product(dMax, dMax * fMax).kl() <= minEps) break;
        }
        LatticePoint last = out.get(out.size() - 1);
        if (last.product(dMax, dMax * fMax).kl() > minEps) {
            warnings.add(String.format(Locale.ROOT, "%s: KL <= %.3g not reached for d=%d, D=%d down to kappa=%.3g (K=%d); "
                    + "those steps-needed entries are lower bounds", scheme, minEps, dMax, dMax * fMax, last.kappa(), last.steps()));
        }
        return out;
    }

    private List<PotaptchikResult.Perturbed> perturbed(Sweep<RunCell> sweep, SweepListener listener, List<String> warnings) {
        String grid = PotaptchikGrid.forHorizon(config.perturbKappa(), config.horizon(), config.perturbDelta()).spec();
        TimeGrid g = TimeGrids.parse(grid);
        List<RunCell> cells = new ArrayList<>();
        cells.add(cell("ddpm-posterior", grid, NONE));
        for (String f : fields.keySet()) cells.add(cell("ddpm-posterior", grid, f));
        List<LatticePoint> pts = points(sweep, cells, listener, warnings);
        List<PotaptchikResult.Perturbed> out = new ArrayList<>();
        SeparableScoreError meter = new SeparableScoreError();
        int d = config.perturbD(), dim = config.perturbDim();
        for (int i = 0; i < cells.size(); i++) {
            CoordinateField f = fields.get(cells.get(i).field());
            double ly = 0, sw = 0, amp = 0;
            if (f != null) {
                ScoreError e = meter.onGrid(f, config.factor(), d, dim, g);
                ly = e.liYan();
                sw = e.stepWeighted();
                amp = amplitudes.get(cells.get(i).field());
            }
            out.add(new PotaptchikResult.Perturbed(cells.get(i).field(), amp, ly, sw, pts.get(i), pts.get(i).product(d, dim)));
        }
        return out;
    }

    private RunCell cell(String scheme, String grid, String field) {
        return new RunCell(scheme, grid, field, config.factor().toString(), calc.settings());
    }

    private List<LatticePoint> points(Sweep<RunCell> sweep, List<RunCell> cells, SweepListener listener, List<String> warnings) {
        int before = cellsDone, estimate = estimatedCells();
        List<Map<String, Object>> results = sweep.run(cells, this::compute, (done, total, key) -> {
            cellsDone = before + done;
            listener.onCell(cellsDone, Math.max(estimate, cellsDone), key);
        });
        List<LatticePoint> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            RunCell c = cells.get(i);
            Map<String, Object> r = results.get(i);
            TimeGrid g = TimeGrids.parse(c.grid());
            LatticePoint p = new LatticePoint(c.scheme(), kappaOf(c.grid()), g.steps(), g.horizon(), g.delta(),
                    FactorError.fromMap(r, "pi_"), FactorError.fromMap(r, "pm_"), ((Number) r.get("seconds")).doubleValue());
            for (FactorError e : new FactorError[] {p.pi(), p.pointMass()}) {
                if (!e.resolved()) {
                    String w = String.format(Locale.ROOT, "%s on %s (field %s): density grid too coarse for 1e-3 relative KL accuracy; "
                            + "last refinement to %d points changed KL by %.2g relative (KL %.4g)", c.scheme(), c.grid(), c.field(),
                            e.gridPoints(), e.relativeChange(), e.kl());
                    if (!warnings.contains(w)) warnings.add(w);
                }
            }
            out.add(p);
        }
        return out;
    }

    private static double kappaOf(String grid) {
        int i = grid.indexOf("kappa=");
        return Double.parseDouble(grid.substring(i + 6, grid.indexOf(',', i)));
    }

    private Map<String, Object> compute(RunCell c) {
        long t0 = System.nanoTime();
        TimeGrid grid = TimeGrids.parse(c.grid());
        ContinuousScheme scheme = Schemes.parse(c.scheme());
        CoordinateField h = fields.get(c.field());
        if (!NONE.equals(c.field()) && h == null) throw new IllegalStateException("unknown perturbation field " + c.field());
        FactorError pi, pm;
        if (EXTRA_SCHEMES.get(1).equals(scheme.name())) {
            pi = calc.heun(grid, config.factor());
            pm = calc.heun(grid, Mixture1D.pointMass());
        } else {
            var plan = Schemes.parseAffine(c.scheme()).plan(grid);
            pi = calc.factor(plan, config.factor(), h);
            pm = calc.factor(plan, Mixture1D.pointMass(), h);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("K", grid.steps());
        r.put("T", grid.horizon());
        r.put("delta", grid.delta());
        r.putAll(pi.toMap("pi_"));
        r.putAll(pm.toMap("pm_"));
        r.put("seconds", (System.nanoTime() - t0) * 1e-9);
        return r;
    }
}

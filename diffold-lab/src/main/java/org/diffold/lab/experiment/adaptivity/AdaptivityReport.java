package org.diffold.lab.experiment.adaptivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.diffold.lab.experiment.adaptivity.AdaptivityResult.Cell;
import org.diffold.lab.experiment.adaptivity.AdaptivityResult.Fit;
import org.diffold.lab.report.LineChartSpec;
import org.diffold.lab.report.Report;
import org.diffold.lab.store.Provenance;

/** Renders an {@link AdaptivityResult}: HTML report (findings first, then plots, then tables), text summary, JSON map. */
public final class AdaptivityReport {
    /** S of the ranked table and the KL-versus-D plots. */
    static final int RANK_STEPS = 20;
    /** S of the product target's ranked table (at S &lt;= 20 some samplers' tails are too light for the 1-D propagation). */
    static final int PRODUCT_RANK_STEPS = 50;
    private final AdaptivityConfig config;
    private final AdaptivityResult result;

    /** The report of one run. */
    public AdaptivityReport(AdaptivityConfig config, AdaptivityResult result) {
        this.config = config;
        this.result = result;
    }

    private static String g(double v) { return String.format(Locale.ROOT, "%.4g", v); }

    /** Ranked fits at S = 20: adapting samplers first by KL, then the others by their slope in D. */
    List<Fit> ranked(String target) {
        int steps = target.equals("product-subspace") ? PRODUCT_RANK_STEPS : RANK_STEPS;
        List<Fit> out = new ArrayList<>();
        for (Fit f : result.fits()) if (f.target().equals(target) && f.steps() == steps) out.add(f);
        out.sort(Comparator.comparing((Fit f) -> !f.adapts())
                .thenComparingDouble(f -> f.adapts() ? f.klMax() : Double.isNaN(f.slope()) ? Double.MAX_VALUE : f.slope()));
        return out;
    }

    /** The findings, with the measured numbers. */
    String findings() {
        List<Fit> r = ranked("gaussian-subspace");
        List<Fit> adapt = r.stream().filter(Fit::adapts).toList(), pay = r.stream().filter(f -> !f.adapts()).toList();
        double worstPerp = adapt.stream().mapToDouble(Fit::klPerpPerCoordinate).max().orElse(0);
        double maxSlope = adapt.stream().mapToDouble(f -> Double.isNaN(f.slope()) ? 0 : Math.abs(f.slope())).max().orElse(0);
        Fit best = adapt.stream().filter(f -> !f.scheme()).min(Comparator.comparingDouble(Fit::klMax)).orElse(null);
        Fit worst = adapt.stream().filter(f -> !f.scheme()).max(Comparator.comparingDouble(Fit::klMax)).orElse(null);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "On the Gaussian subspace target (k = %d, lambda = %s) at S = %d steps, %d of %d samplers and schemes "
                        + "adapt: their exact KL is the same at D = 10, 100 and 1000 (|slope in D| <= %.2g, KL per complement coordinate <= %.2g), "
                        + "because in the variance-exploding view a complement coordinate has law N(0, sigma^2), the exact denoiser returns 0 "
                        + "there and every consistent step maps sigma z to sigma' z exactly. ",
                config.k(), g(config.lambda()), RANK_STEPS, adapt.size(), r.size(), maxSlope, worstPerp));
        if (best != null && worst != null) {
            b.append(String.format(Locale.ROOT, "Their KL is then the in-subspace error alone, from %s (%s) to %s (%s). ",
                    g(best.klMax()), best.sampler(), g(worst.klMax()), worst.sampler()));
        }
        b.append("Those that pay per ambient dimension: ");
        List<String> parts = new ArrayList<>();
        for (Fit f : pay) {
            parts.add(String.format(Locale.ROOT, "%s (KL x%.5g from D = 10 to 1000, slope %.3g, %.3g per complement coordinate, complement share %.3g%%)",
                    f.sampler(), f.ratio(), f.slope(), f.klPerpPerCoordinate(), 100 * f.share()));
        }
        b.append(parts.isEmpty() ? "none" : String.join("; ", parts)).append(". ");
        long zeroNoisy = result.finalZero().stream().filter(z -> !Double.isFinite(z.kl())).count();
        b.append(zeroNoisy == 0
                ? String.format(Locale.ROOT, "Run to sigma = 0 (k-diffusion's appended zero), all %d samplers put the complement exactly at 0. ",
                        result.finalZero().size())
                : String.format(Locale.ROOT, "Run to sigma = 0 (k-diffusion's appended zero), %d of %d samplers leave noise in the complement "
                        + "(infinite KL against the data); the others put it exactly at 0. ", zeroNoisy, result.finalZero().size()));
        AdaptivityResult.Speed s = result.speed();
        b.append(String.format(Locale.ROOT, "The exact error of %s at S = %d, D = %d takes %.3g ms, %.0fx less than simulating %d samples "
                + "(%.3g ms) in the same run on a shared machine.", s.sampler(), s.steps(), s.dim(), s.exactMillis(), s.ratio(), s.samples(), s.simulationMillis()));
        return b.toString();
    }

    /** The HTML report. */
    public Report build(Provenance provenance) {
        Report.Builder b = Report.builder("Which practitioners' samplers adapt to low-dimensional structure: exact errors"
                + (config.quick() ? " (quick)" : "")).provenance(provenance);
        b.heading("Findings");
        b.paragraph(findings());
        b.paragraph("Plots and tables: gaussian-subspace target; the product target's ranking follows the plots.");
        b.paragraph("Method: each sampler is compiled to a straight-line program of denoiser calls and linear combinations with Gaussian "
                + "noise; with the exact (linear) denoiser of a Gaussian coordinate, D(x, sigma) = lambda x / (lambda + sigma^2), the "
                + "program is a linear-Gaussian recursion on its registers, so the output law is exactly Gaussian and KL, TV and Hellinger "
                + "follow (docs/math.md §4.1, §4.2). Product target pi^k x delta_0^(D-k): single-step samplers by 1-D density propagation "
                + "(docs/math.md §4.3). Samplers: Karras sigmas rho = 7 in [0.002, 80], no final zero, compared with the forward law at "
                + "sigma_min [ours]; schemes: Benton's grid with the same noise range. 'Adapts' means a KL per complement coordinate <= "
                + AdaptivityConfig.ADAPT_PER_COORDINATE + ", i.e. the complement is exact to rounding and KL is the same for every D [ours].");
        charts(b);
        rankedTable(b, "gaussian-subspace", "ranked_gaussian");
        if (result.cells().stream().anyMatch(c -> c.target().equals("product-subspace"))) rankedTable(b, "product-subspace", "ranked_product");
        b.heading("Run to sigma = 0");
        List<List<String>> z = new ArrayList<>();
        for (AdaptivityResult.FinalZero f : result.finalZero()) z.add(List.of(f.sampler(), g(f.kl()), g(f.residualStd())));
        b.paragraph("The same samplers on Karras sigmas with the appended 0 (S = 20, D = 1000), against the data law itself.");
        b.table("final_zero", List.of("sampler", "KL vs data", "complement residual std"), z);
        b.heading("Speed");
        AdaptivityResult.Speed s = result.speed();
        b.paragraph(String.format(Locale.ROOT, "Exact error of %s, S = %d, D = %d: %.3g ms (best of 30); simulating %d samples of the same "
                + "sampler with the exact score: %.3g ms; ratio %.0f. Machine shared with other jobs; the ratio is what counts. Run wall time %.1f s.",
                s.sampler(), s.steps(), s.dim(), s.exactMillis(), s.samples(), s.simulationMillis(), s.ratio(), result.seconds()));
        b.heading("Warnings");
        b.paragraph(result.warnings().isEmpty() ? "none: every density propagation met its refinement tolerance" : String.join(" | ", result.warnings()));
        b.heading("All cells");
        List<List<String>> rows = new ArrayList<>();
        for (Cell c : result.cells()) {
            rows.add(List.of(c.target(), c.sampler(), Integer.toString(c.steps()), Integer.toString(c.dim()), g(c.kl()), g(c.klPar()), g(c.klPerp()),
                    g(c.complementShare()), g(c.tv())));
        }
        b.table("cells", List.of("target", "sampler", "S", "D", "KL", "KL_par", "KL_perp", "complement share", "TV"), rows);
        return b.build();
    }

    private void rankedTable(Report.Builder b, String target, String name) {
        b.heading("Ranked: " + target + ", S = " + (target.equals("product-subspace") ? PRODUCT_RANK_STEPS : RANK_STEPS));
        List<List<String>> rows = new ArrayList<>();
        int rank = 1;
        for (Fit f : ranked(target)) {
            rows.add(List.of(Integer.toString(rank++), f.sampler(), f.adapts() ? "adapts" : "pays per dimension", g(f.slope()), g(f.ratio()),
                    g(f.klMax()), g(f.share()), g(f.klPerpPerCoordinate())));
        }
        b.table(name, List.of("rank", "sampler", "verdict", "slope of KL in D", "KL(D=1000)/KL(D=10)", "KL at D=1000", "complement share",
                "KL per complement coordinate"), rows);
    }

    private void charts(Report.Builder b) {
        List<List<String>> panels = List.of(
                List.of("euler", "heun", "dpmpp-2m", "lms"),
                List.of("euler-ancestral", "dpmpp-2m-sde", "dpmpp-3m-sde", "unipc"),
                List.of("euler:s_churn=40,s_noise=1.003", "euler:init=vp", "exponential-integrator", "euler-maruyama"),
                List.of("ddpm-posterior", "pf-ode-heun", "dpm2", "ddim"));
        List<String> titles = List.of("ODE samplers", "stochastic samplers", "settings and schemes that pay", "more samplers, schemes");
        int i = 1;
        for (List<String> panel : panels) {
            LineChartSpec.Builder c = LineChartSpec.builder("KL vs D, S = " + RANK_STEPS + ": " + titles.get(i - 1))
                    .xLabel("ambient dimension D")
                    .yLabel("exact KL").logX().logY();
            boolean any = false;
            for (String s : panel) any |= series(c, s, "gaussian-subspace", true);
            if (any) b.chart("kl_vs_dim_" + i++, c.build());
        }
        LineChartSpec.Builder c = LineChartSpec.builder("KL vs S, D = 1000").xLabel("steps S").yLabel("exact KL").logX().logY();
        boolean any = false;
        for (String s : List.of("euler", "heun", "dpmpp-2m", "exponential-integrator")) any |= series(c, s, "gaussian-subspace", false);
        if (any) b.chart("kl_vs_steps", c.build());
    }

    /** Adds KL against D (byDim) at S = 20 or against S at the largest D; false if the sampler is not in this run. */
    private boolean series(LineChartSpec.Builder c, String sampler, String target, boolean byDim) {
        int dMax = config.dims().get(config.dims().size() - 1);
        List<double[]> pts = new ArrayList<>();
        for (Cell cell : result.cells()) {
            if (!cell.target().equals(target) || !cell.sampler().equals(sampler)) continue;
            if (byDim ? cell.steps() != RANK_STEPS : cell.dim() != dMax) continue;
            if (!(cell.kl() > 0) || !Double.isFinite(cell.kl())) continue;
            pts.add(new double[] {byDim ? cell.dim() : cell.steps(), cell.kl()});
        }
        if (pts.isEmpty()) return false;
        double[] x = new double[pts.size()], y = new double[pts.size()];
        for (int j = 0; j < pts.size(); j++) { x[j] = pts.get(j)[0]; y[j] = pts.get(j)[1]; }
        c.series(sampler, x, y);
        return true;
    }

    /** Short text summary for the terminal. */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-34s %-20s %10s %12s %10s", "sampler (gaussian, S=" + RANK_STEPS + ")", "verdict", "slope in D", "KL at D=1000", "share"));
        for (Fit f : ranked("gaussian-subspace")) {
            out.add(String.format(Locale.ROOT, "%-34s %-20s %10.4f %12.4g %10.4f", f.sampler(), f.adapts() ? "adapts" : "pays per dimension",
                    f.slope(), f.klMax(), f.share()));
        }
        AdaptivityResult.Speed s = result.speed();
        out.add(String.format(Locale.ROOT, "exact error of %s at S=%d, D=%d: %.3g ms (simulating %d samples: %.3g ms, ratio %.0f)",
                s.sampler(), s.steps(), s.dim(), s.exactMillis(), s.samples(), s.simulationMillis(), s.ratio()));
        return out;
    }

    /** JSON-ready map (snake_case keys). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> ranked = new ArrayList<>();
        for (Fit f : ranked("gaussian-subspace")) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("sampler", f.sampler());
            r.put("adapts", f.adapts());
            r.put("slope_in_dim", f.slope());
            r.put("kl_ratio", f.ratio());
            r.put("kl_at_max_dim", f.klMax());
            r.put("complement_share", f.share());
            r.put("kl_perp_per_coordinate", f.klPerpPerCoordinate());
            ranked.add(r);
        }
        m.put("steps", RANK_STEPS);
        m.put("ranked_gaussian", ranked);
        AdaptivityResult.Speed s = result.speed();
        m.put("exact_ms", s.exactMillis());
        m.put("simulation_ms", s.simulationMillis());
        m.put("simulation_samples", s.samples());
        m.put("seconds", result.seconds());
        m.put("findings", findings());
        return m;
    }
}

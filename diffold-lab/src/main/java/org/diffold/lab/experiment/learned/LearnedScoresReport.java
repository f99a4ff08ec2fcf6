package org.diffold.lab.experiment.learned;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.diffold.lab.report.LineChartSpec;
import org.diffold.lab.report.Report;
import org.diffold.lab.store.Provenance;

/** The report of {@link LearnedScoresExperiment}: eps_score^2 versus D, sampler errors, loss curves, full table. */
public final class LearnedScoresReport {
    private LearnedScoresReport() {}

    /** Builds the report from the cells' results (in D order). */
    public static Report build(LearnedScoresConfig cfg, List<Map<String, Object>> results, Provenance provenance) {
        int n = results.size();
        double[] dims = new double[n], e2 = new double[n], se = new double[n];
        for (int i = 0; i < n; i++) {
            dims[i] = number(results.get(i), "D");
            e2[i] = number(results.get(i), "epsScore2");
            se[i] = Math.min(number(results.get(i), "epsScore2StdErr"), 0.5 * e2[i]); // keep error bars on a log axis
        }
        Report.Builder b = Report.builder("Learned scores: eps_score^2 and sampler error versus D (k = " + cfg.k() + ")")
                .provenance(provenance)
                .paragraph("Target " + cfg.targetSpec() + " on a random subspace of R^D (docs/math.md §5). For every D the same "
                        + "MLP (width " + cfg.width() + ", depth " + cfg.depth() + ", GELU, " + cfg.parameterisation() + " parameterisation) is trained by DSM "
                        + "for " + cfg.steps() + " steps of batch " + cfg.batch() + " on " + cfg.trainRows() + " samples (li-yan T = 1000 "
                        + "levels, Adam with cosine schedule, clipping 1, EMA 0.999). eps_score^2 = (1/T) sum_t E|s - s*|^2 over every t "
                        + "of the li-yan sampling schedule, T = " + cfg.sampleSteps() + " (docs/math.md §4.4), " + cfg.errorSamples()
                        + " samples per t. Samplers run " + cfg.samples() + " samples with the learned and with the exact score; "
                        + "complement-block KL (docs/math.md §4.1) from the isotropic variance and, where n > D - k + 2, from the full "
                        + "sample covariance (Wishart-bias corrected); sliced Wasserstein (200 directions) and MMD^2 against fresh samples of X_1.");
        b.paragraph(findings(results));
        if ("edm-pca".equals(cfg.parameterisation())) {
            b.paragraph("Preconditioning note: edm-pca applies edm per principal direction of the training data (mean, top "
                    + "principal directions, remainder variance; ours); on subspace data the remainder variance is 0, so the "
                    + "complement of the learned score is exactly -P_perp x / sigma^2 and the network only learns the k data directions.");
        }
        for (int d : cfg.dims()) {
            if (cfg.width() < d - cfg.k() && !"x0".equals(cfg.parameterisation()) && !"edm-pca".equals(cfg.parameterisation())) {
                b.paragraph("Capacity note: at D = " + d + " the hidden width " + cfg.width() + " is below D - k = " + (d - cfg.k())
                        + ", so the network cannot carry the (D - k)-dimensional complement map eps_perp = P_perp x / sigma (which the "
                        + cfg.parameterisation() + " parameterisation must output, up to a bounded factor, at every sigma) through its "
                        + "hidden layers; errors there measure that bottleneck as much as training.");
                break;
            }
        }
        b.chart("eps-score2", LineChartSpec.builder("eps_score^2 of the learned score versus D").xLabel("D").yLabel("eps_score^2")
                .logX().logY().series("learned", dims, e2, se).build());
        LineChartSpec.Builder sw = LineChartSpec.builder("Sliced Wasserstein to X_1 versus D").xLabel("D").yLabel("SW_2").logX().logY();
        for (String design : cfg.designs()) {
            for (String score : List.of("learned", "exact")) {
                double[] y = new double[n];
                for (int i = 0; i < n; i++) y[i] = Math.max(1e-12, number(results.get(i), design + "." + score + ".sw"));
                sw.series(design + " / " + score, dims, y);
            }
        }
        b.chart("sliced-wasserstein", sw.build());
        LineChartSpec.Builder loss = LineChartSpec.builder("Training loss (mean per window)").xLabel("step").yLabel("DSM loss").logY();
        for (Map<String, Object> r : results) {
            List<?> curve = (List<?>) r.get("lossCurve");
            double[] x = new double[curve.size()], y = new double[curve.size()];
            for (int i = 0; i < curve.size(); i++) {
                List<?> p = (List<?>) curve.get(i);
                x[i] = ((Number) p.get(0)).doubleValue();
                y[i] = Math.max(1e-12, ((Number) p.get(1)).doubleValue());
            }
            loss.series("D=" + (int) number(r, "D"), x, y);
        }
        b.chart("loss", loss.build());
        List<String> header = new ArrayList<>(List.of("D", "eps_score^2", "std err", "sigma^2-weighted", "val loss", "train s"));
        for (String design : cfg.designs()) {
            for (String score : List.of("learned", "exact")) {
                String p = design + "/" + score;
                header.addAll(List.of(p + " KLperp iso", p + " KLperp cov", p + " SW", p + " MMD^2"));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> r : results) {
            List<String> row = new ArrayList<>(List.of(fmt(r.get("D")), fmt(r.get("epsScore2")), fmt(r.get("epsScore2StdErr")), fmt(r.get("noiseError")),
                    fmt(r.get("validationLoss")), fmt(r.get("trainSeconds"))));
            for (String design : cfg.designs()) {
                for (String score : List.of("learned", "exact")) {
                    String p = design + "." + score + ".";
                    row.addAll(List.of(fmt(r.get(p + "klPerpIso")), fmt(r.get(p + "klPerpCov")), fmt(r.get(p + "sw")), fmt(r.get(p + "mmd2"))));
                }
            }
            rows.add(row);
        }
        b.table("results", header, rows);
        return b.build();
    }

    /** One paragraph of what the numbers say. */
    static String findings(List<Map<String, Object>> results) {
        Map<String, Object> first = results.get(0), last = results.get(results.size() - 1);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "eps_score^2 goes from %.3g at D = %d to %.3g at D = %d (x%.3g for x%.3g in D).",
                number(first, "epsScore2"), (int) number(first, "D"), number(last, "epsScore2"), (int) number(last, "D"),
                number(last, "epsScore2") / number(first, "epsScore2"), number(last, "D") / number(first, "D")));
        if (last.get("li-yan.learned.klPerpIso") != null && last.get("classic.learned.klPerpIso") != null) {
            s.append(String.format(Locale.ROOT, " At D = %d with the learned score the complement KL (isotropic estimate) is %.3g for li-yan "
                            + "and %.3g for classic (exact score: %.3g and %.3g).", (int) number(last, "D"),
                    number(last, "li-yan.learned.klPerpIso"), number(last, "classic.learned.klPerpIso"),
                    number(last, "li-yan.exact.klPerpIso"), number(last, "classic.exact.klPerpIso")));
        }
        return s.toString();
    }

    private static double number(Map<String, Object> r, String key) {
        Object v = r.get(key);
        return v instanceof Number x ? x.doubleValue() : Double.NaN;
    }

    private static String fmt(Object v) {
        if (v == null) return "n/a";
        if (v instanceof Integer || v instanceof Long) return v.toString();
        if (v instanceof Number x) return String.format(Locale.ROOT, "%.4g", x.doubleValue());
        return v.toString();
    }
}

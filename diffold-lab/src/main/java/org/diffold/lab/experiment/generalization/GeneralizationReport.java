package org.diffold.lab.experiment.generalization;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.diffold.core.data.DataMatrix;
import org.diffold.lab.report.ImageGrid;
import org.diffold.lab.report.LineChartSpec;
import org.diffold.lab.report.Report;
import org.diffold.lab.store.Provenance;

/** The HTML report of {@code reproduce generalization}: findings with the measured exponents, plots, tables. */
public final class GeneralizationReport {
    private static final int D_FIRST = 0;
    private final GeneralizationResult r;

    /** A report of the result. */
    public GeneralizationReport(GeneralizationResult r) { this.r = r; }

    private List<Map<String, Object>> cells(String manifold, int dim, String score) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> c : r.cells()) {
            if (c.get("manifold").equals(manifold) && GeneralizationResult.num(c, "D").intValue() == dim && c.get("score").equals(score)) out.add(c);
        }
        return out;
    }

    private double value(String manifold, int dim, String score, int n, String key) {
        for (Map<String, Object> c : cells(manifold, dim, score)) {
            if (GeneralizationResult.num(c, "N").intValue() == n) return GeneralizationResult.num(c, key).doubleValue();
        }
        return Double.NaN;
    }

    private String slope(String manifold, int dim, String score, String metric) {
        Map<String, Object> f = r.fit(manifold, dim, score, metric);
        return f == null ? "n/a" : String.format(Locale.ROOT, "%.3f", GeneralizationResult.num(f, "slope").doubleValue());
    }

    /** The findings paragraph: measured numbers, stated against the theory. */
    public List<String> findings() {
        GeneralizationConfig cfg = r.config();
        List<String> out = new ArrayList<>();
        int nMax = cfg.sizes().get(cfg.sizes().size() - 1), nMin = cfg.sizes().get(0), d0 = cfg.dims().get(D_FIRST);
        StringBuilder cov = new StringBuilder("Coverage scale delta* versus N (log-log slope; theory -1/k for the empirical measure, -beta/(4k) = -"
                + cfg.beta() + "/(4k) for the coarse score [beta ours: the manifolds are smooth, beta = 2 is the order a local-linear fit uses]): ");
        StringBuilder mem = new StringBuilder(String.format(Locale.ROOT, "Memorized fraction (ratio rule) at N = %d / N = %d, D = %d: ", nMin, nMax, d0));
        for (String m : cfg.manifolds()) {
            int k = (int) GeneralizationResult.num(cells(m, d0, "empirical").get(0), "k").intValue();
            cov.append(String.format(Locale.ROOT, "%s (k=%d, D=%d): ", m, k, d0));
            for (String f : cfg.families()) {
                if (!f.equals("neural")) cov.append(f).append(' ').append(slope(m, d0, f, "coverage_delta")).append(", ");
            }
            cov.append(String.format(Locale.ROOT, "theory %.3f / %.3f; ", -1.0 / k, -cfg.beta() / (4.0 * k)));
            mem.append(m).append(": ");
            for (String f : cfg.families()) {
                if (f.equals("neural")) continue;
                mem.append(String.format(Locale.ROOT, "%s %.3g / %.3g, ", f, value(m, d0, f, nMin, "memorized_fraction"), value(m, d0, f, nMax, "memorized_fraction")));
            }
            mem.append(String.format(Locale.ROOT, "manifold distance (median) at N = %d: ", nMax));
            for (String f : List.of("empirical", "coarse", "coarse-lqf", "cfdm")) {
                if (cfg.families().contains(f)) mem.append(String.format(Locale.ROOT, "%s %.3g, ", f, value(m, d0, f, nMax, "manifold_distance")));
            }
            mem.setLength(mem.length() - 2);
            mem.append("; ");
        }
        cov.append(String.format(Locale.ROOT, "With n = %d samples per cell the measured delta* cannot fall below the scale an ideal "
                + "generator reaches with n points (the 'true' family), so slopes flatten once N exceeds n; compare each family with 'true'.", cfg.samples()));
        out.add(cov.toString().trim());
        out.add(mem.toString().trim());
        if (cfg.families().contains("coarse") && cfg.families().contains("coarse-lqf")) out.add(projections(nMax, d0));
        StringBuilder nn = new StringBuilder("Neural DSM networks (final checkpoint; memorized fraction, manifold distance): ");
        for (Map<String, Object> c : r.cells()) {
            if (!c.get("score").equals("neural")) continue;
            nn.append(String.format(Locale.ROOT, "%s N=%d: %.3g, %.3g; ", c.get("manifold"), GeneralizationResult.num(c, "N").intValue(),
                    GeneralizationResult.num(c, "memorized_fraction").doubleValue(), GeneralizationResult.num(c, "manifold_distance").doubleValue()));
        }
        out.add(nn.toString().trim());
        if (!r.fashion().isEmpty()) {
            StringBuilder fm = new StringBuilder("Fashion-MNIST, memorized fraction (ratio rule) by score and N: ");
            boolean networks = false;
            for (Map<String, Object> f : r.fashion()) {
                networks |= "neural".equals(f.get("score"));
                fm.append(String.format(Locale.ROOT, "%s N=%d: %.3g (median nearest-training distance %.3g); ", f.get("score"),
                        GeneralizationResult.num(f, "N").intValue(), GeneralizationResult.num(f, "memorized_fraction").doubleValue(),
                        GeneralizationResult.num(f, "nn_distance_median").doubleValue()));
            }
            List<Map<String, Object>> nets = r.fashion().stream().filter(f -> "neural".equals(f.get("score"))).toList();
            if (nets.size() > 1) {
                Map<String, Object> lo = nets.get(0), hi = nets.get(nets.size() - 1);
                int nLo = GeneralizationResult.num(lo, "N").intValue();
                fm.append(String.format(Locale.ROOT, "The networks' median nearest-training distance goes from %.3g at N = %d to %.3g at N = %d, "
                                + "with %d training steps of batch %d (%.0f epochs at N = %d). ",
                        GeneralizationResult.num(lo, "nn_distance_median").doubleValue(), nLo,
                        GeneralizationResult.num(hi, "nn_distance_median").doubleValue(), GeneralizationResult.num(hi, "N").intValue(),
                        FashionCells.NETWORK.steps(), FashionCells.NETWORK.batch(),
                        (double) FashionCells.NETWORK.steps() * FashionCells.NETWORK.batch() / nLo, nLo));
            }
            fm.append(networks ? "The networks are a U-Net (" + FashionCells.NETWORK.describe() + ", docs/math.md §1.3) trained on each "
                    + "subset. A memorized fraction of 0 says only that the samples are not copies; their nearest-training distance "
                    + "(Euclidean, pixels in [-1, 1]) and the image grids below show whether they are images at this training budget."
                    : "networks on Fashion-MNIST are trained only in the full run (not --quick).");
            out.add(fm.toString());
        }
        return out;
    }

    /**
     * Local PCA against the local quadratic fit: the final Tweedie step of the coarse score lands on the estimated
     * projection, so the distance to the manifold is the estimator's error, O(h^2) and O(h^3) in the neighbourhood
     * radius h ~ (m/N)^{1/k} (docs/math.md §6.1): slopes -2/k and -3/k in N (-4/k on the circle and spheres).
     */
    private String projections(int nMax, int d0) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Projection estimators of the coarse score (D = %d): median distance to "
                + "the manifold at N = %d, local PCA against the local quadratic fit, and their log-log slopes in N (theory -2/k and -3/k, "
                + "-4/k on the circle and spheres, which have no third-order term; both flatten at the sampler's own floor): ", d0, nMax));
        for (String m : r.config().manifolds()) {
            int k = GeneralizationResult.num(cells(m, d0, "empirical").get(0), "k").intValue();
            double a = value(m, d0, "coarse", nMax, "manifold_distance"), b = value(m, d0, "coarse-lqf", nMax, "manifold_distance");
            sb.append(String.format(Locale.ROOT, "%s (k=%d): %.3g vs %.3g (%.3gx smaller), slopes %s vs %s (theory %.3f vs %.3f); ", m, k, a, b, a / b,
                    slope(m, d0, "coarse", "manifold_distance"), slope(m, d0, "coarse-lqf", "manifold_distance"), -2.0 / k,
                    (m.startsWith("circle") || m.startsWith("sphere") ? -4.0 : -3.0) / k));
        }
        sb.append(String.format(Locale.ROOT, "Memorized fraction at N = %d: ", nMax));
        for (String m : r.config().manifolds()) {
            sb.append(String.format(Locale.ROOT, "%s: local PCA %.3g, quadratic fit %.3g, fresh samples %.3g; ", m, value(m, d0, "coarse", nMax, "memorized_fraction"),
                    value(m, d0, "coarse-lqf", nMax, "memorized_fraction"), value(m, d0, "true", nMax, "memorized_fraction")));
        }
        sb.append("samples on the manifold meet the ratio rule as often as fresh samples of the data law do; samples off it (local PCA) read lower.");
        return sb.toString().trim();
    }

    /** Builds the report; {@code fashionDir} supplies the nearest training images of the Fashion-MNIST grid. */
    public Report build(Provenance p, Path fashionDir) throws IOException {
        GeneralizationConfig cfg = r.config();
        Report.Builder b = Report.builder("Generalization before memorization (Shen, Hsieh & He, arXiv 2603.23792)").provenance(p);
        b.heading("Findings");
        for (String s : findings()) b.paragraph(s);
        b.paragraph("Setup [ours]: piecewise-constant densities (circle weights 4/1/2/1 in angle; torus 3/1 x 1/2; spheres S^2, S^3 "
                + "reweighted 3/1/2/1 along an axis), placed in R^D by a random isometry; n = " + cfg.samples() + " samples per cell with the "
                + "exponential integrator on the Benton grid (T = 6, " + cfg.steps() + " steps) down to delta = " + cfg.delta() + " and a final Tweedie "
                + "step; coverage with alpha = 0.1, c = 0.5 from " + cfg.reference() + " reference points and " + cfg.anchors() + " anchors; "
                + cfg.cells() + " Voronoi cells for the mass ratio. Families: true (fresh samples of the data law: the ideal generator with the same n), empirical (exact), kde (h = 0.1 N^(-1/(k+4))), cfdm (smoothing 2 x "
                + "median spacing, M = 2), coarse (local PCA on max(10, 4k) neighbours, empirical score above sigma = 0.3), coarse-lqf (the same with "
                + "the local quadratic fit projection on max(10, 4k, 2P) neighbours, P = k(k+1)/2 + k + 1, 8 Newton steps), neural (MLP, DSM; on the Fashion-MNIST subsets a U-Net, " + FashionCells.NETWORK.describe() + ").");
        for (String m : cfg.manifolds()) {
            for (int d : cfg.dims()) {
                b.chart("coverage-" + m + "-D" + d, chart(m, d, "coverage_delta", "coverage scale delta*", true));
                b.chart("memorized-" + m + "-D" + d, chart(m, d, "memorized_fraction", "memorized fraction", false));
                b.chart("manifold-distance-" + m + "-D" + d, chart(m, d, "manifold_distance", "median distance to the manifold", true));
            }
        }
        for (String m : cfg.neuralManifolds()) {
            if (!cfg.manifolds().contains(m)) continue;
            b.chart("training-distance-" + m, curveChart(m, "manifold_distance", "median distance to the manifold", true));
            b.chart("training-memorized-" + m, curveChart(m, "memorized_fraction", "memorized fraction", false));
        }
        if (!r.fashion().isEmpty()) {
            b.heading("Fashion-MNIST: samples next to their nearest training images");
            for (Map<String, Object> f : r.fashion()) {
                int n = GeneralizationResult.num(f, "N").intValue();
                b.image("fashion-N" + n + "-" + f.get("score"), f.get("score") + " score, N = " + n + ": each sample (left) next to its nearest training image (right); memorized fraction "
                        + String.format(Locale.ROOT, "%.3g", GeneralizationResult.num(f, "memorized_fraction").doubleValue()), fashionGrid(f, fashionDir), 3);
            }
        }
        b.heading("Fits (log-log slope against N)");
        List<List<String>> fits = new ArrayList<>();
        for (Map<String, Object> f : r.fits()) {
            fits.add(List.of(f.get("manifold").toString(), f.get("k").toString(), f.get("D").toString(), f.get("score").toString(), f.get("metric").toString(),
                    fmt(f.get("slope")), fmt(f.get("r2")), fmt(f.get("theory_empirical")), fmt(f.get("theory_coarse"))));
        }
        b.table("fits", List.of("manifold", "k", "D", "score", "metric", "slope", "R^2", "-1/k", "-beta/(4k)"), fits);
        b.heading("Cells");
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> c : r.cells()) {
            List<String> row = new ArrayList<>();
            for (String k : GeneralizationResult.CELL_KEYS) row.add(fmt(c.get(k)));
            rows.add(row);
        }
        b.table("cells", GeneralizationResult.CELL_KEYS, rows);
        return b.build();
    }

    private LineChartSpec chart(String m, int d, String key, String label, boolean logY) {
        LineChartSpec.Builder c = LineChartSpec.builder(label + " vs N: " + m + ", D = " + d).xLabel("N").yLabel(label).logX();
        if (logY) c.logY();
        for (String f : r.config().families()) {
            List<Map<String, Object>> cs = cells(m, d, f);
            if (cs.isEmpty()) continue;
            double[] x = new double[cs.size()], y = new double[cs.size()];
            for (int i = 0; i < cs.size(); i++) {
                x[i] = GeneralizationResult.num(cs.get(i), "N").doubleValue();
                double v = GeneralizationResult.num(cs.get(i), key).doubleValue();
                y[i] = logY ? Math.max(v, 1e-12) : v;
            }
            c.series(f, x, y);
        }
        if (key.equals("coverage_delta")) {
            List<Map<String, Object>> e = cells(m, d, "empirical");
            int k = GeneralizationResult.num(e.get(0), "k").intValue();
            double x0 = GeneralizationResult.num(e.get(0), "N").doubleValue(), y0 = GeneralizationResult.num(e.get(0), key).doubleValue();
            double x1 = GeneralizationResult.num(e.get(e.size() - 1), "N").doubleValue();
            c.series("theory N^(-1/k)", new double[] {x0, x1}, new double[] {y0, y0 * Math.pow(x1 / x0, -1.0 / k)});
            c.series("theory N^(-beta/(4k))", new double[] {x0, x1}, new double[] {y0, y0 * Math.pow(x1 / x0, -r.config().beta() / (4.0 * k))});
        }
        return c.build();
    }

    @SuppressWarnings("unchecked")
    private LineChartSpec curveChart(String m, String key, String label, boolean logY) {
        LineChartSpec.Builder c = LineChartSpec.builder(label + " along DSM training: " + m + ", D = " + r.config().neuralDim())
                .xLabel("training step").yLabel(label).logX();
        if (logY) c.logY();
        for (Map<String, Object> cell : cells(m, r.config().neuralDim(), "neural")) {
            List<Map<String, Object>> curve = (List<Map<String, Object>>) cell.get("curve");
            double[] x = new double[curve.size()], y = new double[curve.size()];
            for (int i = 0; i < curve.size(); i++) {
                x[i] = GeneralizationResult.num(curve.get(i), "step").doubleValue();
                double v = GeneralizationResult.num(curve.get(i), key).doubleValue();
                y[i] = logY ? Math.max(v, 1e-12) : v;
            }
            c.series("N = " + cell.get("N"), x, y);
        }
        return c.build();
    }

    @SuppressWarnings("unchecked")
    private static byte[] fashionGrid(Map<String, Object> f, Path dir) throws IOException {
        int n = GeneralizationResult.num(f, "N").intValue();
        List<Number> nearest = (List<Number>) f.get("nearest");
        List<Number> shown = (List<Number>) f.get("shown");
        DataMatrix train = FashionCells.images(dir, n);
        int d = train.cols();
        double[][] rows = new double[2 * nearest.size()][d];
        for (int i = 0; i < nearest.size(); i++) {
            for (int j = 0; j < d; j++) rows[2 * i][j] = shown.get(i * d + j).doubleValue();
            System.arraycopy(train.values(), nearest.get(i).intValue() * d, rows[2 * i + 1], 0, d);
        }
        return ImageGrid.pngBytes(rows, 28, 28, 1, 8, -1, 1);
    }

    private static String fmt(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return Double.isFinite(d) ? String.format(Locale.ROOT, "%.4g", d) : "";
        return v.toString();
    }
}

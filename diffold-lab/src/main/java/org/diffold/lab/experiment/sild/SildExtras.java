package org.diffold.lab.experiment.sild;

import static org.diffold.lab.experiment.sild.SildReport.arr;
import static org.diffold.lab.experiment.sild.SildReport.f;
import static org.diffold.lab.experiment.sild.SildReport.num;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.diffold.lab.report.LineChartSpec;
import org.diffold.lab.report.Report;

/**
 * The report sections and {@code --json} parts of the synthetic-manifold comparison, the learned collapse versus
 * sigma and Stacked Fashion-MNIST (docs/math.md §7.2-§7.4). Their results are found by their {@code section} tag, so
 * they do not depend on where in the cell list they stand.
 */
final class SildExtras {
    /** Upper end of the small-noise regime in which the learned rank is compared with k [ours]. */
    static final double SMALL_SIGMA = 0.1;

    private SildExtras() {}

    /** The results whose {@code section} is {@code tag}, in cell order. */
    static List<Map<String, Object>> section(List<Map<String, Object>> results, String tag) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : results) if (tag.equals(r.get("section"))) out.add(r);
        return out;
    }

    private static Map<String, Object> find(List<Map<String, Object>> rows, String key, Object value, String key2, Object value2) {
        for (Map<String, Object> r : rows) if (value.equals(r.get(key)) && (key2 == null || value2.equals(r.get(key2)))) return r;
        return null;
    }

    /** The findings paragraphs of the three sections (one each), verdict first, with the numbers. */
    static List<String> findings(List<Map<String, Object>> results) {
        List<String> out = new ArrayList<>();
        List<Map<String, Object>> syn = section(results, SyntheticCells.SECTION);
        if (!syn.isEmpty()) {
            int wins = 0, pairs = 0, winsAe = 0, pairsAe = 0, idClosest = 0;
            Map<String, Integer> rankK = new LinkedHashMap<>();
            StringBuilder detail = new StringBuilder();
            List<String> manifolds = new ArrayList<>();
            for (Map<String, Object> r : syn) if (!manifolds.contains((String) r.get("manifold"))) manifolds.add((String) r.get("manifold"));
            for (String m : manifolds) {
                Map<String, Object> sild = find(syn, "manifold", m, "method", "sild"), vae = find(syn, "manifold", m, "method", "vae:kl=1.0E-6");
                Map<String, Object> data = find(syn, "manifold", m, "method", "data"), ae = find(syn, "manifold", m, "method", "ae");
                if (sild == null || vae == null) continue;
                for (String k : List.of("manifold_distance", "sw", "mmd")) {
                    pairs++;
                    if (num(sild, k) < num(vae, k)) wins++;
                    if (ae != null) {
                        pairsAe++;
                        if (num(sild, k) < num(ae, k)) winsAe++;
                    }
                }
                double k = num(sild, "k");
                boolean closest = true;
                for (Map<String, Object> r : syn) {
                    if (!m.equals(r.get("manifold"))) continue;
                    String method = (String) r.get("method");
                    if (!method.equals("data") && num(r, "stage1_rank") == k) rankK.merge(method, 1, Integer::sum);
                    if (!method.equals("data") && !method.equals("sild") && Math.abs(num(r, "id_samples") - k) < Math.abs(num(sild, "id_samples") - k)) closest = false;
                }
                if (closest) idClosest++;
                detail.append(String.format(Locale.ROOT, "%s (k = %s): distance to M %s vs %s (data %s), SW %s vs %s (data %s), MMD^2 %s vs %s; "
                                + "latent ID (TwoNN) %s vs %s, sample ID %s vs %s. ", m, sild.get("k"), f(sild.get("manifold_distance")),
                        f(vae.get("manifold_distance")), data == null ? "n/a" : f(data.get("manifold_distance")), f(sild.get("sw")), f(vae.get("sw")),
                        data == null ? "n/a" : f(data.get("sw")), f(sild.get("mmd")), f(vae.get("mmd")), f(sild.get("id_latent")),
                        f(vae.get("id_latent")), f(sild.get("id_samples")), f(vae.get("id_samples"))));
            }
            out.add(String.format(Locale.ROOT, "Findings, synthetic manifolds: SiLD %s the VAE-LDM (KL 1e-6), lower on %d of %d manifold x metric pairs "
                            + "(distance of samples to M, sliced Wasserstein, MMD^2; one seed, same networks and budget); against the plain AE "
                            + "SiLD is lower on %d of %d. SiLD vs VAE-LDM: ",
                    2 * wins > pairs ? "beats" : 2 * wins == pairs ? "ties with" : "does not beat", wins, pairs, winsAe, pairsAe) + detail
                    + String.format(Locale.ROOT, "The TwoNN dimension of SiLD's samples is the closest to k of the three methods on %d of %d manifolds. "
                            + "The stage-1 denoiser dec(enc(x)) has rank k on M (tau = %s, latent width %s) on %d of %d manifolds for SiLD, %d for the "
                            + "VAE and %d for the plain AE%s.", idClosest, manifolds.size(), CollapseCells.TAU, syn.get(0).get("latent_dim") instanceof Number n ? n.intValue() : "?",
                            rankK.getOrDefault("sild", 0), manifolds.size(), rankK.getOrDefault("vae:kl=1.0E-6", 0), rankK.getOrDefault("ae", 0),
                            rankK.getOrDefault("sild", 0) > 0 ? " (rank k: the bottleneck denoiser has collapsed onto the tangent space, the paper's mechanism)" : ""));
        }
        List<Map<String, Object>> learned = section(results, LearnedCollapseCells.SECTION);
        if (!learned.isEmpty()) {
            int reached = 0, identity = 0;
            StringBuilder detail = new StringBuilder();
            for (Map<String, Object> r : learned) {
                List<?> rank = (List<?>) r.get("rank"), sg = (List<?>) r.get("sigma"), dist = (List<?>) r.get("distance");
                int k = ((Number) r.get("k")).intValue(), min = Integer.MAX_VALUE, at = 0;
                for (int i = 0; i < rank.size(); i++) {
                    int v = ((Number) rank.get(i)).intValue();
                    if (((Number) sg.get(i)).doubleValue() <= SMALL_SIGMA && v < min) { min = v; at = i; }
                }
                if (min <= k) reached++;
                if (((Number) rank.get(0)).intValue() == ((Number) r.get("D")).intValue()) identity++;
                int last = rank.size() - 1;
                detail.append(String.format(Locale.ROOT, "%s (k = %d): lowest rank %d for sigma <= %s (at sigma = %.3g, |D - pi| = %.3g), rank %s at "
                                + "sigma = %.3g, rank %s at sigma = %.3g (|D - pi| = %.3g); ", r.get("manifold"), k, min, SMALL_SIGMA,
                        ((Number) sg.get(at)).doubleValue(), ((Number) dist.get(at)).doubleValue(), rank.get(0), ((Number) sg.get(0)).doubleValue(),
                        rank.get(last), ((Number) sg.get(last)).doubleValue(), ((Number) dist.get(last)).doubleValue()));
            }
            out.add(String.format(Locale.ROOT, "Findings, learned collapse: the DSM-trained MLP denoiser x + sigma^2 s_theta(x) %s: its rank falls to k at "
                            + "some sigma <= %s on %d of %d manifolds (tau = %s, the exact study's probes and sigmas; the exact denoiser's rank is k "
                            + "there). ", reached == learned.size() ? "collapses like the exact one" : reached == 0 ? "does not collapse to rank k"
                            : "collapses on some manifolds only", SMALL_SIGMA, reached, learned.size(), CollapseCells.TAU)
                    + detail.substring(0, Math.max(0, detail.length() - 2)) + ". "
                    + (identity == 0 ? "" : String.format(Locale.ROOT, "At the smallest sigma the learned Jacobian has full rank D on %d of %d "
                    + "manifolds: with the edm output scaling D_sigma(x) - x = O(sigma) for a smooth network, while collapsing the normal "
                    + "directions needs a score Jacobian of order 1 / sigma^2, as the exact score has. ", identity, learned.size()))
                    + "A low rank at sigma = 1 is a contraction towards the data mean (large |D - pi|), not a collapse onto M.");
        }
        List<Map<String, Object>> st = section(results, StackedCells.SECTION);
        if (!st.isEmpty()) {
            Map<String, Object> sild = find(st, "method", "sild", null, null), vae = find(st, "method", "vae:kl=1.0E-6", null, null),
                    data = find(st, "method", "data", null, null);
            out.add(String.format(Locale.ROOT, "Findings, Stacked Fashion-MNIST (1000 modes, %s samples each): SiLD covers %s modes (KL to uniform %s), the "
                            + "VAE-LDM (KL 1e-6) %s (KL %s), stacked held-out images %s (KL %s): SiLD %s the VAE-LDM on mode coverage here. ",
                    sild == null ? "n/a" : sild.get("n"), get(sild, "modes_covered"), f(get(sild, "mode_kl")), get(vae, "modes_covered"),
                    f(get(vae, "mode_kl")), get(data, "modes_covered"), f(get(data, "mode_kl")),
                    num(sild, "modes_covered") > num(vae, "modes_covered") ? "beats" : num(sild, "modes_covered") == num(vae, "modes_covered") ? "ties with" : "does not beat"));
        }
        return out;
    }

    /** An integer-valued number without decimals, else {@link SildReport#f}. */
    private static String whole(Object v) {
        return v instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() == Math.rint(n.doubleValue())
                ? Long.toString(n.longValue()) : f(v);
    }

    /** The setup paragraph of the three sections (every setting ours). */
    static String setup(SildConfig cfg) {
        SyntheticCells.Settings s = SyntheticCells.Settings.of(cfg);
        LearnedCollapseCells.Settings l = LearnedCollapseCells.Settings.of(cfg);
        StackedCells.Settings st = StackedCells.Settings.of(cfg);
        return String.format(Locale.ROOT, "Setup of the synthetic, learned-collapse and stacked sections [ours]: %s in R^%d, %d training and %d "
                        + "held-out points; SiLD (band [%s, %s]), the VAE (KL 1e-6) and the AE train the same MLP encoder/decoder (width %d, latent "
                        + "width %d) for %d steps of batch 128, then the same latent MLP score (width %d) for %d DSM steps; %d samples each with the "
                        + "li-yan design, T = %d. Learned collapse: an MLP score (width %d, depth 3, edm) trained %d DSM steps on %d points of each "
                        + "manifold, Jacobian by central differences (h = %s) at the exact study's %d probes. Stacked Fashion-MNIST: %d stacked "
                        + "training images, latent width %d, the main table's conv networks and step budget, %d samples per method; each channel "
                        + "classified by the feature classifier.", String.join(", ", s.manifolds()), s.dim(), s.nTrain(), s.nHeldOut(), s.sigmaMin(),
                s.sigmaMax(), s.width(), s.latentDim(), s.stage1Steps(), s.stage2Width(), s.stage2Steps(), s.nSamples(), s.samplingSteps(), l.width(),
                l.steps(), l.nTrain(), LearnedCollapseCells.STEP, cfg.collapseProbes(), st.nTrain(), st.latentDim(), st.nSamples());
    }

    private static Object get(Map<String, Object> m, String k) {
        return m == null ? "n/a" : m.get(k);
    }

    /** The learned-vs-exact collapse charts (placed next to the exact ones). */
    static void charts(Report.Builder b, List<Map<String, Object>> results, List<Map<String, Object>> exact) {
        List<Map<String, Object>> learned = section(results, LearnedCollapseCells.SECTION);
        if (!learned.isEmpty()) {
            LineChartSpec.Builder rank = LineChartSpec.builder("Jacobian rank vs sigma: exact denoiser and learned DSM MLP denoiser (tau = " + CollapseCells.TAU + ")")
                    .xLabel("sigma").yLabel("mean numerical rank").logX();
            LineChartSpec.Builder dist = LineChartSpec.builder("Distance to the projection onto M: exact and learned denoiser").xLabel("sigma")
                    .yLabel("mean |D_sigma(x) - pi_M(x)|").logX().logY();
            for (Map<String, Object> c : exact) {
                rank.series(c.get("manifold") + " exact", arr(c.get("sigma")), arr(c.get("mean_rank")));
                dist.series(c.get("manifold") + " exact", arr(c.get("sigma")), arr(c.get("distance")));
            }
            for (Map<String, Object> c : learned) {
                rank.series(c.get("manifold") + " learned", arr(c.get("sigma")), arr(c.get("mean_rank")));
                dist.series(c.get("manifold") + " learned", arr(c.get("sigma")), arr(c.get("distance")));
            }
            b.chart("collapse-learned-rank", rank.build());
            b.chart("collapse-learned-distance", dist.build());
        }
    }

    /** Tables and Stacked Fashion-MNIST sample grids of the three sections. */
    static void sections(Report.Builder b, List<Map<String, Object>> results, SildExperiment exp) throws IOException {
        List<Map<String, Object>> learned = section(results, LearnedCollapseCells.SECTION);
        List<Map<String, Object>> syn = section(results, SyntheticCells.SECTION);
        if (!syn.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, Object> r : syn) {
                rows.add(List.of(String.valueOf(r.get("manifold")), String.valueOf(r.get("k")), String.valueOf(r.get("method")), f(r.get("manifold_distance")),
                        f(r.get("manifold_distance_median")), f(r.get("sw")), f(r.get("mmd")), f(r.get("recon_mse")), f(r.get("id_latent")),
                        f(r.get("id_latent_mle")), f(r.get("id_samples")), f(r.get("id_samples_mle")), whole(r.get("stage1_rank")), f(r.get("seconds"))));
            }
            b.table("synthetic", List.of("manifold", "k", "method", "dist to M (mean)", "dist to M (median)", "SW2", "MMD^2", "recon MSE",
                    "ID latents (TwoNN)", "ID latents (MLE)", "ID samples (TwoNN)", "ID samples (MLE)", "stage-1 rank on M", "seconds"), rows);
        }
        List<Map<String, Object>> st = section(results, StackedCells.SECTION);
        if (!st.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, Object> r : st) {
                rows.add(List.of(String.valueOf(r.get("method")), String.valueOf(r.get("n")), String.valueOf(r.get("modes_covered")), f(r.get("mode_kl")),
                        f(r.get("recon_mse")), f(r.get("seconds"))));
            }
            b.table("stacked", List.of("method", "samples", "modes covered (of 1000)", "KL to uniform (nats)", "recon MSE", "seconds"), rows);
            for (Map<String, Object> r : st) {
                String m = (String) r.get("method");
                Path png = exp.stackedDir(m).resolve("stacked-samples.png");
                if (Files.exists(png)) {
                    b.image("stacked-" + m.replaceAll("[^A-Za-z0-9]", "-"), "Stacked Fashion-MNIST, " + (m.equals("data") ? "held-out stacked images" : m + ": samples")
                            + " (channels as RGB)", Files.readAllBytes(png), 2);
                }
            }
        }
        if (!learned.isEmpty()) {
            b.table("collapse-learned", List.of("manifold", "k", "sigma", "rank", "mean rank", "s1", "s2", "s3", "|D - pi|"), SildReport.collapseRows(learned));
        }
    }

    /** The learned collapse rows of {@code --json} ("source": "learned"). */
    static List<Map<String, Object>> learnedCollapseJson(List<Map<String, Object>> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> c : section(results, LearnedCollapseCells.SECTION)) out.addAll(collapseJson(c, "learned"));
        return out;
    }

    /** One {@code --json} collapse row per sigma of a collapse result: manifold, k, sigma, rank, source (and denoiser if named). */
    static List<Map<String, Object>> collapseJson(Map<String, Object> c, String source) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<?> sg = (List<?>) c.get("sigma"), rank = (List<?>) c.get("rank");
        for (int i = 0; i < sg.size(); i++) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("manifold", c.get("manifold"));
            j.put("k", c.get("k"));
            j.put("sigma", sg.get(i));
            j.put("rank", rank.get(i));
            j.put("source", source);
            if (c.containsKey("denoiser")) j.put("denoiser", c.get("denoiser"));
            out.add(j);
        }
        return out;
    }

    /** The {@code --json} rows of a section with the given keys (non-finite numbers as null). */
    static List<Map<String, Object>> json(List<Map<String, Object>> results, String tag, List<String> keys) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : section(results, tag)) {
            Map<String, Object> j = new LinkedHashMap<>();
            for (String k : keys) j.put(k, SildReport.finite(r.get(k)));
            out.add(j);
        }
        return out;
    }

    /** Keys of the {@code "synthetic"} rows. */
    static final List<String> SYNTHETIC_KEYS = List.of("manifold", "k", "D", "method", "manifold_distance", "sw", "mmd", "id_latent", "id_samples", "recon_mse");
    /** Keys of the {@code "stacked"} rows. */
    static final List<String> STACKED_KEYS = List.of("method", "n", "modes_covered", "mode_kl");
}

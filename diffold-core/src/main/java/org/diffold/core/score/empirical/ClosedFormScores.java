package org.diffold.core.score.empirical;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.diffold.core.spec.KeyValues;
import org.diffold.core.data.DataFiles;
import org.diffold.core.data.DataMatrix;
import org.diffold.core.dimension.Estimators;
import org.diffold.core.dimension.PointCloud;
import org.diffold.core.score.Score;

/**
 * Score families built from a training file, by printable spec (docs/math.md §6):
 * <ul>
 *   <li>{@code empirical:data=FILE}: the exact empirical score;</li>
 *   <li>{@code kde:data=FILE,h=H}: the empirical score at variance sigma^2 + h^2 (Gaussian KDE, bandwidth h &gt; 0);</li>
 *   <li>{@code cfdm:data=FILE[,smoothing=S,draws=M]}: the weight-smoothed closed-form score (defaults S = 0.2,
 *       M = 2 [ours]);</li>
 *   <li>{@code coarse:data=FILE[,k=K,neighbours=NB,switch=SIGMA]}: -(x - c proj_hat(x/c))/sigma^2 with proj_hat the
 *       local-PCA projection on NB nearest training points (default max(10, 4k) [ours], at most N); k given or, by
 *       default, the rounded TwoNN estimate; above sigma = SIGMA (default 0.3 [ours], 0 = never) the empirical score is
 *       used (the large-noise phase);</li>
 *   <li>{@code coarse:data=FILE,proj=lqf[,k=K,neighbours=M (or m=M),iterations=I,ridge=R,switch=SIGMA]}: the same with the local
 *       quadratic fit projection of {@link LocalQuadraticProjection} (docs/math.md §6.1) on the query's M nearest training
 *       points (default max(10, 4k, 2P), P = k(k+1)/2 + k + 1, at most N; M &gt;= P), I Newton steps (default 8), ridge R
 *       (default 1e-10) [ours]; {@code proj=lpca} is the default.</li>
 * </ul>
 * Errors name the parameter, the value and what is allowed.
 */
public final class ClosedFormScores {
    /** Family names. */
    public static final List<String> NAMES = List.of("empirical", "kde", "cfdm", "coarse");
    /** Default cfdm smoothing [ours]. */
    public static final double DEFAULT_SMOOTHING = 0.2;
    /** Default cfdm draws [ours]. */
    public static final int DEFAULT_DRAWS = 2;
    /** Default coarse switch level [ours]. */
    public static final double DEFAULT_SWITCH = 0.3;
    /** Projections of the coarse score: local PCA, local quadratic fit. */
    public static final List<String> PROJECTIONS = List.of("lpca", "lqf");

    private ClosedFormScores() {}

    /** Parses the spec, reading the training file it names. */
    public static Score parse(String spec, int threads, long seed) throws IOException {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        if (!NAMES.contains(name)) throw new IllegalArgumentException("unknown score family '" + name + "'; valid: " + String.join(", ", NAMES));
        Map<String, String> p = params(name, colon < 0 ? "" : s.substring(colon + 1));
        String data = p.remove("data");
        if (data == null) throw new IllegalArgumentException("score " + name + ": needs data=FILE (the training set, .npy or .csv)");
        Path file = Path.of(data);
        if (!Files.exists(file)) throw new IllegalArgumentException("score " + name + ": data file not found: " + data);
        DataMatrix m = DataFiles.read(file);
        TrainingPanels train = new TrainingPanels(m.values(), m.rows(), m.cols());
        return build(name, p, train, threads, seed);
    }

    /** Builds a family on an in-memory training set; {@code p} holds the parameters other than data. */
    public static Score build(String name, Map<String, String> p, TrainingPanels train, int threads, long seed) {
        switch (name) {
            case "empirical" -> {
                allow(name, p);
                return EmpiricalScore.exact(train);
            }
            case "kde" -> {
                allow(name, p, "h");
                if (!p.containsKey("h")) throw new IllegalArgumentException("score kde: needs h=H, the bandwidth (> 0)");
                double h = number(name, p, "h", 0);
                if (!(h > 0)) throw new IllegalArgumentException("score kde: h must be > 0, got " + p.get("h"));
                return EmpiricalScore.kde(train, h);
            }
            case "cfdm" -> {
                allow(name, p, "smoothing", "draws");
                double sm = number(name, p, "smoothing", DEFAULT_SMOOTHING);
                if (!(sm > 0)) throw new IllegalArgumentException("score cfdm: smoothing must be > 0, got " + p.get("smoothing"));
                double draws = number(name, p, "draws", DEFAULT_DRAWS);
                if (draws != Math.rint(draws) || draws < 1 || draws > 1024) throw new IllegalArgumentException("score cfdm: draws must be an integer in [1, 1024], got " + p.get("draws"));
                return new SmoothedClosedFormScore(train, sm, (int) draws, seed);
            }
            case "coarse" -> {
                allow(name, p, "k", "neighbours", "m", "switch", "proj", "iterations", "ridge");
                if (p.containsKey("m")) { // m is the lqf write-up's name for the neighbourhood size
                    if (p.containsKey("neighbours")) throw new IllegalArgumentException("score coarse: give the neighbourhood size once, as neighbours= or m=");
                    p = new java.util.LinkedHashMap<>(p);
                    p.put("neighbours", p.remove("m"));
                }
                String proj = p.getOrDefault("proj", "lpca");
                if (!PROJECTIONS.contains(proj)) throw new IllegalArgumentException("score coarse: proj must be one of " + String.join(", ", PROJECTIONS) + ", got '" + proj + "'");
                boolean lqf = proj.equals("lqf");
                for (String key : List.of("iterations", "ridge")) {
                    if (!lqf && p.containsKey(key)) throw new IllegalArgumentException("score coarse: " + key + " applies to proj=lqf only, got proj=" + proj);
                }
                int k;
                if (p.containsKey("k")) {
                    double kk = number(name, p, "k", 1);
                    if (kk != Math.rint(kk) || kk < 1 || kk >= train.dim()) {
                        throw new IllegalArgumentException("score coarse: k must be an integer in [1, D-1 = " + (train.dim() - 1) + "], got " + p.get("k"));
                    }
                    k = (int) kk;
                } else {
                    k = estimatedDim(train, threads, seed);
                }
                int lo = lqf ? LocalQuadraticProjection.coefficients(k) : k + 1;
                double nb = number(name, p, "neighbours", lqf ? LocalQuadraticProjection.defaultNeighbours(k, train.size()) : Math.min(train.size(), Math.max(10, 4 * k)));
                if (nb != Math.rint(nb) || nb < lo || nb > train.size()) {
                    throw new IllegalArgumentException("score coarse: neighbours must be an integer in [" + (lqf ? "k(k+1)/2+k+1" : "k+1") + " = " + lo
                            + ", N = " + train.size() + "]" + (lqf ? " for proj=lqf" : "") + ", got " + p.get("neighbours"));
                }
                double sw = number(name, p, "switch", DEFAULT_SWITCH);
                if (!(sw >= 0) || Double.isInfinite(sw)) throw new IllegalArgumentException("score coarse: switch must be >= 0 and finite, got " + p.get("switch"));
                ManifoldProjection pr;
                if (lqf) {
                    double it = number(name, p, "iterations", LocalQuadraticProjection.DEFAULT_ITERATIONS);
                    if (it != Math.rint(it) || it < 0 || it > 100) throw new IllegalArgumentException("score coarse: iterations must be an integer in [0, 100], got " + p.get("iterations"));
                    double ridge = number(name, p, "ridge", LocalQuadraticProjection.DEFAULT_RIDGE);
                    if (!(ridge >= 0) || Double.isInfinite(ridge)) throw new IllegalArgumentException("score coarse: ridge must be >= 0 and finite, got " + p.get("ridge"));
                    pr = new LocalQuadraticProjection(train, k, (int) nb, (int) it, ridge);
                } else {
                    pr = new LocalPcaProjection(train, k, (int) nb, threads);
                }
                return sw > 0 ? new CoarseScore(pr, EmpiricalScore.exact(train), sw) : new CoarseScore(pr);
            }
            default -> throw new IllegalArgumentException("unknown score family '" + name + "'; valid: " + String.join(", ", NAMES));
        }
    }

    /** The TwoNN estimate of the training set's intrinsic dimension, rounded into [1, D-1]. */
    static int estimatedDim(TrainingPanels train, int threads, long seed) {
        if (train.size() < 3) throw new IllegalArgumentException("score coarse: estimating k needs N >= 3 points, got " + train.size() + "; give k=K");
        double est = Estimators.byName("twonn", seed).estimate(new PointCloud(train.toMatrix(), train.size(), train.dim(), threads)).global();
        return (int) Math.max(1, Math.min(train.dim() - 1, Math.round(est)));
    }

    private static Map<String, String> params(String name, String rest) {
        return KeyValues.parse(rest, kv -> new IllegalArgumentException("score " + name + ": parameter '" + kv + "' must be key=value"));
    }

    private static void allow(String name, Map<String, String> p, String... allowed) {
        for (String key : p.keySet()) {
            if (!List.of(allowed).contains(key)) {
                throw new IllegalArgumentException("score " + name + ": unknown parameter '" + key + "'; allowed: data"
                        + (allowed.length == 0 ? "" : ", " + String.join(", ", allowed)));
            }
        }
    }

    private static double number(String name, Map<String, String> p, String key, double dflt) {
        String v = p.get(key);
        if (v == null) return dflt;
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("score " + name + ": " + key + " must be a number, got '" + v + "'");
        }
    }
}

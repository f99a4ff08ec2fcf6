package org.diffold.lab.experiment.generalization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.diffold.lab.experiment.common.LogLogFit;

/**
 * The cells of a run (settings merged with results) and the log-log fits of the metrics against N per
 * (manifold, D, score), with the theory's exponents -1/k (empirical measure) and -beta/(4k) (coarse score).
 */
public record GeneralizationResult(GeneralizationConfig config, List<Map<String, Object>> cells, List<Map<String, Object>> fashion,
                                   List<Map<String, Object>> fits) {
    /** Metrics fitted against N. */
    public static final List<String> FITTED = List.of("coverage_delta", "nn_distance_median", "manifold_distance");
    /** Keys of a cell in the JSON output, in order. */
    public static final List<String> CELL_KEYS = List.of("manifold", "k", "D", "N", "score", "memorized_fraction", "manifold_distance",
            "coverage_delta", "nn_distance_median", "mass_ratio_min", "mass_ratio_max", "sw", "mmd2", "settings", "seconds");

    /** Builds the fits from the cells. */
    public static GeneralizationResult of(GeneralizationConfig cfg, List<Map<String, Object>> cells, List<Map<String, Object>> fashion) {
        Map<String, List<Map<String, Object>>> groups = new TreeMap<>();
        for (Map<String, Object> c : cells) groups.computeIfAbsent(c.get("manifold") + "|" + c.get("D") + "|" + c.get("score"), x -> new ArrayList<>()).add(c);
        List<Map<String, Object>> fits = new ArrayList<>();
        for (List<Map<String, Object>> g : groups.values()) {
            if (g.size() < 2) continue;
            Map<String, Object> first = g.get(0);
            int k = num(first, "k").intValue();
            for (String metric : FITTED) {
                double[] x = new double[g.size()], y = new double[g.size()];
                boolean ok = true;
                for (int i = 0; i < g.size(); i++) {
                    x[i] = num(g.get(i), "N").doubleValue();
                    y[i] = num(g.get(i), metric).doubleValue();
                    ok &= y[i] > 0;
                }
                if (!ok) continue;
                LogLogFit f = LogLogFit.of(x, y);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("manifold", first.get("manifold"));
                m.put("k", k);
                m.put("D", first.get("D"));
                m.put("score", first.get("score"));
                m.put("metric", metric);
                m.put("slope", f.slope());
                m.put("r2", Double.isNaN(f.r2()) ? null : f.r2());
                m.put("points", f.points());
                m.put("theory_empirical", -1.0 / k);
                m.put("theory_coarse", -cfg.beta() / (4.0 * k));
                fits.add(m);
            }
        }
        return new GeneralizationResult(cfg, cells, fashion, fits);
    }

    /** A number field. */
    static Number num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) throw new IllegalStateException("cell field " + key + " is " + v);
        return n;
    }

    /** The fit of (manifold, D, score, metric), or null. */
    public Map<String, Object> fit(String manifold, int dim, String score, String metric) {
        for (Map<String, Object> f : fits) {
            if (f.get("manifold").equals(manifold) && num(f, "D").intValue() == dim && f.get("score").equals(score) && f.get("metric").equals(metric)) return f;
        }
        return null;
    }

    /**
     * The JSON map {"cells": [...], "fits": [...]} (the caller adds "report"); Fashion-MNIST rows are cells with
     * manifold "fashion-mnist" and no manifold metrics (null).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> cs = new ArrayList<>();
        for (Map<String, Object> c : cells) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String k : CELL_KEYS) m.put(k, finite(c.get(k)));
            cs.add(m);
        }
        for (Map<String, Object> f : fashion) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String k : CELL_KEYS) m.put(k, null);
            m.put("manifold", "fashion-mnist");
            m.put("D", 784);
            for (String k : List.of("N", "score", "memorized_fraction", "nn_distance_median", "seconds")) m.put(k, f.get(k));
            cs.add(m);
        }
        out.put("cells", cs);
        out.put("fits", fits);
        return out;
    }

    private static Object finite(Object v) {
        return v instanceof Double d && !Double.isFinite(d) ? null : v;
    }
}

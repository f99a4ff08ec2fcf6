package org.diffold.core.solver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings the libraries expose, with their defaults (docs/math.md §3.3): ancestral / SDE strength {@code eta}
 * (1), noise scale {@code s_noise} (1), Karras churn {@code s_churn} (0), {@code s_tmin} (0), {@code s_tmax} (inf),
 * LMS / UniPC {@code order}, 2M-SDE {@code solver_type} (midpoint | heun), UniPC {@code solver_type} (bh2 | bh1),
 * UniPC {@code corrector} (true), {@code lower_order_final} (true) and the starting law {@code init}:
 * {@code sigma} (x = sigma_0 Z, k-diffusion) or {@code vp} (x = sqrt(1 + sigma_0^2) Z, diffusers' init_noise_sigma
 * for leading spacing, which is N(0, I) in the variance-preserving view).
 */
public record SolverSettings(double eta, double sNoise, double sChurn, double sTmin, double sTmax, int order,
                             String solverType, boolean corrector, boolean lowerOrderFinal, String init,
                             Map<String, String> given) {
    /** Keys a spec may set. */
    public static final List<String> KEYS = List.of("eta", "s_noise", "s_churn", "s_tmin", "s_tmax", "order",
            "solver_type", "corrector", "lower_order_final", "init");

    /** Parses {@code key=value,...} for the solver {@code name} with its default order and solver type. */
    public static SolverSettings parse(String name, String rest, int defaultOrder, String defaultType) {
        Map<String, String> p = new LinkedHashMap<>();
        if (!rest.isBlank()) {
            for (String kv : rest.split(",")) {
                int eq = kv.indexOf('=');
                String key = eq < 0 ? kv.trim() : kv.substring(0, eq).trim().toLowerCase(Locale.ROOT).replace('-', '_');
                if (eq < 0 || !KEYS.contains(key)) {
                    throw new IllegalArgumentException("sampler " + name + ": bad setting '" + kv.trim() + "'; allowed: "
                            + String.join(", ", KEYS) + " as key=value");
                }
                p.put(key, kv.substring(eq + 1).trim());
            }
        }
        double eta = number(name, p, "eta", 1), sNoise = number(name, p, "s_noise", 1), sChurn = number(name, p, "s_churn", 0);
        double sTmin = number(name, p, "s_tmin", 0), sTmax = number(name, p, "s_tmax", Double.POSITIVE_INFINITY);
        if (!(eta >= 0) || Double.isInfinite(eta)) throw bad(name, "eta", p.get("eta"), "a number >= 0");
        if (!(sNoise >= 0) || Double.isInfinite(sNoise)) throw bad(name, "s_noise", p.get("s_noise"), "a number >= 0");
        if (!(sChurn >= 0) || Double.isInfinite(sChurn)) throw bad(name, "s_churn", p.get("s_churn"), "a number >= 0");
        int order = defaultOrder;
        if (p.containsKey("order")) {
            try { order = Integer.parseInt(p.get("order")); } catch (NumberFormatException e) { throw bad(name, "order", p.get("order"), "an integer"); }
            if (order < 1 || order > 4) throw bad(name, "order", p.get("order"), "1, 2, 3 or 4");
        }
        String type = p.getOrDefault("solver_type", defaultType);
        String init = p.getOrDefault("init", "sigma");
        if (!init.equals("sigma") && !init.equals("vp")) throw bad(name, "init", init, "sigma or vp");
        return new SolverSettings(eta, sNoise, sChurn, sTmin, sTmax, order, type, bool(name, p, "corrector", true),
                bool(name, p, "lower_order_final", true), init, Map.copyOf(p));
    }

    /** Defaults only. */
    public static SolverSettings defaults(String name, int defaultOrder, String defaultType) {
        return parse(name, "", defaultOrder, defaultType);
    }

    /** The initial standard deviation for a grid starting at sigma_0. */
    public double initStd(double sigma0) {
        return init.equals("vp") ? Math.sqrt(1 + sigma0 * sigma0) : sigma0;
    }

    /** {@code name} followed by the settings that were given, in a stable order. */
    public String describe(String name) {
        StringBuilder b = new StringBuilder(name);
        char sep = ':';
        for (String k : KEYS) {
            if (given.containsKey(k)) { b.append(sep).append(k).append('=').append(given.get(k)); sep = ','; }
        }
        return b.toString();
    }

    /** Rejects a setting that the solver ignores, so that a typo never passes silently. */
    public void only(String name, String... keys) {
        List<String> ok = List.of(keys);
        for (String k : given.keySet()) {
            if (!ok.contains(k)) throw new IllegalArgumentException("sampler " + name + " has no setting '" + k + "'; its settings: "
                    + (keys.length == 0 ? "none" : String.join(", ", keys)));
        }
    }

    /** Karras churn gamma_i = min(s_churn / N, sqrt 2 - 1) when s_tmin <= sigma_i <= s_tmax, else 0. */
    public double churn(double sigma, int steps) {
        return sTmin <= sigma && sigma <= sTmax ? Math.min(sChurn / steps, Math.sqrt(2) - 1) : 0;
    }

    private static boolean bool(String name, Map<String, String> p, String key, boolean dflt) {
        String v = p.get(key);
        if (v == null) return dflt;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw bad(name, key, v, "true or false");
        };
    }

    private static double number(String name, Map<String, String> p, String key, double dflt) {
        String v = p.get(key);
        if (v == null) return dflt;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw bad(name, key, v, "a number");
        }
    }

    private static IllegalArgumentException bad(String name, String key, String value, String allowed) {
        return new IllegalArgumentException("sampler " + name + ": " + key + "='" + value + "' is not allowed; expected " + allowed);
    }
}

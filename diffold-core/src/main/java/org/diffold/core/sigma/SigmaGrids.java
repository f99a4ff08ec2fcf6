package org.diffold.core.sigma;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.diffold.core.spec.KeyValues;
import java.util.Set;

/**
 * Parses a sigma-grid spec {@code NAME[:key=value,...]} for n steps (docs/math.md §3.3), accepting the spellings of
 * k-diffusion and diffusers:
 * <ul>
 * <li>{@code karras[:rho=7,sigma_min=0.002,sigma_max=80]} (also {@code use_karras_sigmas}), {@code exponential}
 *     ({@code use_exponential_sigmas}), {@code polyexponential[:rho=1]}: k-diffusion's get_sigmas_*; instead of
 *     sigma_min/sigma_max they take the range of a training schedule with {@code schedule=..} (diffusers'
 *     use_karras_sigmas);
 * <li>{@code vp[:beta_d=19.9,beta_min=0.1,eps_s=1e-3]};
 * <li>{@code linspace}, {@code leading}, {@code trailing}
 *     {@code [:schedule=linear|scaled_linear|squaredcos_cap_v2|sigmoid,T=1000,beta_start=..,beta_end=..,steps_offset=0,zero_snr=false]}:
 *     diffusers' timestep spacings on a training schedule, sigma_t = sqrt((1 - abar_t) / abar_t);
 * <li>{@code list:s0,s1,...}: explicit values (n is ignored).
 * </ul>
 * Every spec takes {@code final=zero} (default: append 0, k-diffusion and diffusers' final_sigmas_type=zero),
 * {@code final=sigma_min} (append the training schedule's smallest sigma, or sigma_min: diffusers'
 * final_sigmas_type=sigma_min, which repeats the last Karras sigma) or {@code final=none} (stop at the last sigma and
 * compare with the early-stopped law there).
 */
public final class SigmaGrids {
    /** Canonical names. */
    public static final List<String> NAMES = List.of("karras", "exponential", "polyexponential", "vp", "linspace", "leading", "trailing", "list");
    private static final Set<String> TRAINING = Set.of("schedule", "T", "beta_start", "beta_end", "zero_snr");

    private SigmaGrids() {}

    /** Maps users' spellings to a canonical name, or returns the input. */
    static String canonical(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "use_karras_sigmas", "karras_sigmas", "karras-sigmas" -> "karras";
            case "use_exponential_sigmas", "exponential_sigmas", "exponential-sigmas" -> "exponential";
            case "poly-exponential", "poly_exponential" -> "polyexponential";
            case "sigmas" -> "list";
            default -> n;
        };
    }

    /** Maps a training-schedule spelling (diffusers or ours) to diffusers' name. */
    static String trainingName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (n) {
            case "cosine", "squaredcos", "squaredcos_cap_v2" -> "squaredcos_cap_v2";
            default -> n;
        };
    }

    /** The grid for {@code n} >= 1 steps before the final level. Errors name the parameter, the value and what is allowed. */
    public static SigmaGrid parse(String spec, int n) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String name = canonical(colon < 0 ? s : s.substring(0, colon));
        String rest = colon < 0 ? "" : s.substring(colon + 1);
        if (name.equals("list")) return list(rest);
        if (n < 1) throw new IllegalArgumentException("--steps must be >= 1, got " + n);
        Map<String, String> p = params(name, rest);
        String fin = p.getOrDefault("final", "zero").replace('-', '_');
        double[] values;
        double trainingMin;
        switch (name) {
            case "karras", "exponential", "polyexponential" -> {
                allow(name, p, "sigma_min", "sigma_max", "rho", "final", "schedule", "T", "beta_start", "beta_end", "zero_snr");
                double lo = SigmaSchedules.SIGMA_MIN, hi = SigmaSchedules.SIGMA_MAX;
                if (p.keySet().stream().anyMatch(TRAINING::contains)) {
                    double[] train = TrainingSchedules.sigmas(trainingBetas(name, p));
                    lo = train[0];
                    hi = train[train.length - 1];
                }
                lo = number(name, p, "sigma_min", lo);
                hi = number(name, p, "sigma_max", hi);
                trainingMin = lo;
                values = switch (name) {
                    case "karras" -> SigmaSchedules.karras(n, lo, hi, number(name, p, "rho", SigmaSchedules.RHO));
                    case "exponential" -> { if (p.containsKey("rho")) throw bad(name, "rho", p.get("rho"), "no rho for exponential; use polyexponential"); yield SigmaSchedules.exponential(n, lo, hi); }
                    default -> SigmaSchedules.polyexponential(n, lo, hi, number(name, p, "rho", 1));
                };
            }
            case "vp" -> {
                allow(name, p, "beta_d", "beta_min", "eps_s", "final");
                values = SigmaSchedules.vp(n, number(name, p, "beta_d", SigmaSchedules.BETA_D),
                        number(name, p, "beta_min", SigmaSchedules.BETA_MIN), number(name, p, "eps_s", SigmaSchedules.EPS_S));
                trainingMin = values[values.length - 1];
            }
            case "linspace", "leading", "trailing" -> {
                allow(name, p, "schedule", "T", "beta_start", "beta_end", "zero_snr", "steps_offset", "final");
                double[] train = TrainingSchedules.sigmas(trainingBetas(name, p));
                int[] t = TimestepSpacing.parse(name).timesteps(train.length, n, integer(name, p, "steps_offset", 0));
                values = new double[n];
                for (int i = 0; i < n; i++) values[i] = train[t[i]];
                trainingMin = train[0];
            }
            default -> throw new IllegalArgumentException("unknown sigma grid '" + name + "'; valid: " + String.join(", ", NAMES)
                    + " (k-diffusion and diffusers spellings such as use_karras_sigmas are accepted)");
        }
        double[] out = switch (fin) {
            case "zero" -> append(values, 0);
            case "sigma_min" -> append(values, trainingMin);
            case "none" -> values;
            default -> throw bad(name, "final", fin, "zero, sigma_min or none");
        };
        if (out.length < 2) throw new IllegalArgumentException("sigma grid " + name + " with final=none needs --steps >= 2, got " + n);
        return new SigmaGrid(describe(name, p, n), out);
    }

    private static SigmaGrid list(String rest) {
        String[] parts = rest.isBlank() ? new String[0] : rest.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) v[i] = parse("list", "sigma_" + i, parts[i]);
        return new SigmaGrid("list:" + rest.trim(), v);
    }

    private static double[] trainingBetas(String name, Map<String, String> p) {
        String sched = trainingName(p.getOrDefault("schedule", "linear"));
        boolean sd = sched.equals("scaled_linear");
        double start = number(name, p, "beta_start", sd ? TrainingSchedules.SD_BETA_START : TrainingSchedules.BETA_START);
        double end = number(name, p, "beta_end", sd ? TrainingSchedules.SD_BETA_END : TrainingSchedules.BETA_END);
        double[] b = TrainingSchedules.betas(sched, integer(name, p, "T", 1000), start, end);
        String z = p.getOrDefault("zero_snr", "false");
        if (!List.of("true", "false", "1", "0").contains(z)) throw bad(name, "zero_snr", z, "true or false");
        return z.equals("true") || z.equals("1") ? TrainingSchedules.rescaleZeroTerminalSnr(b) : b;
    }

    private static double[] append(double[] v, double last) {
        double[] out = java.util.Arrays.copyOf(v, v.length + 1);
        out[v.length] = last;
        return out;
    }

    private static String describe(String name, Map<String, String> p, int n) {
        StringBuilder b = new StringBuilder(name).append(':');
        p.forEach((k, v) -> { if (!k.equals("final")) b.append(k).append('=').append(v).append(','); });
        return b.append("n=").append(n).append(",final=").append(p.getOrDefault("final", "zero")).toString();
    }

    private static Map<String, String> params(String name, String rest) {
        Map<String, String> out = new LinkedHashMap<>();
        KeyValues.parse(rest, kv -> new IllegalArgumentException("sigma grid " + name + ": bad parameter '" + kv + "'; use key=value"))
                .forEach((k, v) -> out.put(k.replace('-', '_'), v));
        return out;
    }

    private static void allow(String name, Map<String, String> p, String... keys) {
        List<String> allowed = List.of(keys);
        for (String k : p.keySet()) {
            if (!allowed.contains(k)) throw new IllegalArgumentException("sigma grid " + name + ": unexpected parameter '" + k + "'; allowed: " + String.join(", ", keys));
        }
    }

    private static double number(String name, Map<String, String> p, String key, double dflt) {
        String v = p.get(key);
        return v == null ? dflt : parse(name, key, v);
    }

    private static double parse(String name, String key, String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw bad(name, key, v.trim(), "a number");
        }
    }

    private static int integer(String name, Map<String, String> p, String key, int dflt) {
        String v = p.get(key);
        if (v == null) return dflt;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad(name, key, v, "an integer");
        }
    }

    private static IllegalArgumentException bad(String name, String key, String value, String allowed) {
        return new IllegalArgumentException("sigma grid " + name + ": " + key + "='" + value + "' is not allowed; expected " + allowed);
    }
}

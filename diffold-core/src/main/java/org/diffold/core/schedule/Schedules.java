package org.diffold.core.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link NoiseSchedule} from a printable spec {@code name[:key=value,...]}:
 * {@code li-yan[:c0=2,c1=4]}, {@code linear[:start=1e-4,end=0.02]}, {@code cosine[:s=0.008]},
 * {@code betas:b1,b2,...} (explicit array; its length must equal the step count).
 */
public final class Schedules {
    /** Valid schedule names. */
    public static final List<String> NAMES = List.of("li-yan", "linear", "cosine", "betas");

    private Schedules() {}

    /** Parses the spec for T = {@code steps}; errors name the parameter, the value and what is allowed. */
    public static NoiseSchedule parse(String spec, int steps) {
        if (steps < 2) throw new IllegalArgumentException("--steps must be >= 2, got " + steps);
        String s = spec.trim();
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        String rest = colon < 0 ? "" : s.substring(colon + 1);
        switch (name) {
            case "li-yan": {
                Map<String, Double> p = params(name, rest, List.of("c0", "c1"));
                return LiYanSchedule.create(steps, p.getOrDefault("c0", LiYanSchedule.DEFAULT_C0),
                        p.getOrDefault("c1", LiYanSchedule.DEFAULT_C1));
            }
            case "linear": {
                Map<String, Double> p = params(name, rest, List.of("start", "end"));
                return LinearSchedule.create(steps, p.getOrDefault("start", LinearSchedule.DEFAULT_START),
                        p.getOrDefault("end", LinearSchedule.DEFAULT_END));
            }
            case "cosine": {
                Map<String, Double> p = params(name, rest, List.of("s"));
                return CosineSchedule.create(steps, p.getOrDefault("s", CosineSchedule.DEFAULT_S));
            }
            case "betas": {
                String[] parts = rest.isEmpty() ? new String[0] : rest.split(",");
                if (parts.length != steps) {
                    throw new IllegalArgumentException("schedule betas: has " + parts.length
                            + " values but --steps is " + steps + "; give exactly one beta per step");
                }
                double[] b = new double[parts.length];
                for (int i = 0; i < parts.length; i++) b[i] = number("betas", "beta_" + (i + 1), parts[i]);
                return new NoiseSchedule("betas:" + rest, b);
            }
            default:
                throw new IllegalArgumentException("unknown schedule '" + name + "'; valid: " + String.join(", ", NAMES));
        }
    }

    private static Map<String, Double> params(String name, String rest, List<String> allowed) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (rest.isEmpty()) return out;
        for (String kv : rest.split(",")) {
            int eq = kv.indexOf('=');
            String key = eq < 0 ? kv.trim() : kv.substring(0, eq).trim();
            if (eq < 0 || !allowed.contains(key)) {
                throw new IllegalArgumentException("schedule " + name + ": bad parameter '" + kv.trim()
                        + "'; allowed: " + String.join(", ", allowed) + " as key=value");
            }
            out.put(key, number(name, key, kv.substring(eq + 1)));
        }
        return out;
    }

    private static double number(String name, String key, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("schedule " + name + ": " + key + " must be a number, got '" + text.trim() + "'");
        }
    }
}

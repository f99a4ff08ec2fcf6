package org.diffold.core.grid;

import java.util.List;
import java.util.Map;
import org.diffold.core.spec.KeyValues;

/**
 * Factories and the printable spec of time grids (docs/math.md §2.3):
 * {@code potaptchik:kappa=..,L=..,M=..} (or {@code kappa=..,K=..,L=..}, or {@code kappa=..,T=..,delta=..}),
 * {@code benton:T=..,delta=..,N=..} and {@code uniform:T=..,delta=..,K=..}.
 */
public final class TimeGrids {
    /** Valid grid names. */
    public static final List<String> NAMES = List.of("potaptchik", "benton", "uniform");

    private TimeGrids() {}

    /**
     * Benton et al.'s grid with N steps (2308.03686): the first ceil(N/2) steps uniform on reverse times [0, T - 1],
     * the remaining floor(N/2) geometric from forward time 1 down to delta, s = delta^{m / floor(N/2)}.
     * Needs T &gt; 1, delta in (0, 1), N &gt;= 2.
     */
    public static TimeGrid benton(double horizon, double delta, int steps) {
        if (!(horizon > 1) || Double.isInfinite(horizon)) throw new IllegalArgumentException("T must be finite and > 1, got " + horizon);
        PotaptchikGrid.checkDelta(delta);
        if (steps < 2) throw new IllegalArgumentException("N must be >= 2, got " + steps);
        int n1 = (steps + 1) / 2, n2 = steps - n1;
        double[] s = new double[steps + 1];
        for (int k = 0; k <= n1; k++) s[k] = horizon - (horizon - 1) * k / n1;
        s[n1] = 1;
        double ld = Math.log(delta);
        for (int m = 1; m <= n2; m++) s[n1 + m] = Math.exp(ld * m / n2);
        s[steps] = delta;
        return new TimeGrid("benton:T=" + horizon + ",delta=" + delta + ",N=" + steps, s);
    }

    /** The plain uniform grid (baseline): K equal steps from forward time T down to delta &lt; T. */
    public static TimeGrid uniform(double horizon, double delta, int steps) {
        if (!(horizon > 0) || Double.isInfinite(horizon)) throw new IllegalArgumentException("T must be finite and > 0, got " + horizon);
        if (!(delta > 0 && delta < horizon)) throw new IllegalArgumentException("delta must be in (0, T=" + horizon + "), got " + delta);
        if (steps < 1) throw new IllegalArgumentException("K must be >= 1, got " + steps);
        double[] s = new double[steps + 1];
        for (int k = 0; k < steps; k++) s[k] = horizon - (horizon - delta) * k / steps;
        s[steps] = delta;
        return new TimeGrid("uniform:T=" + horizon + ",delta=" + delta + ",K=" + steps, s);
    }

    /** Parses a grid spec; errors name the parameter, the value and what is allowed. */
    public static TimeGrid parse(String spec) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        Map<String, String> p = params(name, colon < 0 ? "" : s.substring(colon + 1));
        switch (name) {
            case "potaptchik": {
                double kappa = number(name, p, "kappa");
                if (p.containsKey("T") || p.containsKey("delta")) {
                    only(name, p, "kappa", "T", "delta");
                    return PotaptchikGrid.forHorizon(kappa, number(name, p, "T"), number(name, p, "delta")).grid();
                }
                if (p.containsKey("K")) {
                    only(name, p, "kappa", "K", "L");
                    return PotaptchikGrid.ofSteps(kappa, integer(name, p, "K"), integer(name, p, "L")).grid();
                }
                only(name, p, "kappa", "L", "M");
                return PotaptchikGrid.of(kappa, integer(name, p, "L"), integer(name, p, "M")).grid();
            }
            case "benton":
                only(name, p, "T", "delta", "N");
                return benton(number(name, p, "T"), number(name, p, "delta"), integer(name, p, "N"));
            case "uniform":
                only(name, p, "T", "delta", "K");
                return uniform(number(name, p, "T"), number(name, p, "delta"), integer(name, p, "K"));
            default:
                throw new IllegalArgumentException("unknown grid '" + name + "'; valid: " + String.join(", ", NAMES));
        }
    }

    private static Map<String, String> params(String name, String rest) {
        return KeyValues.parse(rest, kv -> new IllegalArgumentException("grid " + name + ": bad parameter '" + kv + "'; use key=value"));
    }

    private static void only(String name, Map<String, String> p, String... keys) {
        List<String> allowed = List.of(keys);
        for (String k : p.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("grid " + name + ": unexpected parameter '" + k + "'; expected " + String.join(", ", keys));
            }
        }
        for (String k : keys) {
            if (!p.containsKey(k)) throw new IllegalArgumentException("grid " + name + ": missing parameter " + k + "; expected " + String.join(", ", keys));
        }
    }

    private static double number(String name, Map<String, String> p, String key) {
        String v = p.get(key);
        if (v == null) throw new IllegalArgumentException("grid " + name + ": missing parameter " + key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("grid " + name + ": " + key + " must be a number, got '" + v + "'");
        }
    }

    private static int integer(String name, Map<String, String> p, String key) {
        String v = p.get(key);
        if (v == null) throw new IllegalArgumentException("grid " + name + ": missing parameter " + key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("grid " + name + ": " + key + " must be an integer, got '" + v + "'");
        }
    }
}

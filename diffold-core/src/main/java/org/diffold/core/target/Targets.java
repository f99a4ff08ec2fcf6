package org.diffold.core.target;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.random.RandomStreams;

/**
 * Builds a subspace target from a spec {@code name[:key=value,...]}:
 * {@code gaussian-subspace[:k=8,lambda=1]}, {@code gmm-subspace[:k=8,components=16,lambda=0.1]},
 * {@code product-subspace[:k=8]} (factor {@link Mixture1D#defaultFactor()}). The random subspace U and the
 * mixture means come from {@code seed} through named child streams, so the same seed gives the same target.
 */
public final class Targets {
    /** Valid target names. */
    public static final List<String> NAMES = List.of("gaussian-subspace", "gmm-subspace", "product-subspace");

    private Targets() {}

    /**
     * @param spec target spec; a {@code k=} inside it overrides {@code k}
     * @param dim ambient dimension D
     * @param k intrinsic dimension, 1 <= k <= D
     * @param seed seed of the subspace and mixture parameters
     */
    public static SubspaceTarget parse(String spec, int dim, int k, long seed) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        Map<String, Double> p = params(name, colon < 0 ? "" : s.substring(colon + 1));
        int kk = p.containsKey("k") ? integer(name, "k", p.get("k")) : k;
        RandomStreams streams = new RandomStreams(seed);
        switch (name) {
            case "gaussian-subspace": {
                allow(name, p, "k", "lambda");
                Subspace u = subspace(dim, kk, streams);
                return new GaussianSubspaceTarget(u, p.getOrDefault("lambda", GaussianSubspaceTarget.DEFAULT_LAMBDA));
            }
            case "gmm-subspace": {
                allow(name, p, "k", "components", "lambda");
                Subspace u = subspace(dim, kk, streams);
                int comps = p.containsKey("components") ? integer(name, "components", p.get("components"))
                        : GmmSubspaceTarget.DEFAULT_COMPONENTS;
                return GmmSubspaceTarget.random(u, comps, p.getOrDefault("lambda", GmmSubspaceTarget.DEFAULT_LAMBDA),
                        streams.child("mixture").stream(0));
            }
            case "product-subspace": {
                allow(name, p, "k");
                return new ProductSubspaceTarget(subspace(dim, kk, streams), Mixture1D.defaultFactor());
            }
            default:
                throw new IllegalArgumentException("unknown target '" + name + "'; valid: " + String.join(", ", NAMES));
        }
    }

    private static Subspace subspace(int dim, int k, RandomStreams streams) {
        Subspace.checkDims(dim, k);
        SplittableRandom rng = streams.child("subspace").stream(0);
        return Subspace.random(dim, k, rng);
    }

    private static void allow(String name, Map<String, Double> p, String... keys) {
        List<String> allowed = List.of(keys);
        for (String key : p.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("target " + name + ": unknown parameter '" + key + "'; allowed: "
                        + String.join(", ", allowed));
            }
        }
    }

    private static Map<String, Double> params(String name, String rest) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (rest.isBlank()) return out;
        for (String kv : rest.split(",")) {
            int eq = kv.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("target " + name + ": parameter '" + kv.trim() + "' must be key=value");
            String key = kv.substring(0, eq).trim();
            try {
                out.put(key, Double.parseDouble(kv.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("target " + name + ": " + key + " must be a number, got '" + kv.substring(eq + 1).trim() + "'");
            }
        }
        return out;
    }

    private static int integer(String name, String key, double v) {
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("target " + name + ": " + key + " must be an integer, got " + v);
        }
        return (int) v;
    }
}

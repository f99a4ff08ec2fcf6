package org.diffold.core.manifold;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.diffold.core.spec.KeyValues;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.random.RandomStreams;

/**
 * Builds a data manifold in R^D from a spec {@code name[:key=value,...]} (the CLI's {@code --manifold}):
 * <ul>
 *   <li>{@code circle[:radius=1,weights=a/b/...]}, {@code helix[:weights=...]}, {@code torus[:r1=1,r2=0.5,weights1=..,weights2=..]},
 *       {@code sphere[:d=2,radius=1]} (S^d in R^{d+1}): curved targets with exact scores ({@link LatentManifoldTarget});</li>
 *   <li>{@code swiss-roll[:weights=...]} (the M7 roll with a density along t);</li>
 *   <li>any of the 24 {@link BenchmarkManifolds} names.</li>
 * </ul>
 * {@code weights=a/b/...} is a piecewise-constant density on equal pieces of the parameter range (uniform without
 * it). A manifold whose own space is smaller than D is placed in R^D by a random orthonormal map drawn from
 * {@code seed} (child stream "manifold-embedding"); curved targets keep their exact score through that map.
 */
public final class Manifolds {
    /** The curved and classic names (the benchmark names are valid too). */
    public static final List<String> NAMES = List.of("circle", "helix", "torus", "sphere", "swiss-roll");

    private Manifolds() {}

    /** All valid names: {@link #NAMES} then the benchmark names. */
    public static List<String> names() {
        List<String> all = new ArrayList<>(NAMES);
        all.addAll(BenchmarkManifolds.names());
        return all;
    }

    /**
     * @param spec manifold spec
     * @param dim ambient dimension D, at least the manifold's own; 0 keeps the manifold's own dimension
     * @param seed seed of the random embedding
     */
    public static DataManifold parse(String spec, int dim, long seed) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        Map<String, String> p = params(name, colon < 0 ? "" : s.substring(colon + 1));
        double twoPi = 2 * Math.PI;
        switch (name) {
            case "circle" -> {
                allow(name, p, "radius", "weights");
                return CurveTarget.circle(number(name, p, "radius", 1), density(name, p.get("weights"), 0, twoPi), map(name, dim, 2, seed));
            }
            case "helix" -> {
                allow(name, p, "weights");
                return CurveTarget.helix(density(name, p.get("weights"), 0, twoPi), map(name, dim, 3, seed));
            }
            case "torus" -> {
                allow(name, p, "r1", "r2", "weights1", "weights2");
                return new TorusTarget(number(name, p, "r1", 1), number(name, p, "r2", 0.5), density(name, p.get("weights1"), 0, twoPi),
                        density(name, p.get("weights2"), 0, twoPi), map(name, dim, 4, seed));
            }
            case "sphere" -> {
                allow(name, p, "d", "radius");
                double d = number(name, p, "d", 2);
                if (d != Math.rint(d) || d < 1 || d > 10_000) throw new IllegalArgumentException("manifold sphere: d must be an integer in [1, 10000], got " + p.get("d"));
                return new SphereTarget(number(name, p, "radius", 1), map(name, dim, (int) d + 1, seed));
            }
            case "swiss-roll" -> {
                allow(name, p, "weights");
                return embed(BenchmarkManifolds.swissRoll(name, density(name, p.get("weights"), 1.5 * Math.PI, 4.5 * Math.PI)), dim, seed);
            }
            default -> {
                if (!BenchmarkManifolds.names().contains(name)) {
                    throw new IllegalArgumentException("unknown manifold '" + name + "'; valid: " + String.join(", ", names()));
                }
                allow(name, p);
                return embed(BenchmarkManifolds.create(name), dim, seed);
            }
        }
    }

    private static Subspace map(String name, int dim, int m, long seed) {
        if (dim == 0 || dim == m) return Subspace.coordinate(m, m);
        if (dim < m) throw new IllegalArgumentException("manifold " + name + " lives in R^" + m + ", cannot be placed in R^" + dim);
        return Subspace.random(dim, m, new RandomStreams(seed).child("manifold-embedding").stream(0));
    }

    private static DataManifold embed(DataManifold base, int dim, long seed) {
        if (dim == 0 || dim == base.dim()) return base;
        return new EmbeddedManifold(base.name(), base, map(base.name(), dim, base.dim(), seed), EmbeddedManifold.Noise.NONE, 0);
    }

    private static ParameterDensity density(String name, String weights, double lo, double hi) {
        if (weights == null) return new UniformDensity(lo, hi);
        String[] parts = weights.split("/");
        double[] w = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("manifold " + name + ": weights must be numbers separated by '/', got '" + weights + "'");
            }
        }
        return new PiecewiseConstantDensity(lo, hi, w);
    }

    private static double number(String name, Map<String, String> p, String key, double dflt) {
        String v = p.get(key);
        if (v == null) return dflt;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("manifold " + name + ": " + key + " must be a number, got '" + v + "'");
        }
    }

    private static void allow(String name, Map<String, String> p, String... keys) {
        List<String> allowed = List.of(keys);
        for (String key : p.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("manifold " + name + ": unknown parameter '" + key + "'"
                        + (allowed.isEmpty() ? "; it takes none" : "; allowed: " + String.join(", ", allowed)));
            }
        }
    }

    private static Map<String, String> params(String name, String rest) {
        return KeyValues.parse(rest, kv -> new IllegalArgumentException("manifold " + name + ": parameter '" + kv + "' must be key=value"));
    }
}

package org.diffold.core.sampler;

import java.util.List;

/** Name -> continuous-time scheme (docs/math.md §3.2). */
public final class Schemes {
    /** Valid names. */
    public static final List<String> NAMES = List.of("ddpm-posterior", "exponential-integrator", "euler-maruyama", "pf-ode-heun");

    private Schemes() {}

    /** Parses a scheme name. */
    public static ContinuousScheme parse(String name) {
        switch (name.trim()) {
            case "ddpm-posterior": return new DdpmPosteriorScheme();
            case "exponential-integrator": return new ExponentialIntegratorScheme();
            case "euler-maruyama": return new EulerMaruyamaScheme();
            case "pf-ode-heun": return new PfOdeHeunScheme();
            default:
                throw new IllegalArgumentException("unknown scheme '" + name + "'; valid: " + String.join(", ", NAMES));
        }
    }

    /** Parses the name of an affine scheme (every scheme except {@code pf-ode-heun}). */
    public static AffineScheme parseAffine(String name) {
        ContinuousScheme s = parse(name);
        if (s instanceof AffineScheme a) return a;
        throw new IllegalArgumentException("scheme '" + name + "' is not affine; affine schemes: ddpm-posterior, exponential-integrator, euler-maruyama");
    }
}

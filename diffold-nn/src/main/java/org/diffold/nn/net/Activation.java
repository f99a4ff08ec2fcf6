package org.diffold.nn.net;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Locale;

/**
 * Hidden-layer nonlinearity: {@code gelu} (Hendrycks &amp; Gimpel 2016; one fused PyTorch op, the default) or
 * {@code silu} x sigmoid(x) (Elfwing et al. 2018; composed of two ops in DJL).
 */
public enum Activation {
    /** Gaussian error linear unit. */
    GELU("gelu"),
    /** Sigmoid-weighted linear unit. */
    SILU("silu");

    /** Valid CLI names. */
    public static final List<String> NAMES = List.of("gelu", "silu");
    private final String cliName;

    Activation(String cliName) { this.cliName = cliName; }

    /** CLI name. */
    public String cliName() { return cliName; }

    /** Parses a CLI name. */
    public static Activation parse(String name) {
        String s = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Activation a : values()) if (a.cliName.equals(s)) return a;
        throw new IllegalArgumentException("unknown activation '" + name + "'; valid: " + String.join(", ", NAMES));
    }

    /** Applies the activation (a new array on x's manager). */
    public NDArray apply(NDArray x) {
        if (this == GELU) return ai.djl.nn.Activation.gelu(x);
        return x.mul(x.getNDArrayInternal().sigmoid());
    }
}

package org.diffold.nn.net;

import java.util.List;
import java.util.Locale;

/**
 * Network body on the input [x, embedding]. With L = depth and h_0 = W_0 input + b_0:
 * {@code mlp}: h_i = W_i act(h_{i-1}) + b_i, i = 1..L-1; {@code resmlp}: h_i = h_{i-1} + W_i act(h_{i-1}) + b_i
 * (He et al. 2016, identity shortcuts). Both end with out = W_L act(h_{L-1}) + b_L, so both have L activations
 * and L + 1 linear layers of the same shapes. {@code unet}: the convolutional body of {@link UnetNetwork} on image
 * rows, laid out by {@link UnetLayout}.
 */
public enum Architecture {
    /** Plain multilayer perceptron. */
    MLP("mlp"),
    /** MLP with identity shortcuts around every hidden layer. */
    RESMLP("resmlp"),
    /** A small U-Net on image rows ({@link UnetNetwork}). */
    UNET("unet");

    /** Valid CLI names. */
    public static final List<String> NAMES = List.of("mlp", "resmlp", "unet");
    private final String cliName;

    Architecture(String cliName) { this.cliName = cliName; }

    /** CLI name. */
    public String cliName() { return cliName; }

    /** Parses a CLI name ({@code residual-mlp} is accepted for resmlp). */
    public static Architecture parse(String name) {
        String s = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "mlp": return MLP;
            case "resmlp": case "residual-mlp": case "res-mlp": return RESMLP;
            case "unet": case "u-net": return UNET;
            default: throw new IllegalArgumentException("unknown architecture '" + name + "'; valid: " + String.join(", ", NAMES));
        }
    }
}

package org.diffold.nn.train;

import java.lang.management.ManagementFactory;
import org.diffold.nn.net.NetworkSpec;

/**
 * Refuses, before any allocation, a network whose training state cannot fit: 4 bytes x parameters x 5 (weights,
 * gradients, two Adam moments, EMA) plus activations of about 4 bytes x batch x (4 width depth + 3 (D + E)),
 * against the machine's physical memory. Also rejects tensors beyond Java's array limit.
 */
public final class MemoryBudget {
    private MemoryBudget() {}

    /** Estimated bytes to train {@code spec} with {@code batch}. */
    public static double trainingBytes(NetworkSpec spec, int batch) {
        double params = spec.parameterCount();
        double act = (double) batch * (4.0 * spec.width() * spec.depth() + 3.0 * spec.inputWidth());
        if (spec.unet() != null) act = (double) batch * unetActivations(spec.unet());
        return 4 * (5 * params + act);
    }

    /**
     * Floats kept for the backward pass per example of a U-Net [ours, rough]: about 24 per channel and pixel of each
     * level (two blocks of about ten saved arrays each, plus the skip and concatenation), at H W / 4^l pixels.
     */
    private static double unetActivations(org.diffold.nn.net.UnetLayout u) {
        double a = 0, pixels = (double) u.shape().height() * u.shape().width();
        for (int l = 0; l <= u.levels(); l++) a += 24.0 * u.channels(l) * pixels / Math.pow(4, l);
        return a;
    }

    /** Throws a one-line IllegalArgumentException when training would not fit. */
    public static void check(NetworkSpec spec, int batch) {
        for (int i = 0; spec.unet() == null && i <= spec.depth(); i++) {
            int[] s = spec.layerShape(i);
            if ((long) s[0] * s[1] > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("network too large: layer " + i + " has " + (long) s[0] * s[1]
                        + " weights, more than one array can hold; reduce --width or --dim");
            }
        }
        double need = trainingBytes(spec, batch);
        double have = physicalMemory();
        if (have > 0 && need > 0.8 * have) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "network too large for memory: %d parameters with batch %d need about %.1f GB to train, this machine has %.1f GB;"
                            + " reduce --width, --depth or --batch", spec.parameterCount(), batch, need / 1e9, have / 1e9));
        }
    }

    private static double physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }
}

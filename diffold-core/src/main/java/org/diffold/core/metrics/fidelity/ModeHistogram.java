package org.diffold.core.metrics.fidelity;

/**
 * A histogram of predicted modes (classes, or Stacked-MNIST's 1000 channel triples) compared with the uniform
 * distribution (docs/math.md §7): modes covered (count > 0) and KL(p || uniform) = sum_m p_m log(M p_m) in nats,
 * 0 for a uniform histogram, log M when one mode has everything.
 *
 * @param counts count of each mode
 */
public record ModeHistogram(long[] counts) {
    /** Checks the counts. */
    public ModeHistogram {
        if (counts.length < 1) throw new IllegalArgumentException("a mode histogram needs at least one mode");
        for (long c : counts) if (c < 0) throw new IllegalArgumentException("mode counts must be >= 0, got " + c);
        counts = counts.clone();
    }

    /** The histogram of labels in [0, modes). */
    public static ModeHistogram of(int[] labels, int modes) {
        long[] c = new long[modes];
        for (int l : labels) {
            if (l < 0 || l >= modes) throw new IllegalArgumentException("label " + l + " is outside [0, " + modes + ")");
            c[l]++;
        }
        return new ModeHistogram(c);
    }

    /**
     * The Stacked-MNIST mode of one sample from its per-channel classes: c0 * C^2 + c1 * C + c2 with C classes
     * (Metz et al. 2017; Srivastava et al. 2017): 1000 modes for 3 channels of 10 classes.
     */
    public static int stackedMode(int[] channelClasses, int classes) {
        int m = 0;
        for (int c : channelClasses) {
            if (c < 0 || c >= classes) throw new IllegalArgumentException("class " + c + " is outside [0, " + classes + ")");
            m = m * classes + c;
        }
        return m;
    }

    /** Number of modes. */
    public int modes() { return counts.length; }

    /** Total count. */
    public long total() {
        long t = 0;
        for (long c : counts) t += c;
        return t;
    }

    /** Modes with a non-zero count. */
    public int covered() {
        int n = 0;
        for (long c : counts) if (c > 0) n++;
        return n;
    }

    /** KL(p || uniform) in nats; NaN for an empty histogram. */
    public double klToUniform() {
        long t = total();
        if (t == 0) return Double.NaN;
        double kl = 0;
        for (long c : counts) {
            if (c == 0) continue;
            double p = (double) c / t;
            kl += p * Math.log(p * counts.length);
        }
        return Math.max(0, kl);
    }
}

package org.diffold.core.dimension;

import java.util.Arrays;
import org.diffold.core.knn.Neighbors;

/**
 * {@code twonn}: Facco, d'Errico, Rodriguez &amp; Laio (Sci. Rep. 7, 12140, 2017), docs/math.md §8. With
 * mu_i = r_2(x_i) / r_1(x_i), the model F(mu) = 1 - mu^{-d} gives -log(1 - F(mu)) = d log mu; d is the
 * least-squares slope through the origin of -log(1 - i/n) against log mu_(i) over the sorted mu, after discarding
 * the largest {@code discard} fraction (the paper's 10%). Global only.
 */
public final class TwoNnEstimator implements IntrinsicDimensionEstimator {
    /** Default discarded fraction of the largest ratios (Facco et al.). */
    public static final double DEFAULT_DISCARD = 0.1;
    private final double discard;

    /** 0 &lt;= discard &lt; 1. */
    public TwoNnEstimator(double discard) {
        if (!(discard >= 0 && discard < 1)) throw new IllegalArgumentException("twonn discard fraction must be in [0, 1), got " + discard);
        this.discard = discard;
    }

    @Override public String name() { return "twonn"; }
    @Override public int neighbors() { return 2; }

    @Override
    public IdEstimate estimate(PointCloud cloud) {
        checkSize(cloud);
        Neighbors nb = cloud.neighbors(2);
        int n = cloud.n();
        double[] logMu = new double[n];
        for (int i = 0; i < n; i++) logMu[i] = Math.log(nb.distance(i, 1) / nb.distance(i, 0));
        Arrays.sort(logMu);
        // keep i = 1..m with m = floor(n (1 - discard)), and always i < n so that 1 - i/n > 0
        int m = Math.min(n - 1, (int) Math.floor(n * (1 - discard)));
        double sxy = 0, sxx = 0;
        for (int i = 1; i <= m; i++) {
            double x = logMu[i - 1], y = -Math.log1p(-(double) i / n);
            sxy += x * y;
            sxx += x * x;
        }
        if (!(sxx > 0)) throw new IllegalArgumentException("twonn: all distance ratios r2/r1 equal 1 (equidistant neighbours); dimension undefined");
        return IdEstimate.global(name(), sxy / sxx);
    }
}

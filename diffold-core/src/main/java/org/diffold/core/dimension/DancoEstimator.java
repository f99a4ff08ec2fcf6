package org.diffold.core.dimension;

import java.util.SplittableRandom;
import org.diffold.core.knn.BruteForceKnn;
import org.diffold.core.knn.Neighbors;
import org.diffold.core.random.RandomStreams;

/**
 * {@code danco}: Dimensionality from Angle and Norm Concentration (Ceruti et al., Pattern Recognition 47, 2014),
 * docs/math.md §8. The data's {@link DancoStatistics} (MIND_ML estimate and von Mises fit of neighbour angles) are
 * compared with those of uniform samples of the unit d-ball for each candidate d; the estimate is the d minimising
 * KL_MIND_ML + KL_vonMises (integer, global only).
 *
 * <p>Choices (ours, stated): the calibration samples have min(n, {@code calibrationSize}) points, seeded per d from
 * the constructor seed; candidates run over d = 1..min(D, 2 ceil(dHat) + 10), dHat the data's MIND_ML estimate
 * (MIND_ML underestimates, never by a factor of two on the benchmark), which keeps D = 784 images affordable.
 * MIND_ML is the uncapped likelihood maximiser on the data and on every calibration ball. scikit-dimension's
 * calibration ({@code _increaseMaxDimByOne}) passes k where its MIND_ML expects the largest dimension, so its
 * calibration estimates are capped at k = 10 (and its data estimate at D): the calibration curve dHat(d) is flat from
 * d of about 12 on and its KL term cannot tell high dimensions apart, part of why its DANCo is less accurate at high
 * d (mean relative error 9.3% against 5.6% here on the benchmark).
 */
public final class DancoEstimator implements IntrinsicDimensionEstimator {
    /** Default neighbourhood size (the paper's and scikit-dimension's k = 10). */
    public static final int DEFAULT_K = 10;
    /** Default largest calibration sample. */
    public static final int DEFAULT_CALIBRATION_SIZE = 1000;
    private final int k, calibrationSize;
    private final long seed;

    /** k >= 2, calibrationSize >= k + 2. */
    public DancoEstimator(int k, int calibrationSize, long seed) {
        if (k < 2) throw new IllegalArgumentException("danco k must be >= 2, got " + k);
        if (calibrationSize < k + 2) throw new IllegalArgumentException("danco calibration size must be >= k + 2 = " + (k + 2) + ", got " + calibrationSize);
        this.k = k;
        this.calibrationSize = calibrationSize;
        this.seed = seed;
    }

    @Override public String name() { return "danco"; }
    @Override public int neighbors() { return k + 1; }

    @Override
    public IdEstimate estimate(PointCloud cloud) {
        checkSize(cloud);
        Neighbors nb = cloud.neighbors(k + 1);
        DancoStatistics data = DancoStatistics.of(cloud.data(), cloud.n(), cloud.dim(), nb, k, cloud.threads());
        int maxD = (int) Math.min(cloud.dim(), 2 * Math.ceil(data.dHat()) + 10);
        int m = Math.max(k + 2, Math.min(cloud.n(), calibrationSize));
        RandomStreams streams = new RandomStreams(seed).child("danco-calibration");
        BruteForceKnn knn = new BruteForceKnn(cloud.threads());
        int best = 1;
        double bestKl = Double.POSITIVE_INFINITY;
        for (int d = 1; d <= maxD; d++) {
            double[] ball = uniformBall(m, d, streams.child("d" + d));
            DancoStatistics cal = DancoStatistics.of(ball, m, d, knn.selfSearch(ball, m, d, k + 1), k, cloud.threads());
            double kl = DancoStatistics.klMindMl(data.dHat(), cal.dHat(), k)
                    + DancoStatistics.klVonMises(data.nu(), data.tau(), cal.nu(), cal.tau());
            if (kl < bestKl) { bestKl = kl; best = d; }
        }
        return IdEstimate.global(name(), best);
    }

    /** m points uniform in the unit d-ball: Gaussian direction times U^{1/d}; point i uses stream i. */
    static double[] uniformBall(int m, int d, RandomStreams streams) {
        double[] out = new double[m * d];
        for (int i = 0; i < m; i++) {
            SplittableRandom rng = streams.stream(i);
            double s = 0;
            for (int j = 0; j < d; j++) { double g = rng.nextGaussian(); out[i * d + j] = g; s += g * g; }
            double scale = Math.pow(rng.nextDouble(), 1.0 / d) / Math.sqrt(s);
            for (int j = 0; j < d; j++) out[i * d + j] *= scale;
        }
        return out;
    }
}

package org.diffold.nn.train;

import java.util.SplittableRandom;
import org.diffold.core.random.RandomStreams;

/**
 * A data set of n rows in R^D (row-major doubles) split once into training and validation rows by a seeded
 * permutation. Construction fails with a one-line message on NaN/Inf values or too few rows.
 */
public final class TrainingData {
    /** Smallest accepted data set. */
    public static final int MIN_ROWS = 10;
    private final int dim;
    private final double[] train;
    private final double[] validation;
    private final String description;
    private final long fingerprint;

    /**
     * @param rows n x D values, row-major (not modified)
     * @param dim D
     * @param validationFraction fraction held out, in [0, 0.5]; at least one row is held out when it is > 0
     * @param seed seed of the split permutation
     * @param description printable origin, e.g. {@code gmm-subspace:k=8 (D=256, n=50000)}
     */
    public TrainingData(double[] rows, int dim, double validationFraction, long seed, String description) {
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        if (rows.length % dim != 0) throw new IllegalArgumentException("data length " + rows.length + " is not a multiple of dim " + dim);
        int n = rows.length / dim;
        if (n < MIN_ROWS) throw new IllegalArgumentException("data set has " + n + " rows; training needs at least " + MIN_ROWS);
        if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 0.5], got " + validationFraction);
        }
        for (int i = 0; i < rows.length; i++) {
            if (!Double.isFinite(rows[i])) {
                throw new IllegalArgumentException("data row " + (i / dim) + ", column " + (i % dim) + " is " + rows[i]
                        + "; remove or impute non-finite values before training");
            }
        }
        int nVal = validationFraction == 0 ? 0 : Math.max(1, (int) Math.round(validationFraction * n));
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        SplittableRandom rng = new RandomStreams(seed).child("split").stream(0);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i]; perm[i] = perm[j]; perm[j] = t;
        }
        this.dim = dim;
        this.validation = new double[nVal * dim];
        this.train = new double[(n - nVal) * dim];
        for (int i = 0; i < n; i++) {
            double[] dst = i < nVal ? validation : train;
            int row = i < nVal ? i : i - nVal;
            System.arraycopy(rows, perm[i] * dim, dst, row * dim, dim);
        }
        this.description = description;
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 * dim);
        for (int i = 0; i < n; i++) {
            b.clear();
            for (int j = 0; j < dim; j++) b.putDouble(rows[i * dim + j]);
            crc.update(b.array());
        }
        this.fingerprint = crc.getValue() ^ ((long) n << 32);
    }

    private TrainingData(int dim, double[] train, double[] validation, String description, long fingerprint) {
        this.dim = dim;
        this.train = train;
        this.validation = validation;
        this.description = description;
        this.fingerprint = fingerprint;
    }

    /**
     * Training rows with their own held-out rows (e.g. Fashion-MNIST's t10k set) instead of a random split; the
     * fingerprint covers both (training rows first). Same checks as the constructor.
     */
    public static TrainingData withHeldOut(double[] train, double[] heldOut, int dim, String description) {
        double[] all = new double[train.length + heldOut.length];
        System.arraycopy(train, 0, all, 0, train.length);
        System.arraycopy(heldOut, 0, all, train.length, heldOut.length);
        TrainingData checked = new TrainingData(all, dim, 0, 0, description);
        if (heldOut.length % dim != 0) throw new IllegalArgumentException("held-out length " + heldOut.length + " is not a multiple of dim " + dim);
        return new TrainingData(dim, train.clone(), heldOut.clone(), description, checked.fingerprint);
    }

    /**
     * sigma_data of the {@code edm} preconditioning: the root mean square of the training values,
     * sqrt(sum_i ||x0_i||^2 / (n D)), the per-coordinate second moment that V = c^2 sigma_data^2 + sigma^2 of
     * {@link org.diffold.nn.net.Parameterisation} assumes (uncentred, so c_in x has second moment 1) [ours].
     * Computed over the training rows only, in row order; at least 1e-12 so that constant-zero data stays usable.
     */
    public double sigmaData() {
        double ss = 0;
        for (double v : train) ss += v * v;
        return Math.max(1e-12, Math.sqrt(ss / train.length));
    }

    /**
     * The whitening of the {@code edm-pca} preconditioning estimated from the training rows
     * ({@link org.diffold.nn.net.WhiteningEstimator}, r at most {@value org.diffold.nn.net.WhiteningEstimator#DEFAULT_MAX_RANK}).
     */
    public org.diffold.nn.net.Whitening whitening() {
        return org.diffold.nn.net.WhiteningEstimator.estimate(train, dim, org.diffold.nn.net.WhiteningEstimator.DEFAULT_MAX_RANK);
    }

    /** CRC-32 of the rows' bits (with n in the high word): identifies the data a checkpoint was trained on. */
    public long fingerprint() { return fingerprint; }

    /** D. */
    public int dim() { return dim; }

    /** Number of training rows. */
    public int trainRows() { return train.length / dim; }

    /** Number of validation rows. */
    public int validationRows() { return validation.length / dim; }

    /** Training rows (shared; do not modify). */
    double[] train() { return train; }

    /** Validation rows (shared; do not modify). */
    double[] validation() { return validation; }

    /** Printable origin. */
    public String description() { return description; }
}

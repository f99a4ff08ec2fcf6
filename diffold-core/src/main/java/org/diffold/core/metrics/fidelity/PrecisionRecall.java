package org.diffold.core.metrics.fidelity;

import org.diffold.core.knn.BruteForceKnn;
import org.diffold.core.knn.Neighbors;
import org.diffold.core.knn.PairwiseScan;

/**
 * Improved precision and recall of a generated set against a real set (Kynkäänniemi, Karras, Laine, Lehtinen &amp;
 * Aila 2019; docs/math.md §7): each point of a set gets the ball whose radius is the distance to its k-th nearest
 * neighbour in its own set (itself excluded); precision is the fraction of generated points inside some real ball,
 * recall the fraction of real points inside some generated ball. The paper uses k = 3; the issue asks for k = 5
 * ({@link #DEFAULT_K}).
 *
 * @param precision fraction of generated points on the real manifold estimate
 * @param recall fraction of real points on the generated manifold estimate
 */
public record PrecisionRecall(double precision, double recall) {
    /** Default k. */
    public static final int DEFAULT_K = 5;

    /** Precision and recall of {@code fake} (nf x d) against {@code real} (nr x d). */
    public static PrecisionRecall of(double[] real, int nr, double[] fake, int nf, int d, int k, int threads) {
        if (nr < k + 1 || nf < k + 1) throw new IllegalArgumentException("precision/recall with k=" + k + " needs more than k rows per set, got " + nr + " and " + nf);
        return new PrecisionRecall(coverage(real, nr, fake, nf, d, k, threads), coverage(fake, nf, real, nr, d, k, threads));
    }

    /** Fraction of {@code queries} inside the union of k-NN balls of {@code ref}. */
    static double coverage(double[] ref, int nr, double[] queries, int nq, int d, int k, int threads) {
        BruteForceKnn knn = new BruteForceKnn(threads);
        Neighbors self = knn.selfSearch(ref, nr, d, k);
        double[] r2 = new double[nr];
        for (int i = 0; i < nr; i++) { double r = self.distance(i, k - 1); r2[i] = r * r; }
        int inside = 0;
        for (int q = 0; q < nq; q++) {
            for (int i = 0; i < nr; i++) {
                if (PairwiseScan.squaredDistance(queries, q, ref, i, d) <= r2[i]) { inside++; break; }
            }
        }
        return (double) inside / nq;
    }
}

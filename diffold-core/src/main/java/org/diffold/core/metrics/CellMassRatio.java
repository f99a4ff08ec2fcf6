package org.diffold.core.metrics;

import org.diffold.core.knn.BruteForceKnn;
import org.diffold.core.knn.Neighbors;

/**
 * "Uniformly comparable" densities (docs/math.md §6) [cells ours]: the manifold is cut into the Voronoi cells of
 * given centers (points on it); the true mass of cell j is the fraction of a dense reference sample nearest to center
 * j, the generated mass the fraction of generated samples nearest to it. Reports the ratios generated / true over the
 * cells with reference mass, their minimum and maximum (a law comparable to the data's has both bounded away from 0
 * and infinity).
 */
public final class CellMassRatio {
    /** Per-cell ratios (NaN where the reference has no point) and their extremes. */
    public record Result(double[] ratios, double min, double max) {}

    private CellMassRatio() {}

    /** Cells from {@code centers} (c rows), reference (m rows), generated (n rows), all of width dim. */
    public static Result measure(double[] centers, int c, double[] reference, int m, double[] generated, int n, int dim, int threads) {
        SampleSets.check("cell centers", centers, c, dim, 1);
        SampleSets.check("reference set", reference, m, dim, 1);
        SampleSets.check("samples", generated, n, dim, 1);
        double[] ref = counts(reference, m, centers, c, dim, threads), gen = counts(generated, n, centers, c, dim, threads);
        double[] ratios = new double[c];
        double min = Double.POSITIVE_INFINITY, max = 0;
        for (int j = 0; j < c; j++) {
            if (ref[j] == 0) { ratios[j] = Double.NaN; continue; }
            ratios[j] = (gen[j] / n) / (ref[j] / m);
            min = Math.min(min, ratios[j]);
            max = Math.max(max, ratios[j]);
        }
        return new Result(ratios, min, max);
    }

    private static double[] counts(double[] x, int nx, double[] centers, int c, int dim, int threads) {
        Neighbors nb = new BruteForceKnn(threads).search(x, nx, centers, c, dim, 1);
        double[] out = new double[c];
        for (int i = 0; i < nx; i++) out[nb.index(i, 0)]++;
        return out;
    }
}

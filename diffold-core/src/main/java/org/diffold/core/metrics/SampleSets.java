package org.diffold.core.metrics;

/** Validation shared by the metrics: shapes, widths and finite rows, with one-line errors naming the set and row. */
public final class SampleSets {
    private SampleSets() {}

    /** Checks that {@code x} holds n finite rows of width dim; {@code name} names the set in the error. */
    public static void check(String name, double[] x, int n, int dim, int minRows) {
        if (dim < 1) throw new IllegalArgumentException(name + ": width must be >= 1, got " + dim);
        if (n < minRows) throw new IllegalArgumentException(name + ": needs at least " + minRows + " row" + (minRows == 1 ? "" : "s") + ", got " + n);
        if (x.length < (long) n * dim) throw new IllegalArgumentException(name + ": holds " + x.length + " values, needs rows*width = " + (long) n * dim);
        for (int i = 0; i < n; i++) {
            for (int k = 0, o = i * dim; k < dim; k++) {
                if (!Double.isFinite(x[o + k])) {
                    throw new IllegalArgumentException(name + ": row " + i + " has a non-finite value (" + x[o + k] + ") in column " + k);
                }
            }
        }
    }

    /** Checks that two sets have the same width. */
    public static void sameWidth(String a, int da, String b, int db) {
        if (da != db) throw new IllegalArgumentException(a + " rows have width " + da + " but " + b + " rows have width " + db + "; they must match");
    }

    /** The p-quantile (0 &lt;= p &lt;= 1) of the values, linear between order statistics; {@code v} is not modified. */
    public static double quantile(double[] v, double p) {
        if (v.length == 0) throw new IllegalArgumentException("quantile of an empty set");
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        double q = p * (s.length - 1);
        int lo = (int) Math.floor(q), hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (q - lo) * (s[hi] - s[lo]);
    }

    /** The mean of the values. */
    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}

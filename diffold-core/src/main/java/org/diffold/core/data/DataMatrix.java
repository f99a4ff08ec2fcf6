package org.diffold.core.data;

/**
 * A data set as a row-major n x D matrix of doubles (one point per row), with a description of where it came from.
 * Records share the array: treat {@code values} as read-only.
 *
 * @param values row-major rows x cols values
 * @param rows number of points n
 * @param cols dimension D
 * @param source where the data came from (file name and selection), for reports
 */
public record DataMatrix(double[] values, int rows, int cols, String source) {
    /** Checks the shape. */
    public DataMatrix {
        if (rows < 0 || cols < 0 || values.length != (long) rows * cols) {
            throw new IllegalArgumentException("matrix of " + rows + " x " + cols + " needs " + (long) rows * cols
                    + " values, got " + values.length);
        }
    }

    /** The first {@code n} rows (this matrix if n >= rows). */
    public DataMatrix head(int n) {
        if (n < 0) throw new IllegalArgumentException("subset size must be >= 0, got " + n);
        if (n >= rows) return this;
        double[] v = new double[n * cols];
        System.arraycopy(values, 0, v, 0, v.length);
        return new DataMatrix(v, n, cols, source + " (first " + n + " rows)");
    }
}

package org.diffold.core.error.propagation;

import java.util.Arrays;

/**
 * The grid-refinement record of a propagated 1-D error (docs/math.md §4.3: "refine the grid until the KL is stable to
 * 1e-3 relative and report that"). Level i used {@code gridSizes[i]} points and gave {@code kl[i]} (NaN when that
 * grid was too coarse to resolve the tails); {@code relativeChange[i]} = |kl[i] - kl[i-1]| / |kl[i]| (NaN at i = 0).
 * Converged means the last change is at most {@link #RELATIVE_TOLERANCE} or the absolute change at most
 * {@link #ABSOLUTE_FLOOR}. The arrays are copies; do not modify them.
 */
public record GridRefinement(int[] gridSizes, double[] kl, double[] relativeChange, boolean converged) {
    /** Required relative stability of the KL between the last two grids. */
    public static final double RELATIVE_TOLERANCE = 1e-3;
    /** Absolute KL change that counts as stable whatever the relative change. */
    public static final double ABSOLUTE_FLOOR = 1e-12;

    /** Copies the arrays. */
    public GridRefinement {
        gridSizes = gridSizes.clone();
        kl = kl.clone();
        relativeChange = relativeChange.clone();
    }

    /** The finest grid size used. */
    public int finestGrid() { return gridSizes[gridSizes.length - 1]; }

    /** A one-line warning when not converged, else null. */
    public String warning() {
        if (converged) return null;
        return "KL not stable to " + RELATIVE_TOLERANCE + " relative under grid refinement: grids "
                + Arrays.toString(gridSizes) + ", KL " + Arrays.toString(kl) + ", relative change " + Arrays.toString(relativeChange);
    }

    /** A compact printable form, e.g. {@code 512:5.3383e-05 1024:5.3377e-05 (1.1e-04) converged}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < gridSizes.length; i++) {
            if (i > 0) sb.append(' ');
            sb.append(gridSizes[i]).append(':').append(String.format("%.6e", kl[i]));
            if (i > 0) sb.append(String.format(" (%.1e)", relativeChange[i]));
        }
        return sb.append(converged ? " converged" : " NOT CONVERGED").toString();
    }
}

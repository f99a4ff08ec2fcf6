package org.diffold.lab.experiment.liyan;

import java.util.List;

/**
 * Settings of {@code diffold reproduce li-yan} (Li &amp; Yan, NeurIPS 2024): exact KL/TV of DDPM with each coefficient
 * design versus ambient dimension D, for several step counts T, on the Gaussian and the product subspace targets,
 * with a simulated confirmation at a subset of cells.
 *
 * @param k intrinsic dimension
 * @param dims ambient dimensions D
 * @param steps step counts T
 * @param designs coefficient designs
 * @param c0 Li–Yan schedule constant c0
 * @param c1 Li–Yan schedule constant c1
 * @param simDims D values of the simulated cells
 * @param simSteps T values of the simulated cells
 * @param simSamples samples per simulated cell
 */
public record LiYanConfig(int k, List<Integer> dims, List<Integer> steps, List<String> designs, double c0, double c1,
                          List<Integer> simDims, List<Integer> simSteps, int simSamples) {
    /** Targets compared, by registry name. */
    public static final List<String> TARGETS = List.of("gaussian-subspace", "product-subspace");

    /** Validates. */
    public LiYanConfig {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        for (int d : dims) if (d < k) throw new IllegalArgumentException("every D must be >= k = " + k + ", got " + d);
        for (int t : steps) if (t < 2) throw new IllegalArgumentException("every T must be >= 2, got " + t);
        if (simSamples < 10) throw new IllegalArgumentException("simulated samples must be >= 10, got " + simSamples);
        dims = List.copyOf(dims);
        steps = List.copyOf(steps);
        designs = List.copyOf(designs);
        simDims = List.copyOf(simDims);
        simSteps = List.copyOf(simSteps);
    }

    /** The grid: k = 8, D in {10..1000}, T in {100, 200, 500, 1000}; {@code quick} trims it. */
    public static LiYanConfig defaults(boolean quick) {
        List<String> designs = List.of("li-yan", "classic", "ddim");
        if (quick) {
            return new LiYanConfig(8, List.of(10, 100, 1000), List.of(100, 1000), designs, 2, 4,
                    List.of(50), List.of(100), 2000);
        }
        return new LiYanConfig(8, List.of(10, 20, 50, 100, 200, 500, 1000), List.of(100, 200, 500, 1000), designs,
                2, 4, List.of(20, 200), List.of(100, 500), 4000);
    }

    /** The schedule spec shared by every cell. */
    public String schedule() {
        return "li-yan:c0=" + fmt(c0) + ",c1=" + fmt(c1);
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

package org.diffold.lab.experiment.generalization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.core.manifold.DataManifold;
import org.diffold.core.manifold.Manifolds;

/**
 * Settings of {@code reproduce generalization} (docs/math.md §6). Every constant here is [ours] (the paper's body is
 * not public): the densities, the bandwidth rules, the sampler and its stopping time, the metric settings.
 *
 * @param manifolds manifold names (see {@link #manifold})
 * @param dims ambient dimensions D
 * @param sizes training-set sizes N
 * @param families score families: true (fresh samples of the data law, the ideal generator's baseline), empirical, kde,
 *        cfdm, coarse (local PCA projection), coarse-lqf (local quadratic fit projection), neural
 * @param samples generated samples n per cell
 * @param steps sampler steps (exponential integrator on the Benton grid, T = 6)
 * @param delta stopping time (forward OU time; sigma^2 = 1 - e^{-2 delta})
 * @param reference dense reference sample of the true law (coverage, cell masses)
 * @param anchors coverage anchors
 * @param cells Voronoi cells for the mass ratio
 * @param beta manifold smoothness used for the theory line -beta/(4k)
 * @param neuralSizes N of the neural networks (only D = neuralDim, manifolds neuralManifolds)
 * @param neuralSteps DSM steps; checkpoints at {@code checkpoints} geometric points
 * @param fashionSizes Fashion-MNIST subset sizes (empirical score)
 * @param fashionSamples samples per Fashion-MNIST subset
 */
public record GeneralizationConfig(List<String> manifolds, List<Integer> dims, List<Integer> sizes, List<String> families,
                                   int samples, int steps, double delta, int reference, int anchors, int cells, double beta,
                                   List<String> neuralManifolds, int neuralDim, List<Integer> neuralSizes, int neuralSteps,
                                   int checkpoints, int neuralWidth, List<Integer> fashionSizes, int fashionSamples, long seed,
                                   boolean quick) {
    /** Experiment name in the run store. */
    public static final String EXPERIMENT = "generalization";

    /** The full run (about 20 minutes on 2 cores at most). */
    public static GeneralizationConfig full(long seed) {
        return new GeneralizationConfig(List.of("circle", "sphere", "torus", "sphere3"), List.of(16, 128),
                List.of(64, 256, 1024, 4096, 16384), List.of("true", "empirical", "kde", "cfdm", "coarse", "coarse-lqf", "neural"), 256, 50, 1e-6, 4096, 256,
                16, 2, List.of("circle", "torus"), 16, List.of(64, 1024, 16384), 3000, 5, 128, List.of(100, 1000, 10000), 32, seed, false);
    }

    /** The quick run (under 2 minutes). */
    public static GeneralizationConfig quick(long seed) {
        return new GeneralizationConfig(List.of("circle", "torus"), List.of(16), List.of(64, 256, 1024),
                List.of("true", "empirical", "kde", "cfdm", "coarse", "coarse-lqf", "neural"), 256, 40, 1e-6, 2048, 128, 16, 2, List.of("circle"), 16,
                List.of(64, 1024), 1200, 3, 128, List.of(100, 1000), 16, seed, true);
    }

    /**
     * The manifold of a name in R^D, each with a piecewise-constant density: {@code circle} (k = 1, weights 4/1/2/1
     * along the angle), {@code sphere} (S^2, k = 2) and {@code sphere3} (S^3, k = 3) reweighted 3/1/2/1 along an axis,
     * {@code torus} (k = 2, weights 3/1 and 1/2 along the two angles).
     */
    public DataManifold manifold(String name, int dim) {
        return switch (name) {
            case "circle" -> Manifolds.parse("circle:weights=4/1/2/1", dim, seed);
            case "torus" -> Manifolds.parse("torus:weights1=3/1,weights2=1/2", dim, seed);
            case "sphere" -> new ReweightedManifold("sphere", Manifolds.parse("sphere:d=2", dim, seed), 1, new double[] {3, 1, 2, 1}, seed);
            case "sphere3" -> new ReweightedManifold("sphere3", Manifolds.parse("sphere:d=3", dim, seed), 1, new double[] {3, 1, 2, 1}, seed);
            default -> throw new IllegalArgumentException("unknown manifold '" + name + "'; valid: circle, sphere, torus, sphere3");
        };
    }

    /** The cell key: every setting that changes the cell's numbers. */
    public String cellKey(String manifold, int dim, int n, String family) {
        String base = manifold + "/D=" + dim + "/N=" + n + "/" + family + "/n=" + samples + "/steps=" + steps + "/delta=" + delta
                + "/ref=" + reference + "/anchors=" + anchors + "/cells=" + cells + "/seed=" + seed;
        return family.equals("neural") ? base + "/train=" + neuralSteps + "x" + neuralWidth + "/ckpt=" + checkpoints : base;
    }

    /** The recorded settings of a cell. */
    public Map<String, Object> cellSettings(String manifold, int dim, int n, String family) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("manifold", manifold);
        m.put("D", dim);
        m.put("N", n);
        m.put("score", family);
        m.put("samples", samples);
        m.put("steps", steps);
        m.put("delta", delta);
        m.put("seed", seed);
        if (family.equals("neural")) {
            m.put("neural_steps", neuralSteps);
            m.put("neural_width", neuralWidth);
        }
        return m;
    }
}

package org.diffold.lab.experiment.learned;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the learned-scores experiment: a k-dimensional Gaussian mixture on a random subspace of R^D
 * (docs/math.md §5) for each D, the same network and training budget for every D, then samplers with the learned
 * score. Defaults are ours; {@link #quick()} is a smoke-sized version for CI and laptops.
 *
 * @param dims ambient dimensions D
 * @param k intrinsic dimension
 * @param components mixture components
 * @param lambda component variance
 * @param width network width
 * @param depth network depth
 * @param steps training steps
 * @param batch training batch
 * @param trainRows training-set size
 * @param sampleSteps T of the li-yan sampling schedule (also the eps_score^2 schedule)
 * @param samples generated samples per design
 * @param errorSamples samples per level in the eps_score^2 estimate (every level t = 1..T is used)
 * @param designs sampler designs compared
 * @param seed master seed
 * @param parameterisation network parameterisation (a {@code Parameterisation} CLI name; default {@code edm-pca})
 */
public record LearnedScoresConfig(List<Integer> dims, int k, int components, double lambda, int width, int depth, int steps,
                                  int batch, int trainRows, int sampleSteps, int samples, int errorSamples,
                                  List<String> designs, long seed, String parameterisation) {
    /** Experiment name in the run store. */
    public static final String EXPERIMENT = "learned-scores";

    /** Validates the ranges. */
    public LearnedScoresConfig {
        dims = List.copyOf(dims);
        designs = List.copyOf(designs);
        if (dims.isEmpty()) throw new IllegalArgumentException("--dims must name at least one D");
        for (int d : dims) if (d < k) throw new IllegalArgumentException("every D must be >= k=" + k + ", got " + d);
        if (steps < 1 || batch < 1 || trainRows < 10 || samples < 2 || errorSamples < 2 || sampleSteps < 2) {
            throw new IllegalArgumentException("steps, batch >= 1; train rows >= 10; samples, error samples, sample steps >= 2");
        }
        parameterisation = org.diffold.nn.net.Parameterisation.parse(parameterisation).cliName();
    }

    /** The full experiment: D in {16, 64, 256, 1024}, k = 8, MLP 256 x 4, 4000 steps of batch 256, T = 100. */
    public static LearnedScoresConfig full(long seed) {
        return new LearnedScoresConfig(List.of(16, 64, 256, 1024), 8, 16, 0.1, 256, 4, 4000, 256, 20000, 100, 2000, 64,
                List.of("li-yan", "classic"), seed, "edm-pca");
    }

    /** Smoke size: same D and k, MLP 64 x 3, 300 steps of batch 128, T = 50, 600 samples. */
    public static LearnedScoresConfig quick(long seed) {
        return new LearnedScoresConfig(List.of(16, 64, 256, 1024), 8, 16, 0.1, 64, 3, 300, 128, 4000, 50, 600, 16,
                List.of("li-yan", "classic"), seed, "edm-pca");
    }

    /** A copy with other dimensions. */
    public LearnedScoresConfig withDims(List<Integer> d) {
        return new LearnedScoresConfig(d, k, components, lambda, width, depth, steps, batch, trainRows, sampleSteps, samples,
                errorSamples, designs, seed, parameterisation);
    }

    /** A copy with another training budget. */
    public LearnedScoresConfig withSteps(int s) {
        return new LearnedScoresConfig(dims, k, components, lambda, width, depth, s, batch, trainRows, sampleSteps, samples,
                errorSamples, designs, seed, parameterisation);
    }

    /** A copy with another network parameterisation ({@code edm-pca}, {@code edm}, {@code epsilon}, {@code x0} or {@code score}). */
    public LearnedScoresConfig withParameterisation(String p) {
        return new LearnedScoresConfig(dims, k, components, lambda, width, depth, steps, batch, trainRows, sampleSteps, samples,
                errorSamples, designs, seed, p);
    }

    /** Target spec for the core {@code Targets} registry. */
    public String targetSpec() {
        return "gmm-subspace:k=" + k + ",components=" + components + ",lambda=" + lambda;
    }

    /** The stable key of the cell for dimension {@code d}: every setting that changes its result. */
    public String cellKey(int d) {
        return "D=" + d + ",k=" + k + ",c=" + components + ",lambda=" + lambda + ",w=" + width + ",depth=" + depth + ",steps="
                + steps + ",batch=" + batch + ",N=" + trainRows + ",T=" + sampleSteps + ",n=" + samples + ",ne=" + errorSamples
                + ",designs=" + String.join("+", designs) + ",seed=" + seed
                + ("epsilon".equals(parameterisation) ? "" : ",param=" + parameterisation); // epsilon cells predate the field
    }

    /** Settings recorded with the cell for dimension {@code d}. */
    public Map<String, Object> cellSettings(int d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("D", d);
        m.put("target", targetSpec());
        m.put("network", "mlp width=" + width + " depth=" + depth + " gelu " + parameterisation);
        m.put("steps", steps);
        m.put("batch", batch);
        m.put("trainRows", trainRows);
        m.put("schedule", "li-yan T=" + sampleSteps);
        m.put("samples", samples);
        m.put("errorSamples", errorSamples);
        m.put("designs", String.join(",", designs));
        m.put("seed", seed);
        return m;
    }
}

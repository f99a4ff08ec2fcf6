package org.diffold.lab.experiment.adaptivity;

import java.util.List;
import java.util.Locale;
import org.diffold.core.target.Mixture1D;

/**
 * Settings of {@code reproduce sampler-adaptivity} (docs/math.md §3.3, §4). Every sampler runs on Karras sigmas
 * (rho = 7, sigma in [0.002, 80]) stopped at sigma_min with no final zero, and is compared with the forward law at
 * sigma_min, the early-stopped law the theory papers compare with [ours: with the final step to 0 every sampler
 * here puts the complement exactly at 0, so the comparison at sigma = 0 cannot tell them apart]. The continuous-time
 * schemes run on Benton's grid with the same noise range (T = ln(1 + 80^2)/2, delta = ln(1 + 0.002^2)/2) and S steps.
 *
 * @param samplers practitioners' sampler specs
 * @param schemes continuous-time scheme names
 * @param steps the step counts S
 * @param dims the ambient dimensions D
 * @param k intrinsic dimension
 * @param lambda variance of the Gaussian target's subspace coordinates [ours: 0.5, so that the OU schemes' in-subspace
 *               coordinate is not their stationary law N(0, 1)]
 * @param factor the product target's factor pi
 * @param productSteps step counts at which the product target is computed (single-step samplers and schemes)
 * @param tvSamples Monte Carlo samples for the product target's TV (0: skip)
 * @param benchSamples samples of the simulation baseline in the speed measurement
 * @param quick whether this is the --quick configuration
 */
public record AdaptivityConfig(List<String> samplers, List<String> schemes, List<Integer> steps, List<Integer> dims, int k,
                               double lambda, Mixture1D factor, List<Integer> productSteps, int tvSamples, int benchSamples,
                               boolean quick) {
    /** Karras range and rho. */
    public static final double SIGMA_MIN = 0.002, SIGMA_MAX = 80, RHO = 7;
    /**
     * KL per complement coordinate at or below which a sampler "adapts" [ours]: the complement is then exact to
     * rounding (about 1e-16 in r, 1e-32 in KL), so KL is the same for every D.
     */
    public static final double ADAPT_PER_COORDINATE = 1e-20;

    /** The default sampler list: every sampler with its library defaults, plus the settings that break the complement. */
    public static final List<String> SAMPLERS = List.of("euler", "heun", "dpm2", "lms", "dpmpp-2m", "unipc", "ddim",
            "euler-ancestral", "dpm2-ancestral", "dpmpp-2s-ancestral", "dpmpp-2m-sde", "dpmpp-2m-sde:solver_type=heun", "dpmpp-3m-sde",
            "euler:s_churn=40,s_noise=1.003", "euler:init=vp", "dpmpp-2m:init=vp");

    /** The continuous-time schemes compared with them. */
    public static final List<String> SCHEMES = List.of("ddpm-posterior", "exponential-integrator", "euler-maruyama", "pf-ode-heun");

    /** The full run. */
    public static AdaptivityConfig full() {
        return new AdaptivityConfig(SAMPLERS, SCHEMES, List.of(10, 20, 50, 100), List.of(10, 100, 1000), 8, 0.5,
                Mixture1D.defaultFactor(), List.of(10, 20, 50, 100), 4000, 1000, false);
    }

    /** The quick run (under a minute on 2 cores): the product target at S = 50 only, no Monte Carlo TV. */
    public static AdaptivityConfig quickConfig() {
        return new AdaptivityConfig(SAMPLERS, SCHEMES, List.of(10, 20, 50, 100), List.of(10, 100, 1000), 8, 0.5,
                Mixture1D.defaultFactor(), List.of(50), 0, 200, true);
    }

    /** The sigma spec for S steps (S + 1 sigmas, no final zero). */
    public static String sigmas(int steps) {
        return String.format(Locale.ROOT, "karras:rho=%s,sigma_min=%s,sigma_max=%s,final=none", RHO, SIGMA_MIN, SIGMA_MAX);
    }

    /** Benton's grid with the samplers' noise range and S steps. */
    public static String grid(int steps) {
        double t = 0.5 * Math.log1p(SIGMA_MAX * SIGMA_MAX), delta = 0.5 * Math.log1p(SIGMA_MIN * SIGMA_MIN);
        return String.format(Locale.ROOT, "benton:T=%.6g,delta=%.6g,N=%d", t, delta, steps);
    }
}

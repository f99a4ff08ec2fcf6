package org.diffold.core.sampler;

import org.diffold.core.grid.TimeGrid;

/**
 * {@code pf-ode-heun}: Heun's method on the probability-flow ODE dY/dtau = Y + s_{T-tau}(Y) (docs/math.md §1.2,
 * §3.2). Deterministic after the initial draw; two score evaluations per step. See {@link HeunSampler}.
 */
public final class PfOdeHeunScheme implements ContinuousScheme {
    @Override public String name() { return "pf-ode-heun"; }

    @Override
    public Sampler sampler(TimeGrid grid, boolean finalDenoise) {
        return new HeunSampler(grid, finalDenoise);
    }
}

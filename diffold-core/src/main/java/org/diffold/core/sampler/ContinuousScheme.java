package org.diffold.core.sampler;

import org.diffold.core.grid.TimeGrid;

/**
 * A continuous-time reverse-OU sampler scheme on a {@link TimeGrid} (docs/math.md §3.2): {@code ddpm-posterior},
 * {@code exponential-integrator}, {@code euler-maruyama} (affine, see {@link AffineScheme}) and {@code pf-ode-heun}.
 * Y starts from N(0, I) at forward time T; the output is compared with the forward law at time delta.
 */
public interface ContinuousScheme {
    /** CLI name, e.g. {@code ddpm-posterior}. */
    String name();

    /** A sampler running this scheme on the grid; {@code finalDenoise} adds the Tweedie step m_delta(Y). */
    Sampler sampler(TimeGrid grid, boolean finalDenoise);
}

package org.diffold.core.error.propagation;

/**
 * Divergences of a sampler law p from the target law p_target (docs/math.md §4.3).
 *
 * @param kl KL(p_target || p) = ∫ p_target log(p_target / p)
 * @param hellingerSquared H^2 = 1 - ∫ sqrt(p_target p) = 0.5 ∫ (sqrt p_target - sqrt p)^2
 * @param tv 0.5 ∫ |p_target - p|
 */
public record Divergence1D(double kl, double hellingerSquared, double tv) {}

package org.diffold.lab.experiment.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exact errors of one 1-D factor of a product target after a sampler run, target against sampler
 * (docs/math.md §4.3): KL(p_target || p_sampler), the log Bhattacharyya affinity log ∫ sqrt(p q) (Hellinger
 * affinities multiply over factors) and TV, with how the number came about.
 *
 * @param kl KL of the factor
 * @param logAffinity log of the Hellinger affinity BC = 1 - H^2
 * @param tv total variation of the factor
 * @param gridPoints points of the final density grid (0 for a closed form)
 * @param relativeChange relative change of the KL at the last grid refinement (0 for a closed form)
 * @param resolved whether the refinement met its tolerance (always true for a closed form)
 * @param pointSteps work done: grid points times steps summed over every refinement level (0 for a closed form)
 */
public record FactorError(double kl, double logAffinity, double tv, int gridPoints, double relativeChange, boolean resolved,
                          long pointSteps) {
    /** A closed-form result. */
    public static FactorError exact(double kl, double logAffinity, double tv) {
        return new FactorError(kl, logAffinity, tv, 0, 0, true, 0);
    }

    /** Result map for the run store, each key prefixed (e.g. {@code pi_kl}). */
    public Map<String, Object> toMap(String prefix) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(prefix + "kl", kl);
        m.put(prefix + "log_affinity", logAffinity);
        m.put(prefix + "tv", tv);
        m.put(prefix + "grid_points", gridPoints);
        m.put(prefix + "relative_change", relativeChange);
        m.put(prefix + "resolved", resolved);
        m.put(prefix + "point_steps", pointSteps);
        return m;
    }

    /** Reads a map written by {@link #toMap}. */
    public static FactorError fromMap(Map<String, Object> m, String prefix) {
        return new FactorError(num(m, prefix + "kl"), num(m, prefix + "log_affinity"), num(m, prefix + "tv"),
                (int) num(m, prefix + "grid_points"), num(m, prefix + "relative_change"),
                Boolean.TRUE.equals(m.get(prefix + "resolved")), (long) num(m, prefix + "point_steps"));
    }

    private static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) throw new IllegalArgumentException("stored result " + key + " is missing or not a number: " + v);
        return n.doubleValue();
    }
}

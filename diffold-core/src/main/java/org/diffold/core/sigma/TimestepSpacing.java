package org.diffold.core.sigma;

import java.util.List;

/**
 * diffusers' {@code timestep_spacing}: which S of the T training indices 0..T-1 a sampler visits, descending
 * (docs/math.md §3.3). With r the rounding of numpy (half to even):
 * <ul>
 * <li>{@code linspace}: r(linspace(0, T-1, S)) reversed (ends at T-1 and 0);
 * <li>{@code leading}: (0, 1, ..., S-1) * floor(T/S) reversed, plus {@code steps_offset} (never visits T-1:
 *     Lin et al.'s flawed sample steps);
 * <li>{@code trailing}: r(T, T - T/S, ..., T/S) - 1 (starts at T-1, never visits 0).
 * </ul>
 */
public enum TimestepSpacing {
    LINSPACE("linspace"), LEADING("leading"), TRAILING("trailing");

    /** Valid names. */
    public static final List<String> NAMES = List.of("linspace", "leading", "trailing");
    private final String cliName;

    TimestepSpacing(String cliName) { this.cliName = cliName; }

    /** The diffusers name. */
    public String cliName() { return cliName; }

    /** Parses a diffusers name. */
    public static TimestepSpacing parse(String name) {
        for (TimestepSpacing s : values()) if (s.cliName.equals(name)) return s;
        throw new IllegalArgumentException("unknown timestep spacing '" + name + "'; valid: " + String.join(", ", NAMES));
    }

    /** The S descending training indices out of T; {@code offset} is diffusers' steps_offset (leading only). */
    public int[] timesteps(int trainSteps, int steps, int offset) {
        if (steps < 1 || steps > trainSteps) throw new IllegalArgumentException("steps must be in [1, T=" + trainSteps + "], got " + steps);
        if (offset < 0) throw new IllegalArgumentException("steps_offset must be >= 0, got " + offset);
        int[] t = new int[steps];
        for (int i = 0; i < steps; i++) {
            int j = steps - 1 - i; // ascending position, reversed
            t[i] = switch (this) {
                case LINSPACE -> (int) Math.rint(steps == 1 ? 0 : (double) (trainSteps - 1) * j / (steps - 1));
                case LEADING -> j * (trainSteps / steps) + offset;
                case TRAILING -> (int) Math.rint(trainSteps - (double) trainSteps / steps * i) - 1;
            };
            if (t[i] < 0 || t[i] >= trainSteps) {
                throw new IllegalArgumentException(cliName + " spacing with steps_offset=" + offset + " gives timestep " + t[i]
                        + " outside [0, " + (trainSteps - 1) + "]");
            }
        }
        return t;
    }
}

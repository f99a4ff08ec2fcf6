package org.diffold.lab.experiment.potaptchik;

import java.util.Locale;

/**
 * The number of steps K needed to reach KL &lt;= eps along a family of grids evaluated exactly at increasing K.
 * {@code verifiedSteps} is the smallest evaluated K from which every larger evaluated K also meets eps;
 * {@code interpolatedSteps} interpolates log KL linearly in log K between it and the previous evaluated K.
 *
 * @param status whether eps was met inside the evaluated range
 * @param verifiedSteps smallest evaluated K meeting eps onwards (the largest evaluated K when not reached)
 * @param interpolatedSteps log-log interpolated K at which KL crosses eps (= verifiedSteps when censored)
 * @param klAtVerified the exact KL at {@code verifiedSteps}
 */
public record StepsNeeded(Status status, int verifiedSteps, double interpolatedSteps, double klAtVerified) {
    /** Where eps lies relative to the evaluated range. */
    public enum Status {
        /** eps crossed inside the range. */
        FOUND,
        /** already met at the smallest evaluated K: the true K needed is at most that. */
        AT_MOST,
        /** not met even at the largest evaluated K. */
        NOT_REACHED
    }

    /** Finds the threshold for sorted {@code steps} (strictly increasing) and their exact {@code kl} values. */
    public static StepsNeeded find(int[] steps, double[] kl, double eps) {
        if (!(eps > 0)) throw new IllegalArgumentException("eps must be > 0, got " + eps);
        int n = steps.length;
        if (n < 1 || kl.length != n) throw new IllegalArgumentException("need equal, non-empty steps and kl arrays");
        for (int i = 1; i < n; i++) {
            if (steps[i] <= steps[i - 1]) throw new IllegalArgumentException("steps must increase strictly, got " + steps[i - 1] + ", " + steps[i]);
        }
        int j = n;
        while (j > 0 && kl[j - 1] <= eps) j--;
        if (j == n) return new StepsNeeded(Status.NOT_REACHED, steps[n - 1], steps[n - 1], kl[n - 1]);
        if (j == 0) return new StepsNeeded(Status.AT_MOST, steps[0], steps[0], kl[0]);
        double x0 = Math.log(steps[j - 1]), x1 = Math.log(steps[j]);
        double y0 = Math.log(kl[j - 1]), y1 = Math.log(Math.max(kl[j], Double.MIN_NORMAL));
        double x = y1 == y0 ? x1 : x0 + (Math.log(eps) - y0) * (x1 - x0) / (y1 - y0);
        return new StepsNeeded(Status.FOUND, steps[j], Math.exp(Math.min(x1, Math.max(x0, x))), kl[j]);
    }

    /** Printable value: {@code 123.4}, {@code <=48} or {@code >5000}. */
    public String display() {
        return switch (status) {
            case FOUND -> String.format(Locale.ROOT, "%.1f", interpolatedSteps);
            case AT_MOST -> "<=" + verifiedSteps;
            case NOT_REACHED -> ">" + verifiedSteps;
        };
    }
}

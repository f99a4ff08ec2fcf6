package org.diffold.core.error.gaussian;

import org.diffold.core.process.NoiseLevel;
import org.diffold.core.sampler.CoefficientDesign;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.NoiseSchedule;

/**
 * Exact law of one Gaussian coordinate of the sampler (docs/math.md §4.1, §4.2). If the target coordinate is
 * N(0, lambda) (lambda = 0: a point-mass / complement coordinate), its noised law at level i is N(0, m_i) with
 * m_i = lambda abar_i + sigma_i^2 and the exact score is linear, s(y) = -y / m_i. A step Y <- a Y + b s(Y) + n Z then
 * maps a centred Gaussian of variance v to one of variance (a - b / m_i)^2 v + n^2, starting from v = 1.
 * The output is compared with the forward variance s = lambda abar_out + sigma_out^2.
 *
 * <p>Numerics: the recursion runs in the relative form r_i = v_i / m_i - 1 (docs/math.md §4.1),
 * r_{i+1} = g_i r_i + F_i with g_i = q_i^2 / (m_i m_{i+1}), q_i = a_i m_i - b_i and forcing
 * F_i = (q_i^2 / m_i + n_i^2 - m_{i+1}) / m_{i+1}, starting from r_0 = abar_0 (1 - lambda) / m_0 (exact). A design
 * that is exact for the coordinate has F_i = 0, so r stays tiny instead of being the difference of two nearly
 * equal variances. The absolute error of r is about 1e-16 per step (damped by g), the level set by the rounding of
 * the plan's own coefficients: 3e-16 for li-yan at T = 100, up to 2e-14 for ddim at T = 1000. Works for discrete and continuous plans.
 * For the complement of the discrete chain under a design with eta_t = 1 - alpha_t, {@link #complement} uses the
 * spec's closed-form forcing instead, which keeps every digit of li-yan's r_1 (about 1e-13 at T = 100, 1e-19 at
 * T = 1000, where the plan-based recursion can only resolve about 1e-15).
 */
public final class GaussianCoordinateRecursion {
    private GaussianCoordinateRecursion() {}

    /**
     * The output law of the coordinate.
     *
     * @param v sampler output variance
     * @param s target variance at the output level
     * @param r v / s - 1, computed in relative form
     */
    public record Result(double v, double s, double r) {}

    /** Runs the recursion for the plan and target variance lambda >= 0. */
    public static Result run(StepPlan plan, double lambda) {
        return run(plan, lambda, null);
    }

    /**
     * Runs the recursion; when {@code trace} is not null it receives r after every step
     * (length at least {@code plan.size()}), the last entry being the output's r.
     */
    public static Result run(StepPlan plan, double lambda, double[] trace) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        int steps = plan.size();
        if (trace != null && trace.length < steps) {
            throw new IllegalArgumentException("trace must hold plan.size() = " + steps + " values, got " + trace.length);
        }
        double m = variance(plan.level(0), lambda);
        double r = plan.level(0).alphaBar() * (1 - lambda) / m;
        for (int i = 0; i < steps; i++) {
            NoiseLevel next = i + 1 < steps ? plan.level(i + 1) : plan.outputLevel();
            double mNext = variance(next, lambda);
            double q = Math.fma(plan.a(i), m, -plan.b(i));
            double q2m = q * q / m;
            double n = plan.noise(i);
            double forcing = ((q2m - mNext) + n * n) / mNext;
            r = Math.fma(q2m / mNext, r, forcing);
            if (!Double.isFinite(r)) {
                throw new ArithmeticException("variance recursion became non-finite at step " + (i + 1) + " ("
                        + plan.label(i) + ") of " + plan.name());
            }
            if (trace != null) trace[i] = r;
            m = mNext;
        }
        return new Result(m * (1 + r), m, r);
    }

    /**
     * r_1 of one complement (point-mass) coordinate of the discrete chain. When the design's eta_t equals
     * 1 - alpha_t for every t (li-yan, classic, ho-large) this is docs/math.md §4.1's relative recursion
     * r_{t-1} = (1 - rho_t) r_t + (sigma_t^2 - sigma*_t^2) / (alpha_t (1 - abar_{t-1})), r_T = abar_T / (1 - abar_T),
     * rho_t = (1 - alpha_t) / (1 - abar_t), sigma*_t^2 = Ho's posterior variance; its forcing is an exact difference
     * (identically 0 for li-yan). Other designs (ddim family) use {@link #run} on the design's plan.
     */
    public static Result complement(CoefficientDesign design, NoiseSchedule schedule) {
        int steps = schedule.steps();
        for (int t = 2; t <= steps; t++) {
            if (design.eta(schedule, t) != schedule.beta(t)) return run(design.plan(schedule), 0);
        }
        double r = schedule.alphaBar(steps) / schedule.oneMinusAlphaBar(steps);
        for (int t = steps; t >= 2; t--) {
            double oneMinusAbar = schedule.oneMinusAlphaBar(t), oneMinusAbarPrev = schedule.oneMinusAlphaBar(t - 1);
            double alpha = schedule.alpha(t);
            double rho = schedule.beta(t) / oneMinusAbar;
            double forcing = (design.sigma2(schedule, t) - CoefficientDesign.posteriorSigma2(schedule, t))
                    / (alpha * oneMinusAbarPrev);
            r = (1 - rho) * r + forcing;
        }
        double s = schedule.oneMinusAlphaBar(1);
        return new Result(s * (1 + r), s, r);
    }

    /** lambda abar + sigma^2 at the level. */
    static double variance(NoiseLevel level, double lambda) {
        return lambda * level.alphaBar() + level.sigma2();
    }
}

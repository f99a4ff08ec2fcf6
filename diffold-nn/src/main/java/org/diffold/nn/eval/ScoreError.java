package org.diffold.nn.eval;

import java.util.SplittableRandom;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.schedule.NoiseSchedule;
import org.diffold.core.score.Score;
import org.diffold.core.target.Target;

/**
 * Li–Yan's score error eps_score^2 = (1/T) sum_{t=1}^T E || s_t(X_t) - s*_t(X_t) ||^2 (docs/math.md §4.4;
 * 2405.14861), X_t from the target's forward law, s* the target's exact score.
 *
 * <p>Estimated by stratified Monte Carlo over t: 1..T is cut into L strata of (nearly) equal size; in each, one t
 * is drawn uniformly and n samples of X_t are scored, so the stratum mean estimates the stratum's average and
 * the weighted sum is unbiased for the average over all t. With L = T every t is used exactly.
 */
public final class ScoreError {
    private ScoreError() {}

    /**
     * The estimate and its per-stratum parts.
     *
     * @param mean the estimate of eps_score^2
     * @param standardError Monte Carlo standard error (within-stratum sample variance only)
     * @param t the t chosen in each stratum
     * @param perLevel E || s - s* ||^2 at each chosen t
     * @param noiseSpace the same average with weight sigma_t^2, (1/T) sum_t sigma_t^2 E || s - s* ||^2: the error of the
     *     implied noise prediction E || eps - eps* ||^2, which stays finite as sigma_t -> 0
     */
    public record Estimate(double mean, double standardError, int[] t, double[] perLevel, double noiseSpace) {}

    /**
     * Estimates eps_score^2 of {@code approx} against {@code target}'s exact score on {@code schedule}.
     *
     * @param strata L in 1..T
     * @param samples n per stratum (>= 2)
     * @param seed seed of the strata's t and the samples
     */
    public static Estimate liYan(Target target, Score approx, NoiseSchedule schedule, int strata, int samples, long seed) {
        int steps = schedule.steps(), d = target.dim();
        if (approx.dim() != d) throw new IllegalArgumentException("score dim " + approx.dim() + " differs from target dim " + d);
        if (strata < 1 || strata > steps) throw new IllegalArgumentException("strata must be in [1, T=" + steps + "], got " + strata);
        if (samples < 2) throw new IllegalArgumentException("samples per stratum must be >= 2, got " + samples);
        RandomStreams streams = new RandomStreams(seed);
        SplittableRandom pick = streams.child("strata").stream(0);
        Score.Evaluator exact = target.score().evaluator(), approxEval = approx.evaluator();
        double[] x = new double[samples * d], s = new double[samples * d], sa = new double[samples * d];
        int[] ts = new int[strata];
        double[] per = new double[strata];
        double mean = 0, var = 0, noise = 0;
        for (int l = 0; l < strata; l++) {
            int lo = (int) ((long) steps * l / strata) + 1, hi = (int) ((long) steps * (l + 1) / strata);
            int t = lo + pick.nextInt(hi - lo + 1);
            NoiseLevel level = schedule.level(t);
            target.sampleNoised(level, streams.child("stratum-" + l), 0, samples, x);
            exact.score(level, x, s, 0, samples);
            approxEval.score(level, x, sa, 0, samples);
            double sum = 0, sum2 = 0;
            for (int i = 0; i < samples; i++) {
                double e = 0;
                for (int j = i * d, end = j + d; j < end; j++) {
                    double diff = sa[j] - s[j];
                    e += diff * diff;
                }
                sum += e;
                sum2 += e * e;
            }
            double m = sum / samples;
            double w = (double) (hi - lo + 1) / steps;
            ts[l] = t;
            per[l] = m;
            mean += w * m;
            noise += w * level.sigma2() * m;
            var += w * w * Math.max(0, (sum2 / samples - m * m)) / (samples - 1);
        }
        return new Estimate(mean, Math.sqrt(var), ts, per, noise);
    }
}

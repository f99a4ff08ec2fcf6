package org.diffold.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.score.Score;
import org.diffold.core.target.SubspaceTarget;
import org.diffold.core.target.Targets;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.Parameterisation;
import org.diffold.nn.net.ScoreNetwork;
import org.diffold.nn.score.NetworkScore;
import org.diffold.nn.train.Trainer;
import org.diffold.nn.train.TrainingData;
import org.junit.jupiter.api.Test;

/**
 * The edm preconditioning ({@link Parameterisation#EDM}; Karras et al. 2206.00364 adapted to docs/math.md §1) on data
 * on a k-dimensional subspace of R^D with D much larger than k (docs/math.md §5).
 */
class PreconditioningTest {
    static final int D = 32, K = 2;
    /** sigma^2 = 1e-3 and 0.95: a small and a large level of the li-yan schedules used in training. */
    private static final NoiseLevel SMALL = NoiseLevel.ofLogAlphaBar(Math.log1p(-1e-3)), LARGE = NoiseLevel.ofLogAlphaBar(-3);

    private static SubspaceTarget target() {
        return Targets.parse("gmm-subspace:k=" + K + ",components=4,lambda=0.1", D, K, 21);
    }

    @Test
    void initialNetworkIsWellScaledAtSmallAndLargeSigma() {
        SubspaceTarget t = target();
        TrainingData data = NnTestSupport.data(t, 2000, 3);
        for (Parameterisation p : new Parameterisation[] {Parameterisation.EDM, Parameterisation.X0}) {
            NetworkSpec spec = NetworkSpec.mlp(D, 64, 3).with(p).withSigmaData(data.sigmaData());
            try (ScoreNetwork net = ScoreNetwork.initialise(spec, NnTestSupport.cpu(), 4)) {
                for (NoiseLevel level : new NoiseLevel[] {SMALL, LARGE}) {
                    double[] r = relativeError(t, new NetworkScore(net), level, 256);
                    System.out.printf("init %s sigma^2=%.3g: total %.4g, complement %.4g%n", p.cliName(), level.sigma2(), r[0], r[1]);
                    if (p == Parameterisation.EDM) {
                        // zero-score baseline is 1 by definition; an O(1) initial error [ours: within a factor 2] means the
                        // preconditioned network starts well scaled at every level
                        assertTrue(r[0] < 2 && r[1] < 2, p + " at " + level + ": " + r[0] + ", " + r[1]);
                    } else if (level == SMALL) {
                        // x0 without preconditioning amplifies its O(0.1) initial output by c / sigma (eps units): far off
                        assertTrue(r[0] > 10, "x0 at small sigma: " + r[0]);
                    }
                }
            }
        }
    }

    @Test
    void learnsTheComplementAtSmallSigma() throws Exception {
        SubspaceTarget t = target();
        TrainingData data = NnTestSupport.data(t, 4000, 5);
        double[][] small = new double[2][], large = new double[2][];
        Parameterisation[] ps = {Parameterisation.EDM, Parameterisation.EPSILON};
        for (int i = 0; i < 2; i++) {
            NetworkSpec spec = NetworkSpec.mlp(D, 64, 3).with(ps[i]);
            try (Trainer tr = Trainer.create(spec, NnTestSupport.small(600, 128), data, NnTestSupport.cpu(), null, Map.of())) {
                tr.train(null, null);
                small[i] = relativeError(t, new NetworkScore(tr.evaluationNetwork()), SMALL, 256);
                large[i] = relativeError(t, new NetworkScore(tr.evaluationNetwork()), LARGE, 256);
                System.out.printf("trained %s: complement error %.4g at sigma^2 = 1e-3, %.4g at sigma^2 = 0.95%n",
                        ps[i].cliName(), small[i][1], large[i][1]);
            }
        }
        // Measured (x86-64, 1 thread, 600 steps): edm 0.364 / 0.0010, epsilon 0.866 / 0.090; with 2000 steps edm 0.159,
        // epsilon 0.766, so edm keeps learning the 1/sigma complement map where epsilon stalls. Bounds [ours] with margin.
        assertTrue(small[0][1] < 0.5, "edm complement error at small sigma " + small[0][1]);
        assertTrue(small[0][1] < 0.6 * small[1][1], "edm " + small[0][1] + " vs epsilon " + small[1][1]);
        assertTrue(large[0][1] < 0.01 && large[0][1] < large[1][1] / 10, "edm at large sigma " + large[0][1] + " vs " + large[1][1]);
    }

    /**
     * {total, complement}: E||sigma (s - s*)||^2 / E||sigma s*||^2 over x ~ p_level, and the same restricted to the
     * complement of the subspace, where sigma s*_perp = -eps_perp (docs/math.md §5), so the zero-score baseline is 1.
     */
    static double[] relativeError(SubspaceTarget t, Score approx, NoiseLevel level, int n) {
        double[] x = new double[n * D], s = new double[n * D], e = new double[n * D];
        t.sampleNoised(level, new RandomStreams(77), 0, n, x);
        approx.evaluator().score(level, x, s, 0, n);
        t.score().evaluator().score(level, x, e, 0, n);
        Subspace u = t.subspace();
        double[] diff = new double[D], y = new double[K];
        double num = 0, den = 0, numPerp = 0, denPerp = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < D; j++) {
                diff[j] = s[i * D + j] - e[i * D + j];
                num += diff[j] * diff[j];
                den += e[i * D + j] * e[i * D + j];
            }
            numPerp += perpNorm2(u, diff, y);
            System.arraycopy(e, i * D, diff, 0, D);
            denPerp += perpNorm2(u, diff, y);
        }
        return new double[] {num / den, numPerp / denPerp};
    }

    /** ||(I - U U^T) v||^2 = ||v||^2 - ||U^T v||^2 (U orthonormal). */
    private static double perpNorm2(Subspace u, double[] v, double[] y) {
        u.project(v, 0, y);
        double a = 0, b = 0;
        for (double z : v) a += z * z;
        for (double z : y) b += z * z;
        return a - b;
    }
}

package org.diffold.core.error.solver;

import java.util.ArrayList;
import java.util.List;
import org.diffold.core.error.propagation.MixtureScore1D;
import org.diffold.core.error.propagation.Step1D;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.sigma.SigmaGrid;
import org.diffold.core.solver.SolverProgram;
import org.diffold.core.target.Mixture1D;

/**
 * One coordinate of a single-step ({@link SolverProgram#historyFree()}) program on a product target as a chain of
 * {@link Step1D}s (docs/math.md §4.3): the operations between two noise injections into x form one deterministic map
 * of x, evaluated with its derivative in forward mode through the registers, D(x, sigma) = x + sigma^2 c s(c x) and
 * D'(x) = 1 + sigma^2 c^2 s'(c x) with the exact mixture score s. The density is propagated in the
 * variance-preserving view y = c x (c = 1/sqrt(1 + sigma^2) at x's current level), which keeps it on a grid of the
 * data's width at every level; the first step maps N(0, 1) to the initial law y = c_0 initStd Z.
 * Instances hold scratch registers: one thread each.
 */
public final class SolverStep1D implements Step1D {
    private final int[] ops;
    private final SolverProgram p;
    private final MixtureScore1D[] scores;
    private final double inScale, outScale, noise;
    private final double[] value, slope, work = new double[2];
    private final String label;

    private SolverStep1D(SolverProgram p, int[] ops, Mixture1D factor, double inLevel, double outLevel, double noise, String label) {
        this.p = p;
        this.ops = ops;
        this.scores = new MixtureScore1D[ops.length];
        for (int i = 0; i < ops.length; i++) {
            if (p.kind(ops[i]) == SolverProgram.DENOISE) {
                scores[i] = new MixtureScore1D(factor, NoiseLevel.ofLogAlphaBar(SigmaGrid.logAlphaBar(p.sigma(ops[i]))));
            }
        }
        this.inScale = scale(inLevel);
        this.outScale = scale(outLevel);
        this.noise = outScale * noise;
        this.value = new double[p.registers()];
        this.slope = new double[p.registers()];
        this.label = label;
    }

    /** The steps of the program for a coordinate whose data factor is {@code factor}. */
    public static Step1D[] of(SolverProgram p, Mixture1D factor) {
        if (!p.historyFree()) {
            throw new IllegalArgumentException(p.name() + " keeps earlier denoiser outputs between steps; the 1-D density "
                    + "propagation applies to single-step samplers only (use the gaussian-subspace target for multistep ones)");
        }
        List<Step1D> steps = new ArrayList<>();
        double level = firstLevel(p);
        steps.add(new Scale(scale(level) * p.initStd()));
        List<Integer> current = new ArrayList<>();
        for (int op = 0; op < p.size(); op++) {
            current.add(op);
            boolean intoX = p.kind(op) == SolverProgram.COMBINE && p.dst(op) == 0;
            if (intoX && (p.noise(op) > 0 || op == p.size() - 1 || endsStep(p, op))) {
                double after = p.levelAfter(op);
                steps.add(new SolverStep1D(p, current.stream().mapToInt(Integer::intValue).toArray(), factor, level, after,
                        p.noise(op), p.stepLabel(p.step(op))));
                level = after;
                current.clear();
            }
        }
        if (!current.isEmpty()) throw new IllegalStateException("program " + p.name() + " does not end with a combine into x");
        return steps.toArray(new Step1D[0]);
    }

    /** Whether op is the last operation of its grid step (a deterministic step still ends a segment there). */
    private static boolean endsStep(SolverProgram p, int op) {
        return op + 1 < p.size() && p.step(op + 1) != p.step(op);
    }

    private static double firstLevel(SolverProgram p) {
        for (int op = 0; op < p.size(); op++) if (p.kind(op) == SolverProgram.DENOISE) return Math.max(p.sigma(op), 0);
        return 0;
    }

    private static double scale(double sigma) { return 1 / Math.sqrt(1 + sigma * sigma); }

    @Override public double noiseStd() { return noise; }

    @Override public String label() { return label; }

    @Override
    public double map(double y) {
        evaluate(y, work);
        return work[0];
    }

    @Override
    public double mapDerivative(double y) {
        evaluate(y, work);
        return work[1];
    }

    @Override
    public void evaluate(double y, double[] out) {
        value[0] = y / inScale;
        slope[0] = 1 / inScale;
        for (int i = 0; i < ops.length; i++) {
            int op = ops[i], dst = p.dst(op);
            if (p.kind(op) == SolverProgram.DENOISE) {
                double s = p.sigma(op), c = scale(s), x = value[p.src(op)], dx = slope[p.src(op)];
                scores[i].evaluate(c * x, out);
                value[dst] = x + s * s * c * out[0];
                slope[dst] = dx * (1 + s * s * c * c * out[1]);
            } else {
                double v = 0, dv = 0;
                for (int t = p.termFrom(op); t < p.termFrom(op + 1); t++) {
                    double cf = p.termCoefficient(t);
                    v += cf * value[p.termRegister(t)];
                    dv += cf * slope[p.termRegister(t)];
                }
                value[dst] = v;
                slope[dst] = dv;
            }
        }
        out[0] = outScale * value[0];
        out[1] = outScale * slope[0];
    }

    /** y &lt;- a y (the initial law), noise 0. */
    private record Scale(double a) implements Step1D {
        @Override public double map(double y) { return a * y; }
        @Override public double mapDerivative(double y) { return a; }
        @Override public double noiseStd() { return 0; }
        @Override public String label() { return "initial law"; }
    }
}

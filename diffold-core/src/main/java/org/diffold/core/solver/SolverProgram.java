package org.diffold.core.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A sampler unrolled on its sigma grid (docs/math.md §3.3): registers R_0 (the iterate x, variance-exploding view
 * x = x_0 + sigma z) and R_1.. (denoiser outputs and intermediate points), initialised R_0 = initStd Z, then a
 * straight-line list of operations
 * <ul>
 * <li>{@code denoise(dst, src, sigma)}: R_dst = D(R_src, sigma), the denoiser (Tweedie) at level sigma &gt; 0;
 * <li>{@code combine(dst, c, n)}: R_dst = sum_j c_j R_j + n Z (elementwise; dst may appear on the right).
 * </ul>
 * The output is R_0 and is compared with the forward law at {@link #outputSigma()}. Operations are grouped into the
 * grid's steps (for labels and divergence checks). A combine into R_0 records the noise level that x has afterwards
 * ({@link #levelAfter(int)}), which the 1-D density propagation uses to rescale to the variance-preserving view.
 * Immutable; build with {@link Builder}.
 */
public final class SolverProgram {
    /** Operation kinds. */
    public static final int DENOISE = 0, COMBINE = 1;
    private final String name;
    private final int registers;
    private final double initStd, outputSigma;
    private final int[] kind, dst, src, step, termFrom;
    private final double[] sigma, noise, levelAfter, termCoef;
    private final int[] termReg;
    private final String[] stepLabels;
    private final boolean historyFree;

    private SolverProgram(Builder b) {
        this.name = b.name;
        this.registers = b.registers;
        this.initStd = b.initStd;
        this.outputSigma = b.outputSigma;
        int n = b.kind.size();
        kind = new int[n]; dst = new int[n]; src = new int[n]; step = new int[n]; termFrom = new int[n + 1];
        sigma = new double[n]; noise = new double[n]; levelAfter = new double[n];
        for (int i = 0; i < n; i++) {
            kind[i] = b.kind.get(i); dst[i] = b.dst.get(i); src[i] = b.src.get(i); step[i] = b.step.get(i);
            sigma[i] = b.sigma.get(i); noise[i] = b.noise.get(i); levelAfter[i] = b.levelAfter.get(i);
            termFrom[i + 1] = b.termFrom.get(i + 1);
        }
        termReg = b.termReg.stream().mapToInt(Integer::intValue).toArray();
        termCoef = b.termCoef.stream().mapToDouble(Double::doubleValue).toArray();
        stepLabels = b.labels.toArray(new String[0]);
        historyFree = b.historyFree;
    }

    /** Printable description (solver and grid). */
    public String name() { return name; }

    /** Number of registers (R_0 is x). */
    public int registers() { return registers; }

    /** Standard deviation of the initial x. */
    public double initStd() { return initStd; }

    /** The level the output is compared with (0: the data). */
    public double outputSigma() { return outputSigma; }

    /** Number of operations. */
    public int size() { return kind.length; }

    /** Kind of operation i. */
    public int kind(int i) { return kind[i]; }

    /** Destination register. */
    public int dst(int i) { return dst[i]; }

    /** Source register of a denoise. */
    public int src(int i) { return src[i]; }

    /** sigma of a denoise. */
    public double sigma(int i) { return sigma[i]; }

    /** Noise standard deviation of a combine (0 for none). */
    public double noise(int i) { return noise[i]; }

    /** The noise level x has after a combine into R_0 (NaN for other operations). */
    public double levelAfter(int i) { return levelAfter[i]; }

    /** First term index of combine i (terms [termFrom(i), termFrom(i+1))). */
    public int termFrom(int i) { return termFrom[i]; }

    /** Register of term t. */
    public int termRegister(int t) { return termReg[t]; }

    /** Coefficient of term t. */
    public double termCoefficient(int t) { return termCoef[t]; }

    /** Grid step of operation i. */
    public int step(int i) { return step[i]; }

    /** Number of grid steps. */
    public int steps() { return stepLabels.length; }

    /** Printable label of grid step k, e.g. {@code step 3 sigma 2.51 -> 1.73}. */
    public String stepLabel(int k) { return stepLabels[k]; }

    /** Number of denoiser evaluations (NFE). */
    public int evaluations() {
        int c = 0;
        for (int k : kind) if (k == DENOISE) c++;
        return c;
    }

    /** Whether x alone carries the state between noise injections (single-step samplers; the 1-D propagation applies). */
    public boolean historyFree() { return historyFree; }

    /** Builds a program; solvers call {@link #step}, {@link #denoise} and {@link #combine} in order. */
    public static final class Builder {
        private final String name;
        private final int registers;
        private final double initStd;
        private double outputSigma = Double.NaN;
        private boolean historyFree;
        private final List<Integer> kind = new ArrayList<>(), dst = new ArrayList<>(), src = new ArrayList<>(), step = new ArrayList<>();
        private final List<Integer> termFrom = new ArrayList<>(List.of(0)), termReg = new ArrayList<>();
        private final List<Double> sigma = new ArrayList<>(), noise = new ArrayList<>(), levelAfter = new ArrayList<>(), termCoef = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();

        /** A program with the given register count (>= 1) and initial standard deviation (> 0). */
        public Builder(String name, int registers, double initStd) {
            if (registers < 1) throw new IllegalArgumentException("registers must be >= 1, got " + registers);
            if (!(initStd > 0) || Double.isInfinite(initStd)) throw new IllegalArgumentException("initial std must be finite and > 0, got " + initStd);
            this.name = name;
            this.registers = registers;
            this.initStd = initStd;
        }

        /** Declares the program single-step (see {@link SolverProgram#historyFree()}). */
        public Builder historyFree() { historyFree = true; return this; }

        /** Starts grid step k from sigma to sigmaNext. */
        public Builder step(double from, double to) {
            labels.add(String.format(Locale.ROOT, "step %d sigma %.6g -> %.6g", labels.size(), from, to));
            return this;
        }

        /** R_dst = D(R_src, sigma). */
        public Builder denoise(int dstReg, int srcReg, double s) {
            if (!(s > 0) || Double.isInfinite(s)) throw new IllegalArgumentException("denoiser level sigma must be finite and > 0, got " + s);
            reg(dstReg); reg(srcReg);
            add(DENOISE, dstReg, srcReg, s, 0, Double.NaN);
            return this;
        }

        /**
         * R_dst = sum_j c_j R_j + n Z with pairs (register, coefficient) in {@code terms};
         * {@code levelAfter} is x's noise level after the op when dst = 0 (ignored otherwise).
         */
        public Builder combine(int dstReg, double n, double levelAfterOp, double... terms) {
            reg(dstReg);
            if (terms.length % 2 != 0) throw new IllegalArgumentException("terms come in (register, coefficient) pairs");
            if (!(n >= 0) || Double.isInfinite(n)) throw new IllegalArgumentException("noise std must be finite and >= 0, got " + n);
            for (int j = 0; j < terms.length; j += 2) {
                int r = (int) terms[j];
                reg(r);
                if (!Double.isFinite(terms[j + 1])) {
                    throw new IllegalArgumentException("non-finite coefficient " + terms[j + 1] + " of R_" + r + " in " + name + " at " + current());
                }
                termReg.add(r);
                termCoef.add(terms[j + 1]);
            }
            add(COMBINE, dstReg, -1, Double.NaN, n, dstReg == 0 ? levelAfterOp : Double.NaN);
            return this;
        }

        /** Sets the output level and builds. */
        public SolverProgram build(double outSigma) {
            if (!(outSigma >= 0) || Double.isInfinite(outSigma)) throw new IllegalArgumentException("output sigma must be finite and >= 0, got " + outSigma);
            this.outputSigma = outSigma;
            return new SolverProgram(this);
        }

        private String current() { return labels.isEmpty() ? "start" : labels.get(labels.size() - 1); }

        private void add(int k, int d, int s, double sg, double n, double after) {
            kind.add(k); dst.add(d); src.add(s); sigma.add(sg); noise.add(n); levelAfter.add(after);
            step.add(Math.max(0, labels.size() - 1));
            termFrom.add(termReg.size());
        }

        private void reg(int r) {
            if (r < 0 || r >= registers) throw new IllegalArgumentException("register " + r + " outside [0, " + registers + ")");
        }
    }

    @Override
    public String toString() { return name + " (" + steps() + " steps, " + evaluations() + " denoiser calls)"; }

    /** One line per operation, for debugging and docs. */
    public String listing() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < size(); i++) {
            if (kind[i] == DENOISE) {
                b.append(String.format(Locale.ROOT, "R%d = D(R%d, %.6g)%n", dst[i], src[i], sigma[i]));
            } else {
                b.append("R").append(dst[i]).append(" =");
                for (int t = termFrom[i]; t < termFrom[i + 1]; t++) b.append(String.format(Locale.ROOT, " %+.6g R%d", termCoef[t], termReg[t]));
                if (noise[i] > 0) b.append(String.format(Locale.ROOT, " + %.6g Z", noise[i]));
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** Coefficients of combine i as a dense vector over registers (for tests). */
    public double[] coefficients(int i) {
        double[] c = new double[registers];
        if (kind[i] == COMBINE) for (int t = termFrom[i]; t < termFrom[i + 1]; t++) c[termReg[t]] += termCoef[t];
        return Arrays.copyOf(c, c.length);
    }
}

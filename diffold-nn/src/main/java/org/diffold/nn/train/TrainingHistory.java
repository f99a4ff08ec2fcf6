package org.diffold.nn.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Per-step training loss and the evaluation records of a run; saved in checkpoints so resumed runs keep it. */
public final class TrainingHistory {
    private double[] loss;
    private final List<EvalRecord> evals = new ArrayList<>();

    /** One evaluation: step (number of steps done), validation loss and eps_score^2 (NaN when not available). */
    public record EvalRecord(int step, double trainLoss, double validationLoss, double epsScore2, double epsScore2StdErr) {}

    TrainingHistory(int steps) { this.loss = new double[steps]; Arrays.fill(loss, Double.NaN); }

    void ensureSteps(int steps) {
        if (steps > loss.length) {
            int old = loss.length;
            loss = Arrays.copyOf(loss, steps);
            Arrays.fill(loss, old, steps, Double.NaN);
        }
    }

    void record(int step, double value) { loss[step] = value; }

    void add(EvalRecord r) { evals.add(r); }

    /** Training loss of step s (0-based); NaN for steps not run. */
    public double loss(int step) { return loss[step]; }

    /** Copy of the first {@code steps} losses. */
    public double[] losses(int steps) { return Arrays.copyOf(loss, steps); }

    /** Mean loss over steps [from, to). */
    public double meanLoss(int from, int to) {
        double s = 0;
        int n = 0;
        for (int i = Math.max(0, from); i < to; i++) { s += loss[i]; n++; }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Evaluation records in order. */
    public List<EvalRecord> evaluations() { return List.copyOf(evals); }

    /** Packs the evaluation records as 5 parallel columns (for checkpoints). */
    double[] packEvaluations() {
        double[] out = new double[evals.size() * 5];
        for (int i = 0; i < evals.size(); i++) {
            EvalRecord r = evals.get(i);
            out[5 * i] = r.step(); out[5 * i + 1] = r.trainLoss(); out[5 * i + 2] = r.validationLoss();
            out[5 * i + 3] = r.epsScore2(); out[5 * i + 4] = r.epsScore2StdErr();
        }
        return out;
    }

    static TrainingHistory unpack(int steps, double[] loss, double[] packed) {
        TrainingHistory h = new TrainingHistory(Math.max(steps, loss.length));
        System.arraycopy(loss, 0, h.loss, 0, loss.length);
        for (int i = 0; i + 4 < packed.length; i += 5) {
            h.evals.add(new EvalRecord((int) packed[i], packed[i + 1], packed[i + 2], packed[i + 3], packed[i + 4]));
        }
        return h;
    }
}

package org.diffold.nn.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.diffold.core.random.NormalStream;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.schedule.Schedules;
import org.diffold.core.target.Target;
import org.diffold.nn.checkpoint.Checkpoint;
import org.diffold.nn.checkpoint.CheckpointFormat;
import org.diffold.nn.eval.ScoreError;
import org.diffold.nn.net.Architecture;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.DenoiserNetwork;
import org.diffold.nn.runtime.NnRuntime;
import org.diffold.nn.score.NetworkScore;

/**
 * Denoising score matching (Vincent 2011; docs/math.md §1): per step, a batch of (data row, level, noise) drawn
 * from the Java stream of that step, loss = mean_i w_i ||net(x_t, level) - target||^2 / D
 * ({@link LossWeighting}), backward, global-norm clipping, Adam ({@link AdamState}), EMA.
 *
 * <p>Everything random is keyed by (seed, step), and the state saved in a checkpoint is exactly what the next
 * step reads, so a run resumed from a checkpoint reproduces the uninterrupted run bit for bit on the CPU with one
 * PyTorch thread. Use one trainer per JVM at a time (DJL allows one gradient collector).
 */
public final class Trainer implements AutoCloseable {
    private final NetworkSpec spec;
    private final TrainConfig cfg;
    private final TrainingData data;
    private final Target exact;
    private final Map<String, String> provenance;
    private final TrainingState state;
    private final LevelSampler levels;
    private final RandomStreams dsmStreams, valStreams;
    private final DsmBatch batch;
    private final NormalStream noise = new NormalStream(0);
    private final Engine engine;
    private final int updateThreads, passThreads;
    private final boolean multiThreaded = NnRuntime.threads() > 1;
    private int lastCheckpoint = -1;
    private Path lastCheckpointFile;
    private float[] directionsF;

    private Trainer(NetworkSpec spec, TrainConfig cfg, TrainingData data, Target exact, Map<String, String> provenance,
                    TrainingState state) {
        this.spec = spec;
        this.cfg = cfg;
        this.data = data;
        this.exact = exact;
        this.provenance = new LinkedHashMap<>(provenance);
        this.state = state;
        this.levels = cfg.levelSampler();
        RandomStreams root = new RandomStreams(cfg.seed());
        this.dsmStreams = root.child("dsm");
        this.valStreams = root.child("validation");
        this.batch = new DsmBatch(spec, cfg.batchSize());
        this.engine = state.net.manager().getEngine();
        long largest = 0;
        for (NDArray p : state.net.parameters()) largest = Math.max(largest, p.size());
        this.updateThreads = NnRuntime.updateThreads(largest);
        long widest = Math.max(spec.inputWidth(), Math.max(spec.width(), spec.dim()));
        this.passThreads = NnRuntime.passThreads((long) cfg.batchSize() * widest, spec.architecture() != Architecture.UNET);
        for (NDArray p : state.net.parameters()) p.setRequiresGradient(true);
        state.history.ensureSteps(cfg.steps());
    }

    /**
     * A fresh run. A spec whose parameterisation needs sigma_data and leaves it NaN gets
     * {@link TrainingData#sigmaData()}, one that needs a whitening and has none gets {@link TrainingData#whitening()}
     * (both stored in the checkpoint with the rest of the spec).
     *
     * @param exact the target's exact score for eps_score^2 during training, or null
     * @param provenance extra provenance stored in checkpoints (e.g. git revision, command line)
     */
    public static Trainer create(NetworkSpec spec, TrainConfig cfg, TrainingData data, Device device, Target exact,
                                 Map<String, String> provenance) {
        if (spec.parameterisation().needsSigmaData() && Double.isNaN(spec.sigmaData())) spec = spec.withSigmaData(data.sigmaData());
        if (spec.parameterisation().needsWhitening() && spec.whitening() == null) spec = spec.withWhitening(data.whitening());
        check(spec, data, exact);
        MemoryBudget.check(spec, cfg.batchSize());
        NnRuntime.engine();
        return new Trainer(spec, cfg, data, exact, provenance, TrainingState.fresh(spec, cfg, device));
    }

    /**
     * Continues the run saved in {@code c}. {@code cfg} may change the total steps and the evaluation and checkpoint
     * intervals, nothing else; the data must be the same (fingerprint). Mismatches are one-line
     * {@link org.diffold.nn.checkpoint.CheckpointException}s.
     */
    public static Trainer resume(Checkpoint c, TrainConfig cfg, TrainingData data, Device device, Target exact,
                                 Map<String, String> provenance) {
        NetworkSpec spec = RunMetadata.spec(c);
        RunMetadata.checkCompatible(c, cfg, data);
        check(spec, data, exact);
        if (c.step() > cfg.steps()) {
            throw new IllegalArgumentException("checkpoint is at step " + c.step() + ", beyond --steps " + cfg.steps());
        }
        NnRuntime.engine();
        TrainingState.checkNames(c, spec);
        Trainer t = new Trainer(spec, cfg, data, exact, provenance, TrainingState.restore(c, spec, cfg, device));
        t.lastCheckpoint = c.step();
        return t;
    }

    private static void check(NetworkSpec spec, TrainingData data, Target exact) {
        if (data.dim() != spec.dim()) throw new IllegalArgumentException("data dim " + data.dim() + " differs from network dim " + spec.dim());
        if (exact != null && exact.dim() != spec.dim()) {
            throw new IllegalArgumentException("target dim " + exact.dim() + " differs from network dim " + spec.dim());
        }
    }

    /** Steps done so far. */
    public int step() { return state.step; }

    /** The network spec. */
    public NetworkSpec spec() { return spec; }

    /** The configuration. */
    public TrainConfig config() { return cfg; }

    /** Loss history and evaluations. */
    public TrainingHistory history() { return state.history; }

    /** The weights used for evaluation and sampling (EMA when enabled); live, owned by the trainer. */
    public DenoiserNetwork evaluationNetwork() { return state.evaluationNetwork(); }

    /** Runs all remaining steps; see {@link #trainUntil}. */
    public void train(TrainListener listener, Path checkpointFile) throws IOException {
        trainUntil(cfg.steps(), listener, checkpointFile);
    }

    /**
     * Runs steps until {@code until} steps are done, evaluating every {@code evalEvery} steps and after the last step,
     * and writing {@code checkpointFile} (if not null) every {@code checkpointEvery} steps and at {@code until}.
     *
     * @throws TrainingDivergedException when the loss or gradient norm becomes NaN/Inf (no checkpoint is written)
     */
    public void trainUntil(int until, TrainListener listener, Path checkpointFile) throws IOException {
        if (until > cfg.steps()) throw new IllegalArgumentException("until must be <= steps " + cfg.steps() + ", got " + until);
        TrainListener l = listener == null ? TrainListener.NONE : listener;
        while (state.step < until) {
            double lr = cfg.lr().at(state.step, cfg.steps());
            double loss = step(lr);
            state.step++;
            l.onStep(state.step, loss, lr);
            boolean end = state.step == until;
            boolean last = state.step == cfg.steps();
            if (last || (cfg.evalEvery() > 0 && state.step % cfg.evalEvery() == 0)) l.onEvaluation(evaluate());
            if (checkpointFile != null && (end || (cfg.checkpointEvery() > 0 && state.step % cfg.checkpointEvery() == 0))) {
                saveCheckpoint(checkpointFile);
                l.onCheckpoint(state.step, checkpointFile);
            }
        }
    }

    private double step(double lr) {
        SplittableRandom rng = dsmStreams.stream(state.step);
        batch.fillTraining(data.train(), rng, dsmStreams.normals(state.step, noise), levels, cfg.weighting());
        int b = batch.rows, mklBefore = -1;
        try (NDManager sub = state.net.manager().newSubManager()) {
            NDArray in = sub.create(batch.input, new Shape(b, spec.inputWidth()), DataType.FLOAT32);
            NDArray tgt = sub.create(batch.target, new Shape(b, spec.dim()), DataType.FLOAT32);
            NDArray w = sub.create(batch.weight, new Shape(b, 1), DataType.FLOAT32);
            NDArray q = directions(sub), dw = dirWeights(sub, batch);
            NDArray loss;
            // forward and backward, then the optimiser, each on its own thread count (NnRuntime.passThreads, updateThreads)
            if (multiThreaded) NnRuntime.setCallerThreads(passThreads);
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray out = state.net.forward(in);
                loss = loss(out, tgt, w, q, dw);
                gc.backward(loss);
            }
            if (multiThreaded) {
                NnRuntime.setCallerThreads(updateThreads);
                if (updateThreads == 1) mklBefore = NnRuntime.setCallerMklThreads(1); // Adam's sqrt is MKL's vector maths
            }
            NDList grads = new NDList(state.net.parameters().size());
            for (NDArray p : state.net.parameters()) {
                NDArray g = p.getGradient();
                g.attach(sub);
                grads.add(g);
            }
            float lossValue = loss.getFloat();
            float rescale = 1f;
            double norm = Double.NaN;
            if (cfg.clipNorm() > 0 || !Float.isFinite(lossValue)) {
                NDArray sq = null;
                for (NDArray g : grads) {
                    NDArray s = g.square().sum();
                    sq = sq == null ? s : sq.add(s);
                }
                norm = Math.sqrt(sq.getFloat());
                if (norm > cfg.clipNorm()) rescale = (float) (cfg.clipNorm() / (norm + 1e-6));
            }
            if (!Float.isFinite(lossValue) || (cfg.clipNorm() > 0 && !Double.isFinite(norm))) {
                String what = !Float.isFinite(lossValue) ? "loss is " + lossValue : "gradient norm is " + norm;
                throw new TrainingDivergedException("training diverged: " + what + " at step " + (state.step + 1)
                        + " (lr " + (float) lr + "); " + (lastCheckpoint >= 0 && lastCheckpointFile != null
                        ? "last good checkpoint: step " + lastCheckpoint + " in " + lastCheckpointFile
                        : lastCheckpoint >= 0 ? "last good checkpoint: step " + lastCheckpoint : "no checkpoint written yet")
                        + "; lower the learning rate or enable clipping", state.step + 1);
            }
            long t = state.step + 1L;
            state.adam.update(state.net.parameters(), grads, lr, t, rescale, cfg);
            state.updateEma(cfg.emaDecay(), t);
            state.history.record(state.step, lossValue);
            return lossValue;
        } finally {
            if (multiThreaded) {
                NnRuntime.setCallerThreads(NnRuntime.threads());
                if (mklBefore >= 0) NnRuntime.setCallerMklThreads(mklBefore);
            }
        }
    }

    /** Validation loss and (with an exact target) eps_score^2 of the evaluation weights, now. */
    public TrainingHistory.EvalRecord evaluate() {
        DenoiserNetwork evalNet = state.evaluationNetwork();
        double val = Double.NaN;
        if (data.validationRows() > 0) val = validationLoss(evalNet);
        double e2 = Double.NaN, se = Double.NaN;
        if (exact != null) {
            ScoreError.Estimate est = ScoreError.liYan(exact, new NetworkScore(evalNet),
                    Schedules.parse(cfg.schedule(), cfg.scheduleSteps()), Math.min(cfg.evalLevels(), cfg.scheduleSteps()),
                    Math.max(2, cfg.evalSamples()), RandomStreams.mix64(cfg.seed() ^ 0x5C0E5L));
            e2 = est.mean();
            se = est.standardError();
        }
        int window = Math.max(1, Math.min(100, state.step));
        TrainingHistory.EvalRecord r = new TrainingHistory.EvalRecord(state.step, state.history.meanLoss(state.step - window, state.step),
                val, e2, se);
        state.history.add(r);
        return r;
    }

    private double validationLoss(DenoiserNetwork evalNet) {
        int n = data.validationRows(), block = Math.min(1024, n);
        double total = 0;
        DsmBatch full = new DsmBatch(spec, block);
        for (int from = 0; from < n; from += block) {
            int rows = Math.min(block, n - from);
            DsmBatch vb = rows == block ? full : new DsmBatch(spec, rows);
            vb.fillValidation(data.validation(), from, valStreams, levels, cfg.weighting());
            try (NDManager sub = evalNet.manager().newSubManager()) {
                NDArray in = sub.create(vb.input, new Shape(rows, spec.inputWidth()), DataType.FLOAT32);
                NDArray tgt = sub.create(vb.target, new Shape(rows, spec.dim()), DataType.FLOAT32);
                NDArray w = sub.create(vb.weight, new Shape(rows, 1), DataType.FLOAT32);
                total += (double) loss(evalNet.forward(in), tgt, w, directions(sub), dirWeights(sub, vb)).getFloat() * rows;
            }
        }
        return total / n;
    }

    /**
     * mean over rows and coordinates of w ||out - tgt||^2, and for edm-pca (q, dw non-null) the per-direction
     * correction sum_i (w_i - w_rest) (q_i . (out - tgt))^2 / D: the loss in the [Q, complement] basis, O(B D r).
     */
    private static NDArray loss(NDArray out, NDArray tgt, NDArray w, NDArray q, NDArray dw) {
        NDArray diff = out.sub(tgt);
        NDArray base = diff.square().mul(w).mean();
        if (q == null) return base;
        long rows = out.getShape().get(0), d = out.getShape().get(1);
        return base.add(diff.matMul(q).square().mul(dw).sum().div((float) (rows * d)));
    }

    /** Q as a float (D, r) array on {@code m}, or null when the loss needs no directions. */
    private NDArray directions(NDManager m) {
        if (batch.dirWeight == null || spec.whitening().rank() == 0) return null;
        if (directionsF == null) {
            double[] q = spec.whitening().directions();
            directionsF = new float[q.length];
            for (int i = 0; i < q.length; i++) directionsF[i] = (float) q[i];
        }
        return m.create(directionsF, new Shape(spec.dim(), spec.whitening().rank()));
    }

    private NDArray dirWeights(NDManager m, DsmBatch b) {
        if (b.dirWeight == null || spec.whitening().rank() == 0) return null;
        return m.create(b.dirWeight,
                new Shape(b.rows, spec.whitening().rank()), DataType.FLOAT32);
    }

    /** A checkpoint of the current state. */
    public Checkpoint checkpoint() {
        return state.toCheckpoint(RunMetadata.meta(spec, cfg, data, exact, provenance));
    }

    private void saveCheckpoint(Path file) throws IOException {
        if (!state.finite()) {
            throw new TrainingDivergedException("training diverged: non-finite weights at step " + state.step
                    + "; checkpoint not written, last good checkpoint: step " + Math.max(0, lastCheckpoint), state.step);
        }
        CheckpointFormat.write(file, checkpoint());
        lastCheckpoint = state.step;
        lastCheckpointFile = file;
    }

    @Override
    public void close() { state.close(); }
}

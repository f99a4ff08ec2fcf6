package org.diffold.nn.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.nn.checkpoint.Checkpoint;
import org.diffold.nn.checkpoint.CheckpointException;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.DenoiserNetwork;

/**
 * Everything that evolves during training: weights, Adam moments, EMA weights, loss history and the step count,
 * with the exact float32 round trip to a {@link Checkpoint} (tensors {@code weights/}, {@code adam.m/},
 * {@code adam.v/}, {@code ema/}, {@code history/}).
 */
final class TrainingState implements AutoCloseable {
    final DenoiserNetwork net;
    final DenoiserNetwork ema; // null when EMA is off
    final AdamState adam;
    final TrainingHistory history;
    int step;

    private TrainingState(DenoiserNetwork net, DenoiserNetwork ema, AdamState adam, TrainingHistory history, int step) {
        this.net = net;
        this.ema = ema;
        this.adam = adam;
        this.history = history;
        this.step = step;
    }

    /** Fresh state: initialised weights, zero moments, EMA = weights. */
    static TrainingState fresh(NetworkSpec spec, TrainConfig cfg, Device device) {
        DenoiserNetwork net = DenoiserNetwork.initialise(spec, device, cfg.seed());
        DenoiserNetwork ema = cfg.emaDecay() > 0 ? net.copy() : null;
        return new TrainingState(net, ema, AdamState.zeros(net), new TrainingHistory(cfg.steps()), 0);
    }

    /** State restored from a checkpoint (the caller has checked that spec and config match). */
    static TrainingState restore(Checkpoint c, NetworkSpec spec, TrainConfig cfg, Device device) {
        List<String> names = spec.parameterNames();
        DenoiserNetwork net = DenoiserNetwork.fromWeights(spec, device, tensors(c, "weights/", names));
        try {
            DenoiserNetwork ema = null;
            if (cfg.emaDecay() > 0) ema = DenoiserNetwork.fromWeights(spec, device, tensors(c, "ema/", names));
            AdamState adam = AdamState.fromHost(net, tensors(c, "adam.m/", names), tensors(c, "adam.v/", names));
            TrainingHistory h = TrainingHistory.unpack(cfg.steps(), c.doubles("history/loss"), c.doubles("history/eval"));
            return new TrainingState(net, ema, adam, h, c.step());
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    private static List<float[]> tensors(Checkpoint c, String prefix, List<String> names) {
        List<float[]> out = new ArrayList<>(names.size());
        for (String n : names) out.add(c.floats(prefix + n));
        return out;
    }

    /** The weights used for evaluation and sampling: EMA when enabled, else the raw weights. */
    DenoiserNetwork evaluationNetwork() { return ema != null ? ema : net; }

    /** True when every weight is finite (checked before a checkpoint is written). */
    boolean finite() {
        for (NDArray p : net.parameters()) {
            try (NDArray s = p.sum()) {
                if (!Float.isFinite(s.getFloat())) return false;
            }
        }
        return true;
    }

    /** A checkpoint of this state with the given metadata. */
    Checkpoint toCheckpoint(Map<String, String> meta) {
        List<String> names = net.spec().parameterNames();
        Map<String, float[]> f = new LinkedHashMap<>();
        put(f, "weights/", names, net.weights());
        put(f, "adam.m/", names, adam.means());
        put(f, "adam.v/", names, adam.variances());
        if (ema != null) put(f, "ema/", names, ema.weights());
        Map<String, double[]> d = new LinkedHashMap<>();
        d.put("history/loss", history.losses(step));
        d.put("history/eval", history.packEvaluations());
        d.putAll(net.spec().whiteningTensors());
        Map<String, String> m = new LinkedHashMap<>(meta);
        m.put(Checkpoint.STEP, Integer.toString(step));
        return new Checkpoint(m, f, d);
    }

    private static void put(Map<String, float[]> f, String prefix, List<String> names, List<float[]> values) {
        for (int j = 0; j < names.size(); j++) f.put(prefix + names.get(j), values.get(j));
    }

    /** One EMA step ema = d ema + (1 - d) w with d = min(decay, (1 + t) / (10 + t)) (warm-up as in TF's EMA) [ours]. */
    void updateEma(double decay, long t) {
        if (ema == null) return;
        float d = (float) Math.min(decay, (1.0 + t) / (10.0 + t));
        NDList p = net.parameters(), e = ema.parameters();
        for (int j = 0; j < p.size(); j++) {
            try (NDArray scaled = p.get(j).mul(1 - d)) {
                e.get(j).muli(d).addi(scaled);
            }
        }
    }

    static void checkNames(Checkpoint c, NetworkSpec spec) {
        for (String n : spec.parameterNames()) {
            if (!c.floats().containsKey("weights/" + n)) throw new CheckpointException("checkpoint has no weights for " + n);
        }
    }

    @Override
    public void close() {
        adam.close();
        if (ema != null) ema.close();
        net.close();
    }
}

package org.diffold.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.diffold.nn.net.DenoiserNetwork;

/**
 * Adam's first and second moments m, v per weight (Kingma &amp; Ba 2015, Algorithm 1 with the bias correction
 * folded into the step size): m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
 * w -= lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + eps). The update is PyTorch's fused DJL kernel; the moments
 * are owned here so that checkpoints can save and restore them exactly. Public for the other trainers of
 * diffold-nn (the latent models' stage 1), which keep their weights in an {@link NDList}.
 */
public final class AdamState implements AutoCloseable {
    private final NDManager manager;
    private final NDList m, v;

    private AdamState(NDManager manager, NDList m, NDList v) {
        this.manager = manager;
        this.m = m;
        this.v = v;
    }

    /** Zero moments shaped like {@code net}'s weights, on its device. */
    static AdamState zeros(DenoiserNetwork net) {
        return zeros(net.parameters(), net.device());
    }

    /** Zero moments shaped like {@code params}, on {@code device}. */
    public static AdamState zeros(NDList params, ai.djl.Device device) {
        NDManager mg = NDManager.newBaseManager(device);
        NDList m = new NDList(), v = new NDList();
        for (NDArray p : params) {
            m.add(mg.zeros(p.getShape()));
            v.add(mg.zeros(p.getShape()));
        }
        return new AdamState(mg, m, v);
    }

    /** Moments restored from host copies. */
    static AdamState fromHost(DenoiserNetwork net, List<float[]> means, List<float[]> variances) {
        return fromHost(net.parameters(), net.device(), means, variances);
    }

    /** Moments of {@code params} restored from host copies. */
    public static AdamState fromHost(NDList params, ai.djl.Device device, List<float[]> means, List<float[]> variances) {
        AdamState s = zeros(params, device);
        for (int j = 0; j < s.m.size(); j++) {
            s.m.get(j).set(means.get(j));
            s.v.get(j).set(variances.get(j));
        }
        return s;
    }

    /**
     * One Adam step on every weight; gradients are multiplied by {@code rescale} first (global-norm clipping)
     * and zeroed afterwards.
     *
     * @param t 1-based update count (for the bias correction)
     */
    void update(NDList params, NDList grads, double lr, long t, float rescale, TrainConfig cfg) {
        update(params, grads, lr, t, rescale, cfg.beta1(), cfg.beta2(), cfg.adamEps());
    }

    /** As above with explicit betas and epsilon. */
    public void update(NDList params, NDList grads, double lr, long t, float rescale, double b1, double b2, double adamEps) {
        float lrCorrected = (float) (lr * Math.sqrt(-Math.expm1(t * Math.log(b2))) / -Math.expm1(t * Math.log(b1)));
        for (int j = 0; j < params.size(); j++) {
            NDArray p = params.get(j);
            p.getNDArrayInternal().adamUpdate(new NDList(p, grads.get(j), m.get(j), v.get(j)), new NDList(p), (float) lr,
                    lrCorrected, 0f, rescale, -1f, (float) b1, (float) b2, (float) adamEps, false, false);
        }
    }

    /** Host copies of m. */
    public List<float[]> means() { return host(m); }

    /** Host copies of v. */
    public List<float[]> variances() { return host(v); }

    private static List<float[]> host(NDList l) {
        List<float[]> out = new ArrayList<>(l.size());
        for (NDArray a : l) out.add(a.toFloatArray());
        return out;
    }

    @Override
    public void close() { manager.close(); }
}

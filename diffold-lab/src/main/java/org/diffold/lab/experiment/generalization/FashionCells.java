package org.diffold.lab.experiment.generalization;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.core.data.DataMatrix;
import org.diffold.core.data.FashionMnist;
import org.diffold.core.metrics.Memorization;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.score.empirical.EmpiricalScore;
import org.diffold.core.score.empirical.TrainingPanels;
import org.diffold.lab.store.SweepCell;

/**
 * Fashion-MNIST subsets (the first N training images, pixels scaled to [-1, 1]): samples of the exact empirical score
 * and their memorized fraction; the first {@link #SHOWN} samples and the indices of their nearest training images are
 * kept for the report. In the full run (not {@code --quick}) a U-Net ({@link #NETWORK}) is also trained on each subset
 * ({@link NeuralCurves#trainAndSample}), so the memorized fraction of trained networks can be read against N.
 */
final class FashionCells {
    /** The network trained on each subset [ours]: U-Net 16/32, 4 groups, edm, 1000 steps of batch 64, Adam 2e-3. */
    static final org.diffold.lab.experiment.common.PixelUnet NETWORK =
            new org.diffold.lab.experiment.common.PixelUnet(List.of(16, 32), 4, 1000, 64, 2e-3);
    /** Samples kept per cell for the image grid. */
    static final int SHOWN = 8;

    private FashionCells() {}

    static List<SweepCell> cells(GeneralizationConfig cfg) {
        List<SweepCell> out = new ArrayList<>();
        boolean networks = !cfg.quick() && cfg.families().contains("neural");
        for (String score : networks ? List.of("empirical", "neural") : List.of("empirical")) {
            for (int n : cfg.fashionSizes()) {
                Map<String, Object> st = new LinkedHashMap<>();
                st.put("data", "fashion-mnist");
                st.put("N", n);
                st.put("score", score);
                st.put("samples", cfg.fashionSamples());
                st.put("steps", cfg.steps());
                st.put("delta", cfg.delta());
                st.put("seed", cfg.seed());
                String key = "fashion-mnist/N=" + n + "/" + score + "/n=" + cfg.fashionSamples() + "/steps=" + cfg.steps()
                        + "/delta=" + cfg.delta() + "/seed=" + cfg.seed();
                if (score.equals("neural")) {
                    st.put("train_steps", NETWORK.steps());
                    st.put("network", NETWORK.describe());
                    key += "/net=" + NETWORK.describe();
                }
                out.add(SweepCell.of(key, st));
            }
        }
        return out;
    }

    /** The first N training images scaled to [-1, 1]. */
    static DataMatrix images(Path dir, int n) throws IOException {
        DataMatrix m = FashionMnist.images(dir, FashionMnist.Split.TRAIN, n);
        double[] v = new double[n * m.cols()];
        for (int i = 0; i < v.length; i++) v[i] = m.values()[i] / 127.5 - 1;
        return new DataMatrix(v, n, m.cols(), m.source());
    }

    static Map<String, Object> compute(GeneralizationExperiment e, Path dir, SweepCell cell) throws Exception {
        int n = ((Number) cell.settings().get("N")).intValue(), ns = e.config().fashionSamples();
        DataMatrix train = images(dir, n);
        long t0 = System.nanoTime();
        RandomStreams streams = new RandomStreams(e.config().seed()).child("fashion-mnist/N=" + n);
        double[] y = cell.settings().get("score").equals("neural")
                ? NeuralCurves.trainAndSample(e.config(), train.values(), n, train.cols(), "fashion-mnist N=" + n, streams, ns, e)
                : e.sample(EmpiricalScore.exact(new TrainingPanels(train.values(), n, train.cols())), streams, ns);
        Memorization mem = Memorization.measure(y, ns, train.values(), n, train.cols(), e.threads());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("memorized_fraction", mem.memorizedFraction());
        r.put("nn_distance_median", mem.nearestQuantile(0.5));
        List<Integer> nearest = new ArrayList<>();
        List<Double> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(SHOWN, ns); i++) {
            nearest.add(mem.nearest(i));
            for (int j = 0; j < train.cols(); j++) shown.add(y[i * train.cols() + j]);
        }
        r.put("nearest", nearest);
        r.put("shown", shown);
        r.put("seconds", (System.nanoTime() - t0) * 1e-9);
        return r;
    }
}

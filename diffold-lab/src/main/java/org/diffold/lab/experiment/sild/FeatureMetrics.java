package org.diffold.lab.experiment.sild;

import java.util.LinkedHashMap;
import java.util.Map;
import org.diffold.core.metrics.fidelity.FrechetDistance;
import org.diffold.core.metrics.fidelity.ModeHistogram;
import org.diffold.core.metrics.fidelity.PrecisionRecall;
import org.diffold.nn.image.ImageClassifier;

/**
 * Generation metrics of image samples against held-out images in the classifier's feature space (docs/math.md §7):
 * Fréchet distance, k-NN precision and recall (k = 5), the predicted class histogram's KL to uniform and the
 * classes covered.
 */
final class FeatureMetrics {
    private final ImageClassifier classifier;
    private final double[] realFeatures;
    private final int nReal, threads;

    FeatureMetrics(ImageClassifier classifier, double[] real, int nReal, int threads) {
        this.classifier = classifier;
        this.realFeatures = classifier.features(real, nReal);
        this.nReal = nReal;
        this.threads = threads;
    }

    Map<String, Object> of(double[] samples, int n) {
        int f = ImageClassifier.FEATURES;
        double[] feat = classifier.features(samples, n);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("fd", FrechetDistance.between(realFeatures, nReal, feat, n, f));
        PrecisionRecall pr = PrecisionRecall.of(realFeatures, nReal, feat, n, f, PrecisionRecall.DEFAULT_K, threads);
        r.put("precision", pr.precision());
        r.put("recall", pr.recall());
        ModeHistogram h = ModeHistogram.of(classifier.predict(samples, n), 10);
        r.put("class_kl", h.klToUniform());
        r.put("classes_covered", h.covered());
        return r;
    }
}

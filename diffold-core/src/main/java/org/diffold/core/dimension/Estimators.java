package org.diffold.core.dimension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** The name -> estimator registry with each estimator's default parameters (declared once, in its class). */
public final class Estimators {
    private static final Map<String, LongFunction<IntrinsicDimensionEstimator>> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put("mle", seed -> new MleEstimator(MleEstimator.DEFAULT_K));
        REGISTRY.put("twonn", seed -> new TwoNnEstimator(TwoNnEstimator.DEFAULT_DISCARD));
        REGISTRY.put("lpca", seed -> new LpcaEstimator(LpcaEstimator.Criterion.FUKUNAGA_OLSEN, LpcaEstimator.DEFAULT_FO_ALPHA, LpcaEstimator.DEFAULT_K));
        REGISTRY.put("lpca-ev", seed -> new LpcaEstimator(LpcaEstimator.Criterion.EXPLAINED_VARIANCE, LpcaEstimator.DEFAULT_EV_ALPHA, LpcaEstimator.DEFAULT_K));
        REGISTRY.put("corrint", seed -> new CorrelationDimensionEstimator(CorrelationDimensionEstimator.DEFAULT_K1, CorrelationDimensionEstimator.DEFAULT_K2));
        REGISTRY.put("mom", seed -> new MomEstimator(MomEstimator.DEFAULT_K));
        REGISTRY.put("tle", seed -> new TleEstimator(TleEstimator.DEFAULT_K));
        REGISTRY.put("ess", seed -> new EssEstimator(EssEstimator.DEFAULT_K));
        REGISTRY.put("danco", seed -> new DancoEstimator(DancoEstimator.DEFAULT_K, DancoEstimator.DEFAULT_CALIBRATION_SIZE, seed));
        REGISTRY.put("mind-ml", seed -> new MindMlEstimator(MindMlEstimator.DEFAULT_K));
        REGISTRY.put("mada", seed -> new MadaEstimator(MadaEstimator.DEFAULT_K));
        REGISTRY.put("knn", KnnGraphEstimator::new);
        REGISTRY.put("fishers", seed -> new FisherSEstimator());
    }

    private Estimators() {}

    /** All registered names, in display order. */
    public static List<String> names() { return List.copyOf(REGISTRY.keySet()); }

    /** The estimator with default parameters; {@code seed} feeds randomised ones (danco, knn). */
    public static IntrinsicDimensionEstimator byName(String name, long seed) {
        LongFunction<IntrinsicDimensionEstimator> f = REGISTRY.get(name);
        if (f == null) throw new IllegalArgumentException("unknown estimator '" + name + "', expected one of " + names());
        return f.apply(seed);
    }

    /** Parses a comma-separated list such as {@code mle,twonn,lpca} ({@code all} = every estimator). */
    public static List<IntrinsicDimensionEstimator> parse(String list, long seed) {
        List<String> names = list.trim().equals("all") ? names() : Arrays.stream(list.split(",", -1)).map(String::trim).toList();
        List<IntrinsicDimensionEstimator> out = new ArrayList<>();
        for (String name : names) {
            if (name.isEmpty()) throw new IllegalArgumentException("empty estimator name in '" + list + "'");
            out.add(byName(name, seed));
        }
        return out;
    }
}

package org.diffold.lab.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.diffold.lab.experiment.liyan.LiYanConfig;
import org.diffold.lab.experiment.liyan.LiYanExperiment;
import org.diffold.lab.store.CellComputation;
import org.diffold.lab.store.Json;
import org.diffold.lab.store.SweepCell;

/**
 * The {@link CellComputer} of {@code reproduce li-yan}: parameters {@code config} (the {@link LiYanConfig} as a
 * JSON object), {@code seed} and {@code threads}; exact cells of one (target, design, T) form a group, since the
 * product target's 1-D propagation and Monte Carlo depend on the design and T only.
 */
public final class LiYanCells implements CellComputer {

    /**
     * The recipe of one sweep.
     *
     * @param config the settings
     * @param seed master seed
     * @param threads threads each simulated cell uses
     * @return the recipe
     */
    public static CellRecipe recipe(LiYanConfig config, long seed, int threads) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("config", config);
        p.put("seed", seed);
        p.put("threads", threads);
        return CellRecipe.of(LiYanExperiment.NAME, p);
    }

    @Override
    public String name() {
        return LiYanExperiment.NAME;
    }

    @Override
    public CellComputation<SweepCell> create(Map<String, Object> params) {
        LiYanConfig config = Json.mapper().convertValue(params.get("config"), LiYanConfig.class);
        long seed = ((Number) params.get("seed")).longValue();
        int threads = ((Number) params.get("threads")).intValue();
        return new LiYanExperiment(config, seed, threads)::compute;
    }

    @Override
    public String group(SweepCell cell) {
        Map<String, Object> s = cell.settings();
        if (!"exact".equals(s.get("kind"))) {
            return cell.key();
        }
        return "exact/" + s.get("target") + "/" + s.get("design") + "/T=" + s.get("T");
    }
}

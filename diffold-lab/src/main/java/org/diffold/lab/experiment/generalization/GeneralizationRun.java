package org.diffold.lab.experiment.generalization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import org.diffold.lab.store.Sweep;
import org.diffold.lab.store.SweepCell;
import org.diffold.lab.store.SweepListener;

/** Runs the resumable sweep of {@code reproduce generalization}: manifold cells, then the Fashion-MNIST cells. */
public final class GeneralizationRun {
    private GeneralizationRun() {}

    /** Cells to run in total (for progress). */
    public static int cellCount(GeneralizationExperiment e, Path fashionDir) {
        return e.cells().size() + (Files.isDirectory(fashionDir) ? FashionCells.cells(e.config()).size() : 0);
    }

    /**
     * Computes the missing cells (stored ones are read back) and the fits. The Fashion-MNIST part is skipped when
     * {@code fashionDir} does not exist.
     */
    public static GeneralizationResult run(GeneralizationExperiment e, Path fashionDir, RunStore store, Provenance provenance,
                                           SweepListener listener) {
        Sweep<SweepCell> sweep = new Sweep<>(store, GeneralizationConfig.EXPERIMENT, provenance);
        List<SweepCell> cells = e.cells();
        List<Map<String, Object>> results = sweep.run(cells, e::compute, listener);
        List<Map<String, Object>> fashion = new ArrayList<>();
        if (Files.isDirectory(fashionDir)) {
            List<SweepCell> fc = FashionCells.cells(e.config());
            List<Map<String, Object>> fr = sweep.run(fc, c -> FashionCells.compute(e, fashionDir, c), listener);
            fashion = merge(fc, fr);
        }
        return GeneralizationResult.of(e.config(), merge(cells, results), fashion);
    }

    private static List<Map<String, Object>> merge(List<SweepCell> cells, List<Map<String, Object>> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>(cells.get(i).settings());
            m.putAll(results.get(i));
            out.add(m);
        }
        return out;
    }
}

package org.diffold.lab.experiment.potaptchik;

import org.diffold.lab.experiment.common.ExactFactorCalculator;
import org.diffold.lab.experiment.common.FactorCalculator;
import org.diffold.lab.experiment.common.FactorError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.diffold.core.grid.TimeGrid;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.score.CoordinateField;
import org.diffold.core.target.Mixture1D;
import org.diffold.lab.bench.PropagationBenchmark;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import org.diffold.lab.store.SweepListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PotaptchikExperimentTest {
    @TempDir
    Path dir;

    /** A small version of the reproduction (seconds). */
    static PotaptchikConfig tiny() {
        return new PotaptchikConfig(true, Mixture1D.defaultFactor(), 5, 1e-2, 0.24, 0.5, 0.03, 0.06, 0.5,
                List.of(1, 2, 4), List.of(1, 10), List.of(1e-2), 0.1, List.of(1e-2), 2, 20, 0.2, 1e-1, 1, 5, List.of(0.0, 0.1), 3L);
    }

    private static Provenance provenance() {
        return new Provenance("abc", "dev", "21", "test", "linux", "amd64", 7, 1, "2024-05-01T00:00:00Z", List.of("diffold", "test"));
    }

    @Test
    void ddpmPosteriorIsFlatInDAndTheExponentialIntegratorIsNot() throws Exception {
        PotaptchikConfig config = tiny();
        PotaptchikResult r;
        try (RunStore store = RunStore.open(dir.resolve("d.db"))) {
            r = new PotaptchikExperiment(config, new ExactFactorCalculator()).run(store, provenance(), SweepListener.NONE);
            PotaptchikResult again = new PotaptchikExperiment(config, new ExactFactorCalculator()).run(store, provenance(), SweepListener.NONE);
            assertEquals(r.needed(), again.needed(), "a rerun reads the stored cells back");
        }
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        for (int d : config.intrinsicDims()) {
            StepsNeeded flat1 = find(r, "ddpm-posterior", d, d), flat10 = find(r, "ddpm-posterior", d, 10 * d);
            assertEquals(flat1.interpolatedSteps(), flat10.interpolatedSteps(), 1e-9 * flat1.interpolatedSteps(), "d=" + d);
            StepsNeeded ei1 = find(r, "exponential-integrator", d, d), ei10 = find(r, "exponential-integrator", d, 10 * d);
            assertTrue(ei10.interpolatedSteps() > 1.5 * ei1.interpolatedSteps(), "d=" + d + ": " + ei1 + " vs " + ei10);
        }
        assertEquals(3, r.perturbed().size());
        for (PotaptchikResult.Perturbed p : r.perturbed()) {
            // Girsanov-type bound checked by the reproduction (docs/math.md §4.4): KL <= KL_0 + step-weighted eps^2
            assertTrue(p.product().kl() <= r.perturbed().get(0).product().kl() + p.epsStepWeighted() + 1e-12, p.field());
        }
        PotaptchikReport report = new PotaptchikReport(config, r, "test", List.of(new PropagationBenchmark.Row(512, 10, 0.01, 5.12e5, 1)));
        Path out = report.build(provenance()).writeTo(dir.resolve("report"));
        assertTrue(Files.exists(out.resolve("index.html")) && Files.exists(out.resolve("steps_needed.csv")));
        assertFalse(report.summary().isEmpty());
    }

    private static StepsNeeded find(PotaptchikResult r, String scheme, int d, int dim) {
        return r.needed().stream().filter(n -> n.scheme().equals(scheme) && n.d() == d && n.dim() == dim).findFirst().orElseThrow().steps();
    }

    @Test
    void aTooCoarseGridIsAWarningNeverASilentNumber() throws Exception {
        FactorCalculator exact = new ExactFactorCalculator();
        FactorCalculator coarse = new FactorCalculator() {
            @Override
            public FactorError factor(StepPlan plan, Mixture1D pi, CoordinateField h) {
                FactorError e = exact.factor(plan, pi, h);
                return pi.components() > 1 ? new FactorError(e.kl(), e.logAffinity(), e.tv(), 256, 0.05, false, 1) : e;
            }

            @Override public FactorError heun(TimeGrid grid, Mixture1D pi) { return exact.heun(grid, pi); }

            @Override public String settings() { return "coarse-test"; }
        };
        try (RunStore store = RunStore.open(dir.resolve("c.db"))) {
            PotaptchikResult r = new PotaptchikExperiment(tiny(), coarse).run(store, provenance(), SweepListener.NONE);
            assertFalse(r.warnings().isEmpty());
            assertTrue(r.warnings().get(0).contains("too coarse") && r.warnings().get(0).contains("256 points"), r.warnings().get(0));
        }
    }
}

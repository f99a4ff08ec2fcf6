package org.diffold.lab.experiment.adaptivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.diffold.core.target.Mixture1D;
import org.diffold.lab.experiment.adaptivity.AdaptivityResult.Fit;
import org.junit.jupiter.api.Test;

class AdaptivityExperimentTest {
    private static Fit fit(AdaptivityResult r, String target, String sampler) {
        int steps = target.equals("product-subspace") ? 50 : 20;
        return r.fits().stream().filter(f -> f.target().equals(target) && f.sampler().equals(sampler) && f.steps() == steps).findFirst()
                .orElseThrow(() -> new AssertionError(sampler + " missing"));
    }

    @Test
    void rankedVerdictsSeparateExactComplementsFromPerDimensionErrors() {
        AdaptivityConfig c = new AdaptivityConfig(List.of("euler", "dpmpp-2m", "euler-ancestral", "euler:s_churn=40,s_noise=1.003"),
                List.of("ddpm-posterior", "exponential-integrator"), List.of(10, 20), List.of(10, 100, 1000), 8, 0.5,
                Mixture1D.defaultFactor(), List.of(50), 0, 20, true);
        AdaptivityResult r = new AdaptivityExperiment(c).run(7, 2, null);
        for (String s : List.of("euler", "dpmpp-2m", "euler-ancestral", "ddpm-posterior")) {
            Fit f = fit(r, "gaussian-subspace", s);
            assertTrue(f.adapts(), s + " " + f);
            assertTrue(Math.abs(f.ratio() - 1) < 1e-6, s + " " + f);
        }
        Fit churn = fit(r, "gaussian-subspace", "euler:s_churn=40,s_noise=1.003"), ei = fit(r, "gaussian-subspace", "exponential-integrator");
        assertFalse(churn.adapts());
        assertFalse(ei.adapts());
        assertTrue(ei.slope() > 0.5 && ei.share() > 0.9, ei.toString());
        // the product target: single-step samplers and schemes only; dpmpp-2m (multistep) is absent
        assertTrue(r.fits().stream().anyMatch(f -> f.target().equals("product-subspace") && f.sampler().equals("euler")));
        assertTrue(r.fits().stream().noneMatch(f -> f.target().equals("product-subspace") && f.sampler().equals("dpmpp-2m")));
        assertTrue(fit(r, "product-subspace", "exponential-integrator").slope() > 0.5);
        assertTrue(fit(r, "product-subspace", "euler-ancestral").adapts());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        // the sampler list runs to sigma = 0 without leaving noise in the complement
        assertEquals(4, r.finalZero().size());
        assertTrue(r.finalZero().stream().allMatch(z -> Double.isFinite(z.kl()) && z.residualStd() < 1e-12), r.finalZero().toString());
        AdaptivityReport report = new AdaptivityReport(c, r);
        assertEquals("euler:s_churn=40,s_noise=1.003", report.ranked("gaussian-subspace").get(4).sampler());
        String findings = report.findings();
        assertTrue(findings.contains("4 of 6 samplers and schemes adapt"), findings);
        assertTrue(r.speed().exactMillis() > 0 && r.speed().simulationMillis() > 0);
    }
}

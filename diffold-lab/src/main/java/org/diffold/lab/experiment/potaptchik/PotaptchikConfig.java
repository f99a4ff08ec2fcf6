package org.diffold.lab.experiment.potaptchik;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.core.grid.PotaptchikGrid;
import org.diffold.core.target.Mixture1D;

/**
 * Settings of the Potaptchik et al. reproduction (2410.09046; docs/math.md §2.3, §3.2, §4.3, §4.4). All values are
 * this project's choices [ours] unless they restate the issue: d in {1, 2, 4, 8, 16, 32}, D in {d, 10d, 100d, 1000d}.
 *
 * @param quick the {@code --quick} variant (coarser kappa lattice, fewer eps, deltas and amplitudes)
 * @param factor the non-Gaussian 1-D factor pi of the product target
 * @param horizon T requested from Definition 9 grids (L = ceil((T - 1)/kappa)); large enough that the initial
 *                error d KL(p_T || N(0, 1)) stays far below every eps
 * @param delta early stopping requested from the grids (M = ceil(ln(1/delta)/ln(1 + kappa)))
 * @param kappaMax first kappa of the lattice
 * @param kappaRatio ratio between consecutive lattice kappas (in (0, 1))
 * @param kappaMin the lattice stops here even if some eps is not reached
 * @param kappaChartMin the lattice goes at least this far for the KL-versus-K charts; beyond it the ratio is
 *                      {@code kappaTailRatio} and the lattice stops as soon as every eps is met
 * @param kappaTailRatio ratio between consecutive lattice kappas below {@code kappaChartMin} (in (0, 1))
 * @param intrinsicDims the d values
 * @param ambientFactors D / d values
 * @param eps KL targets for the steps-needed analysis
 * @param sensitivityKappa kappa of the delta sweep
 * @param sensitivityDeltas delta values of the delta sweep
 * @param sensitivityD d of the product reported in the sensitivity tables
 * @param sensitivityDim D of the product reported in the sensitivity tables
 * @param perturbKappa kappa of the perturbed-score runs
 * @param perturbDelta delta of the perturbed-score runs
 * @param perturbD d of the perturbed-score product
 * @param perturbDim D of the perturbed-score product
 * @param amplitudes amplitudes A of the perturbation fields (0 is the exact score)
 * @param fieldSeed seed of the random Fourier field
 */
public record PotaptchikConfig(boolean quick, Mixture1D factor, double horizon, double delta, double kappaMax,
                               double kappaRatio, double kappaMin, double kappaChartMin, double kappaTailRatio, List<Integer> intrinsicDims,
                               List<Integer> ambientFactors, List<Double> eps, double sensitivityKappa,
                               List<Double> sensitivityDeltas, int sensitivityD, int sensitivityDim, double perturbKappa,
                               double perturbDelta, int perturbD, int perturbDim, List<Double> amplitudes, long fieldSeed) {
    /** Validates ranges with one-line messages. */
    public PotaptchikConfig {
        PotaptchikGrid.checkKappa(kappaMax);
        PotaptchikGrid.checkKappa(kappaMin);
        PotaptchikGrid.checkKappa(sensitivityKappa);
        PotaptchikGrid.checkKappa(perturbKappa);
        PotaptchikGrid.checkDelta(delta);
        PotaptchikGrid.checkDelta(perturbDelta);
        for (double dl : sensitivityDeltas) PotaptchikGrid.checkDelta(dl);
        if (!(kappaRatio > 0 && kappaRatio < 1)) throw new IllegalArgumentException("kappa ratio must be in (0, 1), got " + kappaRatio);
        if (!(kappaTailRatio > 0 && kappaTailRatio < 1)) throw new IllegalArgumentException("kappa tail ratio must be in (0, 1), got " + kappaTailRatio);
        if (!(horizon >= 1)) throw new IllegalArgumentException("T must be >= 1, got " + horizon);
        for (double e : eps) if (!(e > 0)) throw new IllegalArgumentException("eps must be > 0, got " + e);
        for (int d : intrinsicDims) if (d < 1) throw new IllegalArgumentException("d must be >= 1, got " + d);
        for (int f : ambientFactors) if (f < 1) throw new IllegalArgumentException("D/d must be >= 1, got " + f);
        if (sensitivityD > sensitivityDim) throw new IllegalArgumentException("d must be <= D, got d=" + sensitivityD + " > D=" + sensitivityDim);
        if (perturbD > perturbDim) throw new IllegalArgumentException("d must be <= D, got d=" + perturbD + " > D=" + perturbDim);
        intrinsicDims = List.copyOf(intrinsicDims);
        ambientFactors = List.copyOf(ambientFactors);
        eps = List.copyOf(eps);
        sensitivityDeltas = List.copyOf(sensitivityDeltas);
        amplitudes = List.copyOf(amplitudes);
    }

    /** The full reproduction. */
    public static PotaptchikConfig full() {
        return new PotaptchikConfig(false, Mixture1D.defaultFactor(), 6, 1e-3, 0.24, Math.pow(2, -0.25), 1e-4, 0.005, 0.5,
                List.of(1, 2, 4, 8, 16, 32), List.of(1, 10, 100, 1000), List.of(1e-2, 3e-3, 1e-3),
                0.05, List.of(1e-1, 1e-2, 1e-3, 1e-4, 1e-5), 8, 800,
                0.1, 1e-2, 4, 40, List.of(0.0, 0.003, 0.01, 0.03, 0.1, 0.15, 0.2, 0.3), 7L);
    }

    /** The {@code --quick} variant: same questions, kappa lattice in factors of 2, one eps (1e-2), fewer deltas and amplitudes. */
    public static PotaptchikConfig quickConfig() {
        return new PotaptchikConfig(true, Mixture1D.defaultFactor(), 6, 1e-3, 0.24, 0.5, 5e-4, 0.02, 0.5,
                List.of(1, 2, 4, 8, 16, 32), List.of(1, 10, 100, 1000), List.of(1e-2),
                0.05, List.of(1e-1, 1e-2, 1e-3), 8, 800,
                0.1, 1e-2, 4, 40, List.of(0.0, 0.01, 0.1, 0.2, 0.3), 7L);
    }

    /** Settings recorded with the report. */
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quick", quick);
        m.put("factor", factor.toString());
        m.put("T", horizon);
        m.put("delta", delta);
        m.put("kappa_max", kappaMax);
        m.put("kappa_ratio", kappaRatio);
        m.put("kappa_min", kappaMin);
        m.put("kappa_chart_min", kappaChartMin);
        m.put("kappa_tail_ratio", kappaTailRatio);
        m.put("d", intrinsicDims);
        m.put("D_over_d", ambientFactors);
        m.put("eps", eps);
        m.put("sensitivity_kappa", sensitivityKappa);
        m.put("sensitivity_deltas", sensitivityDeltas);
        m.put("perturb_kappa", perturbKappa);
        m.put("perturb_delta", perturbDelta);
        m.put("perturb_d", perturbD);
        m.put("perturb_D", perturbDim);
        m.put("amplitudes", amplitudes);
        m.put("field_seed", fieldSeed);
        return m;
    }
}

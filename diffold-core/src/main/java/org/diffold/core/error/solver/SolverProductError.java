package org.diffold.core.error.solver;

import org.diffold.core.error.product.ProductTargetError;
import org.diffold.core.error.propagation.PropagatedError1D;
import org.diffold.core.linalg.Subspace;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.sigma.SigmaGrid;
import org.diffold.core.solver.SolverProgram;
import org.diffold.core.target.Mixture1D;

/**
 * Exact error of a single-step practitioners' sampler on {@code product-subspace}, pi^{⊗k} ⊗ delta_0^{⊗(D-k)}
 * (docs/math.md §4.3): KL_1D of a pi coordinate by 1-D density propagation through {@link SolverStep1D}, the
 * complement's r from {@link ProgramCovariance} (lambda = 0), assembled by {@link ProductTargetError}. Needs an output
 * sigma &gt; 0 (the point-mass coordinates have no density at sigma = 0).
 */
public final class SolverProductError {
    private SolverProductError() {}

    /** The output level of the program as a variance-preserving noise level. */
    public static NoiseLevel outputLevel(SolverProgram p) {
        if (!(p.outputSigma() > 0)) {
            throw new IllegalArgumentException("the product target needs an output sigma > 0 (use final=none in --sigmas), got " + p.outputSigma());
        }
        return NoiseLevel.ofLogAlphaBar(SigmaGrid.logAlphaBar(p.outputSigma()));
    }

    /** The propagated 1-D error of one pi coordinate (reuse it across D). */
    public static PropagatedError1D oneDimensional(SolverProgram p, Mixture1D factor) {
        NoiseLevel out = outputLevel(p);
        double hw = PropagatedError1D.halfWidthFor(factor);
        return PropagatedError1D.compute(SolverStep1D.of(p, factor), y -> factor.logDensity(out, y), hw, PropagatedError1D.startGrid(factor, out, hw));
    }

    /** r of one complement coordinate. */
    public static double rPerp(SolverProgram p) {
        double s = p.outputSigma();
        return ProgramCovariance.outputVariance(p, 0) / (s * s) - 1;
    }

    /** The full error; {@code tvSamples} = 0 skips the Monte Carlo TV. */
    public static ProductTargetError compute(SolverProgram p, int dim, int k, Mixture1D factor, int tvSamples, long seed) {
        Subspace.checkDims(dim, k);
        return ProductTargetError.of(oneDimensional(p, factor), rPerp(p), factor, outputLevel(p), dim, k, tvSamples, seed);
    }
}

package org.diffold.core.error.propagation;

/**
 * A {@link Step1D} whose map and derivative come out of one {@link #evaluate} pass (e.g. a Heun step or a perturbed
 * score): {@link #map} and {@link #mapDerivative} read it through a scratch pair, so an instance serves one thread.
 */
abstract class EvaluatedStep1D implements Step1D {
    private final double[] work = new double[2];

    @Override
    public abstract void evaluate(double y, double[] out);

    @Override
    public final double map(double y) {
        evaluate(y, work);
        return work[0];
    }

    @Override
    public final double mapDerivative(double y) {
        evaluate(y, work);
        return work[1];
    }
}

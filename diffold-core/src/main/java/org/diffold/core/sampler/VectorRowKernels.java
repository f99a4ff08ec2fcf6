package org.diffold.core.sampler;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link RowKernels} on the JDK Vector API; loaded only when {@code jdk.incubator.vector} is present. */
final class VectorRowKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private VectorRowKernels() {}

    static double affineNoise(double a, double b, double nz, double[] y, double[] s, double[] z, int off, int d) {
        DoubleVector check = DoubleVector.zero(S);
        int j = 0;
        for (int bound = S.loopBound(d); j < bound; j += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, y, off + j).mul(a).add(DoubleVector.fromArray(S, s, off + j).mul(b))
                    .add(DoubleVector.fromArray(S, z, j).mul(nz));
            v.intoArray(y, off + j);
            check = check.add(v.mul(0.0));
        }
        double c = check.reduceLanes(VectorOperators.ADD);
        for (; j < d; j++) {
            double v = a * y[off + j] + b * s[off + j] + nz * z[j];
            y[off + j] = v;
            c += v * 0;
        }
        return c;
    }

    static double affine(double a, double b, double[] y, double[] s, int off, int d) {
        DoubleVector check = DoubleVector.zero(S);
        int j = 0;
        for (int bound = S.loopBound(d); j < bound; j += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, y, off + j).mul(a).add(DoubleVector.fromArray(S, s, off + j).mul(b));
            v.intoArray(y, off + j);
            check = check.add(v.mul(0.0));
        }
        double c = check.reduceLanes(VectorOperators.ADD);
        for (; j < d; j++) {
            double v = a * y[off + j] + b * s[off + j];
            y[off + j] = v;
            c += v * 0;
        }
        return c;
    }
}

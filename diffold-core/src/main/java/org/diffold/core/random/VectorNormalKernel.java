package org.diffold.core.random;

import static org.diffold.core.random.ScalarNormalKernel.*;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScalarNormalKernel}'s block on JDK Vector API vectors (docs/math.md §9): the 8 lanes in one 512-bit vector
 * where the machine has them, else in two 256-bit halves run one after the other; the same operations in the same
 * order as the scalar kernel, so the same bits. One loop does generator, radius and angle, so the divider's work
 * (one division and one square root per pair) overlaps the polynomials. Loaded only when
 * {@code jdk.incubator.vector} is present.
 */
final class VectorNormalKernel implements NormalKernel {
    /** 512-bit vectors where preferred, else 256; {@code -Ddiffold.normal.bits=256} forces the halves (a check). */
    private static final VectorSpecies<Long> L =
            LongVector.SPECIES_PREFERRED.length() >= NormalStream.LANES && !"256".equals(System.getProperty("diffold.normal.bits"))
                    ? LongVector.SPECIES_512 : LongVector.SPECIES_256;
    private static final VectorSpecies<Double> D = L.length() == 8 ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_256;
    private static final int VL = L.length();
    private static final int W = NormalStream.LANES; // stride between the state words of one lane

    // the polynomials' coefficients as constants: broadcast as locals in every call, one of them stayed boxed on the
    // heap in a reproduce li-yan process (docs/architecture.md)
    private static final DoubleVector one = DoubleVector.broadcast(D, 1.0), two = DoubleVector.broadcast(D, 2.0);
    private static final DoubleVector hi = DoubleVector.broadcast(D, M2LN2_HI), lo = DoubleVector.broadcast(D, M2LN2_LO);
    private static final DoubleVector l2 = DoubleVector.broadcast(D, L2), l3 = DoubleVector.broadcast(D, L3);
    private static final DoubleVector l4 = DoubleVector.broadcast(D, L4), l5 = DoubleVector.broadcast(D, L5);
    private static final DoubleVector l6 = DoubleVector.broadcast(D, L6), l7 = DoubleVector.broadcast(D, L7);
    private static final DoubleVector l8 = DoubleVector.broadcast(D, L8);
    private static final DoubleVector s2c = DoubleVector.broadcast(D, S2), s3c = DoubleVector.broadcast(D, S3);
    private static final DoubleVector s4c = DoubleVector.broadcast(D, S4), s5c = DoubleVector.broadcast(D, S5);
    private static final DoubleVector s6c = DoubleVector.broadcast(D, S6);
    private static final DoubleVector c2c = DoubleVector.broadcast(D, C2), c3c = DoubleVector.broadcast(D, C3);
    private static final DoubleVector c4c = DoubleVector.broadcast(D, C4), c5c = DoubleVector.broadcast(D, C5);
    private static final DoubleVector c6c = DoubleVector.broadcast(D, C6), c7c = DoubleVector.broadcast(D, C7);

    VectorNormalKernel() {
        if (LongVector.SPECIES_PREFERRED.length() < 4) throw new UnsupportedOperationException("vectors under 256 bits");
    }

    @Override
    public void fill(long[] st, double[] dst, int off, int blocks) {
        for (int h = 0; h < W; h += VL) {
            LongVector s0 = LongVector.fromArray(L, st, h), s1 = LongVector.fromArray(L, st, W + h);
            LongVector s2 = LongVector.fromArray(L, st, 2 * W + h), s3 = LongVector.fromArray(L, st, 3 * W + h);
            for (int blk = 0, o = off + h; blk < blocks; blk++, o += NormalStream.BLOCK) {
                // two xoshiro256++ steps: a, then b (starting them at null rather than at a vector made C2 box one
                // vector per 8 draws: 80 bytes allocated, and draws took 1.9 rather than 1.1 ns)
                LongVector a = s0, b = s0;
                for (int q = 0; q < 2; q++) {
                    LongVector out = s0.add(s3).lanewise(VectorOperators.ROL, 23).add(s0);
                    LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
                    s2 = s2.lanewise(VectorOperators.XOR, s0);
                    s3 = s3.lanewise(VectorOperators.XOR, s1);
                    s1 = s1.lanewise(VectorOperators.XOR, s2);
                    s0 = s0.lanewise(VectorOperators.XOR, s3);
                    s2 = s2.lanewise(VectorOperators.XOR, t);
                    s3 = s3.lanewise(VectorOperators.ROL, 45);
                    if (q == 0) a = out; else b = out;
                }
                // rho = sqrt(-2 ln u), as ScalarNormalKernel.radius
                DoubleVector u = two.sub(bits(a.lanewise(VectorOperators.LSHR, 12).lanewise(VectorOperators.OR, ONE_BITS)));
                LongVector ix = u.reinterpretAsLongs().add(SHIFT);
                DoubleVector e = bits(ix.lanewise(VectorOperators.LSHR, 52).lanewise(VectorOperators.OR, TWO52_BITS))
                        .sub(TWO52_1023);
                DoubleVector m = bits(ix.lanewise(VectorOperators.AND, MANTISSA).add(SQRT_HALF_BITS));
                DoubleVector sr = m.sub(one).div(m.add(one));
                DoubleVector x = sr.mul(sr);
                DoubleVector p = x.fma(DoubleVector.broadcast(D, L1), l2);
                p = p.fma(x, l3); p = p.fma(x, l4); p = p.fma(x, l5); p = p.fma(x, l6);
                p = p.fma(x, l7); p = p.fma(x, l8);
                DoubleVector rho = e.fma(hi, e.fma(lo, sr.mul(p))).sqrt();
                // angle
                DoubleVector phi = bits(b.lanewise(VectorOperators.LSHL, 2).lanewise(VectorOperators.LSHR, 12)
                        .lanewise(VectorOperators.OR, ONE_BITS)).sub(1.5).mul(HALF_PI);
                DoubleVector p2 = phi.mul(phi);
                DoubleVector sp = p2.fma(DoubleVector.broadcast(D, S1), s2c);
                sp = sp.fma(p2, s3c); sp = sp.fma(p2, s4c); sp = sp.fma(p2, s5c); sp = sp.fma(p2, s6c);
                DoubleVector cp = p2.fma(DoubleVector.broadcast(D, C1), c2c);
                cp = cp.fma(p2, c3c); cp = cp.fma(p2, c4c); cp = cp.fma(p2, c5c); cp = cp.fma(p2, c6c);
                cp = cp.fma(p2, c7c);
                DoubleVector s = phi.mul(p2).fma(sp, phi);
                DoubleVector c = p2.fma(cp, one);
                VectorMask<Double> odd = b.lanewise(VectorOperators.LSHL, 1).compare(VectorOperators.LT, 0L).cast(D);
                DoubleVector cx = c.blend(s, odd), sx = s.blend(c, odd);
                LongVector signC = b.lanewise(VectorOperators.XOR, b.lanewise(VectorOperators.LSHL, 1))
                        .lanewise(VectorOperators.AND, SIGN);
                LongVector signS = b.lanewise(VectorOperators.AND, SIGN);
                bits(rho.mul(cx).reinterpretAsLongs().lanewise(VectorOperators.XOR, signC)).intoArray(dst, o);
                bits(rho.mul(sx).reinterpretAsLongs().lanewise(VectorOperators.XOR, signS)).intoArray(dst, o + W);
            }
            s0.intoArray(st, h);
            s1.intoArray(st, W + h);
            s2.intoArray(st, 2 * W + h);
            s3.intoArray(st, 3 * W + h);
        }
    }

    private static DoubleVector bits(LongVector v) { return v.reinterpretAsDoubles(); }
}

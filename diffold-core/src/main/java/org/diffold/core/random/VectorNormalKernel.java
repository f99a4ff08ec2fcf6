package org.diffold.core.random;

import static org.diffold.core.random.ScalarNormalKernel.*;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScalarNormalKernel}'s block with the 4 lanes in one 256-bit vector (docs/math.md §9): the same operations
 * in the same order, so the same bits. Loaded only when the {@code jdk.incubator.vector} module is present.
 */
final class VectorNormalKernel implements NormalKernel {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_256;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;

    private static final DoubleVector VL0 = DoubleVector.broadcast(D, L0);
    private static final DoubleVector VL1 = DoubleVector.broadcast(D, L1);
    private static final DoubleVector VL2 = DoubleVector.broadcast(D, L2);
    private static final DoubleVector VL3 = DoubleVector.broadcast(D, L3);
    private static final DoubleVector VL4 = DoubleVector.broadcast(D, L4);
    private static final DoubleVector VL5 = DoubleVector.broadcast(D, L5);
    private static final DoubleVector VL6 = DoubleVector.broadcast(D, L6);
    private static final DoubleVector VL7 = DoubleVector.broadcast(D, L7);
    private static final DoubleVector VL8 = DoubleVector.broadcast(D, L8);
    private static final DoubleVector VL9 = DoubleVector.broadcast(D, L9);
    private static final DoubleVector VS0 = DoubleVector.broadcast(D, S0);
    private static final DoubleVector VS1 = DoubleVector.broadcast(D, S1);
    private static final DoubleVector VS2 = DoubleVector.broadcast(D, S2);
    private static final DoubleVector VS3 = DoubleVector.broadcast(D, S3);
    private static final DoubleVector VS4 = DoubleVector.broadcast(D, S4);
    private static final DoubleVector VS5 = DoubleVector.broadcast(D, S5);
    private static final DoubleVector VS6 = DoubleVector.broadcast(D, S6);
    private static final DoubleVector VS7 = DoubleVector.broadcast(D, S7);
    private static final DoubleVector VC0 = DoubleVector.broadcast(D, C0);
    private static final DoubleVector VC1 = DoubleVector.broadcast(D, C1);
    private static final DoubleVector VC2 = DoubleVector.broadcast(D, C2);
    private static final DoubleVector VC3 = DoubleVector.broadcast(D, C3);
    private static final DoubleVector VC4 = DoubleVector.broadcast(D, C4);
    private static final DoubleVector VC5 = DoubleVector.broadcast(D, C5);
    private static final DoubleVector VC6 = DoubleVector.broadcast(D, C6);
    private static final DoubleVector VC7 = DoubleVector.broadcast(D, C7);
    private static final DoubleVector VC8 = DoubleVector.broadcast(D, C8);
    private static final DoubleVector VLN2_HI = DoubleVector.broadcast(D, LN2_HI);
    private static final DoubleVector VLN2_LO = DoubleVector.broadcast(D, LN2_LO);
    private static final DoubleVector VONE = DoubleVector.broadcast(D, 1.0), VTWO = DoubleVector.broadcast(D, 2.0);
    /** Blocks per pass: the raw bits of one pass (2 x 8 longs per block) stay in L1. */
    private static final int PASS = 32;
    private final ThreadLocal<long[]> scratch = ThreadLocal.withInitial(() -> new long[PASS * 8]);
    private final ThreadLocal<double[]> radii = ThreadLocal.withInitial(() -> new double[PASS * 4]);

    @Override
    public void fill(long[] st, double[] dst, int off, int blocks) {
        long[] bits = scratch.get();
        double[] rho = radii.get();
        for (int done = 0; done < blocks; ) {
            int m = Math.min(PASS, blocks - done);
            xoshiro(st, bits, m);
            radii(bits, rho, m);
            transform(bits, rho, dst, off + done * 8, m);
            done += m;
        }
    }

    /** Two xoshiro256++ outputs a, b per lane and block into bits[8 blk .. 8 blk + 8): a lanes, then b lanes. */
    private static void xoshiro(long[] st, long[] bits, int blocks) {
        LongVector s0 = LongVector.fromArray(L, st, 0), s1 = LongVector.fromArray(L, st, 4);
        LongVector s2 = LongVector.fromArray(L, st, 8), s3 = LongVector.fromArray(L, st, 12);
        for (int i = 0, n = 2 * blocks; i < n; i++) {
            s0.add(s3).lanewise(VectorOperators.ROL, 23).add(s0).intoArray(bits, 4 * i);
            LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
            s2 = s2.lanewise(VectorOperators.XOR, s0);
            s3 = s3.lanewise(VectorOperators.XOR, s1);
            s1 = s1.lanewise(VectorOperators.XOR, s2);
            s0 = s0.lanewise(VectorOperators.XOR, s3);
            s2 = s2.lanewise(VectorOperators.XOR, t);
            s3 = s3.lanewise(VectorOperators.ROL, 45);
        }
        s0.intoArray(st, 0);
        s1.intoArray(st, 4);
        s2.intoArray(st, 8);
        s3.intoArray(st, 12);
    }

    private static void radii(long[] bits, double[] rho, int blocks) {
        for (int blk = 0; blk < blocks; blk++) radius(LongVector.fromArray(L, bits, 8 * blk)).intoArray(rho, 4 * blk);
    }

    private static void transform(long[] bits, double[] radii, double[] dst, int off, int blocks) {
        for (int blk = 0; blk < blocks; blk++, off += 8) {
            LongVector b = LongVector.fromArray(L, bits, 8 * blk + 4);
            DoubleVector rho = DoubleVector.fromArray(D, radii, 4 * blk);
            DoubleVector phi = bitsToDouble(b.lanewise(VectorOperators.LSHL, 2).lanewise(VectorOperators.LSHR, 12)
                    .lanewise(VectorOperators.OR, ONE_BITS)).sub(1.5).mul(HALF_PI);
            DoubleVector p2 = phi.mul(phi);
            DoubleVector s = phi.mul(p2).fma(sinPoly(p2), phi);
            DoubleVector c = p2.fma(cosPoly(p2), VONE);
            LongVector q = b.lanewise(VectorOperators.LSHR, 62);
            LongVector swap = q.lanewise(VectorOperators.AND, 1L).neg();
            LongVector cb = c.reinterpretAsLongs(), sb = s.reinterpretAsLongs();
            LongVector cxb = cb.lanewise(VectorOperators.AND_NOT, swap).lanewise(VectorOperators.OR, sb.lanewise(VectorOperators.AND, swap));
            LongVector sxb = sb.lanewise(VectorOperators.AND_NOT, swap).lanewise(VectorOperators.OR, cb.lanewise(VectorOperators.AND, swap));
            LongVector signC = q.lanewise(VectorOperators.XOR, q.lanewise(VectorOperators.LSHR, 1))
                    .lanewise(VectorOperators.AND, 1L).lanewise(VectorOperators.LSHL, 63);
            LongVector signS = q.lanewise(VectorOperators.LSHR, 1).lanewise(VectorOperators.LSHL, 63);
            bitsToDouble(rho.mul(bitsToDouble(cxb)).reinterpretAsLongs().lanewise(VectorOperators.XOR, signC)).intoArray(dst, off);
            bitsToDouble(rho.mul(bitsToDouble(sxb)).reinterpretAsLongs().lanewise(VectorOperators.XOR, signS)).intoArray(dst, off + 4);
        }
    }

    /** rho = sqrt(-2 ln u), as {@link ScalarNormalKernel#radius}. */
    private static DoubleVector radius(LongVector a) {
        DoubleVector u = VTWO.sub(bitsToDouble(a.lanewise(VectorOperators.LSHR, 12).lanewise(VectorOperators.OR, ONE_BITS)));
        LongVector ix = u.reinterpretAsLongs().add(SHIFT);
        DoubleVector e = bitsToDouble(ix.lanewise(VectorOperators.LSHR, 52).lanewise(VectorOperators.OR, TWO52_BITS))
                .sub(TWO52_1023);
        DoubleVector m = bitsToDouble(ix.lanewise(VectorOperators.AND, MANTISSA).add(SQRT_HALF_BITS));
        DoubleVector sr = m.sub(1.0).div(m.add(1.0));
        DoubleVector lnm = sr.mul(logPoly(sr.mul(sr)));
        DoubleVector lnu = e.fma(VLN2_HI, e.fma(VLN2_LO, lnm));
        return lnu.mul(-2.0).sqrt();
    }

    private static DoubleVector bitsToDouble(LongVector v) { return v.reinterpretAsDoubles(); }

    private static DoubleVector logPoly(DoubleVector x) {
        DoubleVector p = VL0.fma(x, VL1);
        p = p.fma(x, VL2); p = p.fma(x, VL3); p = p.fma(x, VL4); p = p.fma(x, VL5);
        p = p.fma(x, VL6); p = p.fma(x, VL7); p = p.fma(x, VL8);
        return p.fma(x, VL9);
    }

    private static DoubleVector sinPoly(DoubleVector x) {
        DoubleVector p = VS0.fma(x, VS1);
        p = p.fma(x, VS2); p = p.fma(x, VS3); p = p.fma(x, VS4); p = p.fma(x, VS5);
        p = p.fma(x, VS6);
        return p.fma(x, VS7);
    }

    private static DoubleVector cosPoly(DoubleVector x) {
        DoubleVector p = VC0.fma(x, VC1);
        p = p.fma(x, VC2); p = p.fma(x, VC3); p = p.fma(x, VC4); p = p.fma(x, VC5);
        p = p.fma(x, VC6); p = p.fma(x, VC7);
        return p.fma(x, VC8);
    }
}

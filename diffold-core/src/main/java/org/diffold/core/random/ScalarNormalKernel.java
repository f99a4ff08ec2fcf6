package org.diffold.core.random;

/**
 * The reference Box–Muller block (docs/math.md §9): per lane l, two xoshiro256++ outputs a, b give
 * u = 2 - [1.a_{63..12}] in (0, 1], rho = sqrt(-2 ln u), a quadrant q = b_{63..62} and
 * phi = (pi / 2)([1.b_{61..10}] - 1.5) in [-pi/4, pi/4); theta = q pi / 2 + phi, and the block's outputs are
 * z_l = rho cos theta, z_{4+l} = rho sin theta. ln, sin and cos are Taylor polynomials evaluated with FMA in an
 * operation order that {@link VectorNormalKernel} repeats lane by lane, so both give the same bits.
 */
final class ScalarNormalKernel implements NormalKernel {
    static final long ONE_BITS = 0x3FF0000000000000L;
    static final long MANTISSA = 0x000FFFFFFFFFFFFFL;
    /** Bits of sqrt(1/2): subtracting them splits u = 2^e m with m in [sqrt(1/2), sqrt(2)) (as in musl's log). */
    static final long SQRT_HALF_BITS = 0x3FE6A09E667F3BCDL;
    static final long SHIFT = ONE_BITS - SQRT_HALF_BITS;
    static final double LN2_HI = Double.longBitsToDouble(0x3FE62E42FEE00000L); // few bits: e * LN2_HI is exact
    static final double LN2_LO = 1.90821492927058770002e-10; // ln 2 - LN2_HI (fdlibm)
    static final long TWO52_BITS = 0x4330000000000000L;
    static final double TWO52_1023 = 4503599627371519.0; // 2^52 + 1023
    static final double HALF_PI = Math.PI / 2;
    /** ln m = s P(s^2), s = (m - 1)/(m + 1): P's coefficients 2/(2n+1), n = 9..0 (highest first). */
    static final double L0 = 0.10526315789473684;
    static final double L1 = 0.11764705882352941;
    static final double L2 = 0.13333333333333333;
    static final double L3 = 0.15384615384615385;
    static final double L4 = 0.18181818181818182;
    static final double L5 = 0.2222222222222222;
    static final double L6 = 0.2857142857142857;
    static final double L7 = 0.4;
    static final double L8 = 0.6666666666666666;
    static final double L9 = 2.0;
    /** sin phi = phi + phi^3 S(phi^2): S's coefficients (-1)^n/(2n+1)!, n = 8..1. */
    static final double S0 = 2.8114572543455206e-15;
    static final double S1 = -7.647163731819816e-13;
    static final double S2 = 1.6059043836821613e-10;
    static final double S3 = -2.505210838544172e-08;
    static final double S4 = 2.7557319223985893e-06;
    static final double S5 = -0.0001984126984126984;
    static final double S6 = 0.008333333333333333;
    static final double S7 = -0.16666666666666666;
    /** cos phi = 1 + phi^2 C(phi^2): C's coefficients (-1)^n/(2n)!, n = 9..1. */
    static final double C0 = -1.5619206968586225e-16;
    static final double C1 = 4.779477332387385e-14;
    static final double C2 = -1.1470745597729725e-11;
    static final double C3 = 2.08767569878681e-09;
    static final double C4 = -2.755731922398589e-07;
    static final double C5 = 2.48015873015873e-05;
    static final double C6 = -0.001388888888888889;
    static final double C7 = 0.041666666666666664;
    static final double C8 = -0.5;

    @Override
    public void fill(long[] st, double[] dst, int off, int blocks) {
        for (int blk = 0; blk < blocks; blk++, off += 8) {
            for (int l = 0; l < 4; l++) {
                long a = next(st, l), b = next(st, l);
                double rho = radius(a);
                double phi = (Double.longBitsToDouble(ONE_BITS | ((b << 2) >>> 12)) - 1.5) * HALF_PI;
                double p2 = phi * phi;
                double s = Math.fma(phi * p2, sinPoly(p2), phi);
                double c = Math.fma(p2, cosPoly(p2), 1.0);
                long q = b >>> 62;
                long swap = -(q & 1); // all ones when q is odd: (cos, sin) = (+-sin phi, +-cos phi)
                long cb = Double.doubleToRawLongBits(c), sb = Double.doubleToRawLongBits(s);
                double cx = Double.longBitsToDouble((cb & ~swap) | (sb & swap));
                double sx = Double.longBitsToDouble((sb & ~swap) | (cb & swap));
                long signC = ((q ^ (q >>> 1)) & 1) << 63, signS = (q >>> 1) << 63;
                dst[off + l] = Double.longBitsToDouble(Double.doubleToRawLongBits(rho * cx) ^ signC);
                dst[off + 4 + l] = Double.longBitsToDouble(Double.doubleToRawLongBits(rho * sx) ^ signS);
            }
        }
    }

    /** rho = sqrt(-2 ln u), u = 2 - [1.a_{63..12}]; ln u = e ln 2 + ln m with m in [sqrt(1/2), sqrt(2)). */
    static double radius(long a) {
        double u = 2.0 - Double.longBitsToDouble(ONE_BITS | (a >>> 12));
        long ix = Double.doubleToRawLongBits(u) + SHIFT;
        double e = Double.longBitsToDouble(TWO52_BITS | (ix >>> 52)) - TWO52_1023;
        double m = Double.longBitsToDouble((ix & MANTISSA) + SQRT_HALF_BITS);
        double s = (m - 1.0) / (m + 1.0);
        double lnm = s * logPoly(s * s);
        double lnu = Math.fma(e, LN2_HI, Math.fma(e, LN2_LO, lnm));
        return Math.sqrt(lnu * -2.0);
    }

    static double logPoly(double x) {
        double p = Math.fma(L0, x, L1);
        p = Math.fma(p, x, L2); p = Math.fma(p, x, L3); p = Math.fma(p, x, L4); p = Math.fma(p, x, L5);
        p = Math.fma(p, x, L6); p = Math.fma(p, x, L7); p = Math.fma(p, x, L8);
        return Math.fma(p, x, L9);
    }

    static double sinPoly(double x) {
        double p = Math.fma(S0, x, S1);
        p = Math.fma(p, x, S2); p = Math.fma(p, x, S3); p = Math.fma(p, x, S4); p = Math.fma(p, x, S5);
        p = Math.fma(p, x, S6);
        return Math.fma(p, x, S7);
    }

    static double cosPoly(double x) {
        double p = Math.fma(C0, x, C1);
        p = Math.fma(p, x, C2); p = Math.fma(p, x, C3); p = Math.fma(p, x, C4); p = Math.fma(p, x, C5);
        p = Math.fma(p, x, C6); p = Math.fma(p, x, C7);
        return Math.fma(p, x, C8);
    }

    /** One xoshiro256++ step of lane l (Blackman &amp; Vigna 2018). */
    static long next(long[] st, int l) {
        long s0 = st[l], s1 = st[4 + l], s2 = st[8 + l], s3 = st[12 + l];
        long out = Long.rotateLeft(s0 + s3, 23) + s0;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        st[l] = s0; st[4 + l] = s1; st[8 + l] = s2; st[12 + l] = s3;
        return out;
    }
}

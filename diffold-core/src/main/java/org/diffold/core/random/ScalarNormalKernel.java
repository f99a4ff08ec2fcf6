package org.diffold.core.random;

/**
 * The reference Box–Muller block (docs/math.md §9): per lane l of 8, two xoshiro256++ outputs a, b give
 * u = 2 - [1.a_{63..12}] in (0, 1], rho = sqrt(-2 ln u), a quadrant q = b_{63..62} and
 * phi = (pi / 2)([1.b_{61..10}] - 1.5) in [-pi/4, pi/4); theta = q pi / 2 + phi, and the block's 16 outputs are
 * z_l = rho cos theta, z_{8+l} = rho sin theta. ln, sin and cos are fdlibm's minimax polynomials evaluated with FMA in an
 * operation order that {@link VectorNormalKernel} repeats lane by lane, so both give the same bits.
 */
final class ScalarNormalKernel implements NormalKernel {
    static final long ONE_BITS = 0x3FF0000000000000L;
    static final long MANTISSA = 0x000FFFFFFFFFFFFFL;
    static final long SIGN = 0x8000000000000000L;
    /** Bits of sqrt(1/2): subtracting them splits u = 2^e m with m in [sqrt(1/2), sqrt(2)) (as in musl's log). */
    static final long SQRT_HALF_BITS = 0x3FE6A09E667F3BCDL;
    static final long SHIFT = ONE_BITS - SQRT_HALF_BITS;
    /** -2 ln 2 in two parts: the high part has few bits, so e * M2LN2_HI is exact (fdlibm's split, times -2). */
    static final double M2LN2_HI = -2 * Double.longBitsToDouble(0x3FE62E42FEE00000L);
    static final double M2LN2_LO = -2 * 1.90821492927058770002e-10;
    static final long TWO52_BITS = 0x4330000000000000L;
    static final double TWO52_1023 = 4503599627371519.0; // 2^52 + 1023
    static final double HALF_PI = Math.PI / 2;
    /**
     * -2 ln m = s P(s^2), s = (m - 1)/(m + 1): P(z) = -4 - 2 z (Lg1 + z Lg2 + ... + z^6 Lg7) with fdlibm's minimax
     * coefficients Lg1..Lg7 for 2 atanh s = 2 s + s R(s^2) (|error of R| <= 2^-58.45 for |s| <= 0.1716).
     */
    static final double L1 = -2 * 0x1.2f112df3e5244p-3, L2 = -2 * 0x1.39a09d078c69fp-3, L3 = -2 * 0x1.7466496cb03dep-3;
    static final double L4 = -2 * 0x1.c71c51d8e78afp-3, L5 = -2 * 0x1.2492494229359p-2, L6 = -2 * 0x1.999999997fa04p-2;
    static final double L7 = -2 * 0x1.5555555555593p-1, L8 = -4.0;
    /** sin phi = phi + phi^3 S(phi^2), S of degree 5: fdlibm's S1..S6 (relative error <= 2^-58 for |phi| <= pi/4). */
    static final double S1 = 0x1.5d93a5acfd57cp-33, S2 = -0x1.ae5e68a2b9cebp-26, S3 = 0x1.71de357b1fe7dp-19;
    static final double S4 = -0x1.a01a019c161d5p-13, S5 = 0x1.111111110f8a6p-7, S6 = -0x1.5555555555549p-3;
    /** cos phi = 1 + phi^2 C(phi^2), C(x) = -1/2 + x (C1 + ... + x^5 C6): fdlibm's C1..C6 (error <= 2^-58). */
    static final double C1 = -0x1.8fae9be8838d4p-37, C2 = 0x1.1ee9ebdb4b1c4p-29, C3 = -0x1.27e4f809c52adp-22;
    static final double C4 = 0x1.a01a019cb159p-16, C5 = -0x1.6c16c16c15177p-10, C6 = 0x1.555555555554cp-5;
    static final double C7 = -0.5;

    @Override
    public void fill(long[] st, double[] dst, int off, int blocks) {
        for (int blk = 0; blk < blocks; blk++, off += NormalStream.BLOCK) {
            for (int l = 0; l < NormalStream.LANES; l++) {
                long a = next(st, l), b = next(st, l);
                double rho = radius(a);
                double phi = (Double.longBitsToDouble(ONE_BITS | ((b << 2) >>> 12)) - 1.5) * HALF_PI;
                double p2 = phi * phi;
                double s = Math.fma(phi * p2, sinPoly(p2), phi);
                double c = Math.fma(p2, cosPoly(p2), 1.0);
                boolean odd = (b << 1) < 0; // q odd: (cos, sin) = (+-sin phi, +-cos phi)
                double cx = odd ? s : c, sx = odd ? c : s;
                long signC = (b ^ (b << 1)) & SIGN, signS = b & SIGN;
                dst[off + l] = Double.longBitsToDouble(Double.doubleToRawLongBits(rho * cx) ^ signC);
                dst[off + NormalStream.LANES + l] = Double.longBitsToDouble(Double.doubleToRawLongBits(rho * sx) ^ signS);
            }
        }
    }

    /** rho = sqrt(-2 ln u), u = 2 - [1.a_{63..12}]; -2 ln u = -2 e ln 2 - 2 ln m with m in [sqrt(1/2), sqrt(2)). */
    static double radius(long a) {
        double u = 2.0 - Double.longBitsToDouble(ONE_BITS | (a >>> 12));
        long ix = Double.doubleToRawLongBits(u) + SHIFT;
        double e = Double.longBitsToDouble(TWO52_BITS | (ix >>> 52)) - TWO52_1023;
        double m = Double.longBitsToDouble((ix & MANTISSA) + SQRT_HALF_BITS);
        double s = (m - 1.0) / (m + 1.0);
        double m2lnm = s * logPoly(s * s);
        return Math.sqrt(Math.fma(e, M2LN2_HI, Math.fma(e, M2LN2_LO, m2lnm)));
    }

    static double logPoly(double x) {
        double p = Math.fma(L1, x, L2);
        p = Math.fma(p, x, L3); p = Math.fma(p, x, L4); p = Math.fma(p, x, L5); p = Math.fma(p, x, L6);
        p = Math.fma(p, x, L7);
        return Math.fma(p, x, L8);
    }

    static double sinPoly(double x) {
        double p = Math.fma(S1, x, S2);
        p = Math.fma(p, x, S3); p = Math.fma(p, x, S4); p = Math.fma(p, x, S5);
        return Math.fma(p, x, S6);
    }

    static double cosPoly(double x) {
        double p = Math.fma(C1, x, C2);
        p = Math.fma(p, x, C3); p = Math.fma(p, x, C4); p = Math.fma(p, x, C5); p = Math.fma(p, x, C6);
        return Math.fma(p, x, C7);
    }

    /** One xoshiro256++ step of lane l (Blackman &amp; Vigna 2018); word w of lane l at st[8 w + l]. */
    static long next(long[] st, int l) {
        long s0 = st[l], s1 = st[8 + l], s2 = st[16 + l], s3 = st[24 + l];
        long out = Long.rotateLeft(s0 + s3, 23) + s0;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        st[l] = s0; st[8 + l] = s1; st[16 + l] = s2; st[24 + l] = s3;
        return out;
    }
}

package org.diffold.core.error.propagation;

/**
 * In-place circular convolution of a real periodic sequence of length N (a power of 2) with a real, even kernel
 * given by its Fourier multiplier, via a radix-2 complex FFT of length N/2 on the packed sequence
 * z_j = x_{2j} + i x_{2j+1} and the usual even/odd split (Cooley–Tukey; e.g. Press et al., Numerical Recipes §12.3).
 * All work arrays and twiddle tables are allocated once; {@link #convolve} allocates nothing. Not thread-safe.
 */
final class RealFft {
    private final int n, half;
    private final double[] zr, zi, xr, xi;   // packed sequence; spectrum X_0..X_{N/2}
    private final double[] cosTw, sinTw;     // e^{-2 pi i k / N}, k = 0..N/2
    private final int[] bitReverse;

    /** Work space for sequences of length n (a power of 2, >= 8). */
    RealFft(int n) {
        if (n < 8 || Integer.bitCount(n) != 1) throw new IllegalArgumentException("FFT length must be a power of 2 >= 8, got " + n);
        this.n = n;
        this.half = n / 2;
        zr = new double[half];
        zi = new double[half];
        xr = new double[half + 1];
        xi = new double[half + 1];
        cosTw = new double[half + 1];
        sinTw = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            double ang = -2 * Math.PI * k / n;
            cosTw[k] = Math.cos(ang);
            sinTw[k] = Math.sin(ang);
        }
        bitReverse = new int[half];
        int bits = Integer.numberOfTrailingZeros(half);
        for (int i = 0; i < half; i++) bitReverse[i] = Integer.reverse(i) >>> (32 - bits);
    }

    /** Sequence length N. */
    int length() { return n; }

    /**
     * x <- IDFT(H_k DFT(x)_k), with H_k = multiplier[k] for k = 0..N/2 (the kernel is even, so H_{N-k} = H_k).
     *
     * @param x real sequence of length N, overwritten
     * @param multiplier N/2 + 1 real Fourier multipliers, read only
     */
    void convolve(double[] x, double[] multiplier) {
        for (int j = 0; j < half; j++) { zr[j] = x[2 * j]; zi[j] = x[2 * j + 1]; }
        fft(zr, zi, false);
        // X_k = E_k + W^k O_k with E_k = (Z_k + conj Z_{M-k}) / 2, O_k = (Z_k - conj Z_{M-k}) / (2i), W = e^{-2 pi i/N}
        for (int k = 0; k <= half; k++) {
            int a = k == half ? 0 : k, b = k == 0 ? 0 : half - k;
            double er = 0.5 * (zr[a] + zr[b]), ei = 0.5 * (zi[a] - zi[b]);
            double or = 0.5 * (zi[a] + zi[b]), oi = -0.5 * (zr[a] - zr[b]);
            double c = cosTw[k], s = sinTw[k];
            double h = multiplier[k];
            xr[k] = h * (er + c * or - s * oi);
            xi[k] = h * (ei + c * oi + s * or);
        }
        // back: E_k = (X_k + conj X_{M-k}) / 2, O_k = W^{-k} (X_k - conj X_{M-k}) / 2, Z_k = E_k + i O_k
        for (int k = 0; k < half; k++) {
            int b = half - k;
            double er = 0.5 * (xr[k] + xr[b]), ei = 0.5 * (xi[k] - xi[b]);
            double dr = 0.5 * (xr[k] - xr[b]), di = 0.5 * (xi[k] + xi[b]);
            double c = cosTw[k], s = -sinTw[k];
            double or = c * dr - s * di, oi = c * di + s * dr;
            zr[k] = er - oi;
            zi[k] = ei + or;
        }
        fft(zr, zi, true);
        double scale = 1.0 / half;
        for (int j = 0; j < half; j++) { x[2 * j] = zr[j] * scale; x[2 * j + 1] = zi[j] * scale; }
    }

    /** In-place iterative radix-2 complex FFT of length N/2 (unnormalised; inverse uses e^{+i}). */
    private void fft(double[] re, double[] im, boolean inverse) {
        int m = half;
        for (int i = 0; i < m; i++) {
            int j = bitReverse[i];
            if (j > i) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        double sign = inverse ? -1 : 1;
        for (int len = 2; len <= m; len <<= 1) {
            int stride = n / len; // twiddle e^{-2 pi i k / len} = table entry k * (N / len)
            int h = len >> 1;
            for (int start = 0; start < m; start += len) {
                for (int k = 0, t = 0; k < h; k++, t += stride) {
                    double wr = cosTw[t], wi = sign * sinTw[t];
                    int p = start + k, q = p + h;
                    double ur = re[q] * wr - im[q] * wi, ui = re[q] * wi + im[q] * wr;
                    re[q] = re[p] - ur; im[q] = im[p] - ui;
                    re[p] += ur; im[p] += ui;
                }
            }
        }
    }
}

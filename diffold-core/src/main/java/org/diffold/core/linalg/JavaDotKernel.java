package org.diffold.core.linalg;

/** {@link DotKernel} on {@link DotPanelKernel}: packs a panel of y rows per call, 4 x rows per kernel pass. */
final class JavaDotKernel implements DotKernel {
    static final JavaDotKernel INSTANCE = new JavaDotKernel();

    private static final class Scratch {
        double[][] panel = new double[0][0];
        final double[][] c = new double[DotPanelKernel.ROWS][DotPanelKernel.PANEL];
        int dim;
    }

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private JavaDotKernel() {}

    @Override public String name() { return "java"; }

    @Override
    public Matrix matrix(double[] rows, int n, int dim) {
        return new Matrix(rows, n, dim) {};
    }

    @Override
    public void dots(Matrix x, int i0, int rows, Matrix y, int j0, int count, double[] c, int ldc) {
        int dim = x.dim, nb = DotPanelKernel.PANEL;
        Scratch s = scratch.get();
        if (s.dim != dim) { s.panel = DotPanelKernel.newPanel(dim, nb); s.dim = dim; }
        for (int p = 0; p < count; p += nb) {
            int m = Math.min(nb, count - p);
            DotPanelKernel.pack(y.rows, dim, j0 + p, m, s.panel, null);
            for (int r = 0; r < rows; r += DotPanelKernel.ROWS) {
                int k = Math.min(DotPanelKernel.ROWS, rows - r);
                DotPanelKernel.dot4(x.rows, dim, i0 + r, k, s.panel, m, s.c);
                for (int q = 0; q < k; q++) System.arraycopy(s.c[q], 0, c, (r + q) * ldc + p, m);
            }
        }
    }
}

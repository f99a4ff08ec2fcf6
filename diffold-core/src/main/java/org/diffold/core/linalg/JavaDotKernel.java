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

    private static final class GramScratch {
        int m = -1, dim = -1;
        double[][] panel, dots, gram;
        double[] work;
    }

    private final ThreadLocal<GramScratch> gramScratch = ThreadLocal.withInitial(GramScratch::new);

    private JavaDotKernel() {}

    @Override public String name() { return "java"; }

    @Override
    public Matrix matrix(double[] rows, int n, int dim) {
        return new Matrix(rows, n, dim) {};
    }

    @Override
    public void gramEigenvalues(double[] x, int m, int dim, double[] eig) {
        GramScratch g = gramScratch.get();
        if (g.m != m || g.dim != dim) {
            g.panel = DotPanelKernel.newPanel(dim, m);
            g.dots = new double[DotPanelKernel.ROWS][m];
            g.gram = new double[m][m];
            g.work = new double[m];
            g.m = m;
            g.dim = dim;
        }
        DotPanelKernel.pack(x, dim, 0, m, g.panel, null);
        for (int a = 0; a < m; a += DotPanelKernel.ROWS) {
            int rows = Math.min(DotPanelKernel.ROWS, m - a);
            DotPanelKernel.dot4(x, dim, a, rows, g.panel, m, g.dots);
            for (int r = 0; r < rows; r++) System.arraycopy(g.dots[r], 0, g.gram[a + r], 0, m);
        }
        SymmetricEigenvalues.compute(g.gram, m, eig, g.work);
    }

    @Override
    public void dots(double[] x, int i0, int rows, Matrix y, int j0, int count, double[] c, int ldc) {
        dots(matrix(x, i0 + rows, y.dim), i0, rows, y, j0, count, c, ldc);
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

package org.diffold.core.manifold;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.diffold.core.process.NoiseLevel;
import org.diffold.core.special.GaussLegendre;

/**
 * The posterior of the parameter of a curve with density rho along it, observed with Gaussian noise
 * (docs/math.md §5): for y = c phi(theta) + sigma Z in R^m,
 * q_t(y) = int rho(theta) N(y; c phi(theta), sigma^2 I) dtheta and m(y) = E[phi(theta) | y], both by composite
 * Gauss–Legendre quadrature with log-sum-exp weights.
 *
 * <p>Panels never straddle a breakpoint of rho, and their width is at most {@code panelWidth} posterior widths
 * sigma / (c max|phi'|), so the integrand is resolved whatever the noise level; at least {@code minPanels} panels
 * cover the range. Defaults (8 nodes, 2 widths, 64 panels) give relative accuracy of 1e-9 or better, shown by refinement in
 * the tests.
 */
public final class CurveQuadrature {
    /** Default Gauss–Legendre nodes per panel. */
    public static final int DEFAULT_NODES = 8;
    /** Default largest panel width, in posterior widths sigma / (c max|phi'|). */
    public static final double DEFAULT_PANEL_WIDTH = 2;
    /**
     * Nodes whose log weight is more than this below the largest are skipped (ours): each weighs under
     * e^-40 = 4e-18 of the largest, so all of them together change q_t and m(y) by under count * 4e-18 relative,
     * far below the rule's 1e-9; at small noise most nodes are skipped, which makes late steps cheap.
     */
    public static final double NEGLIGIBLE_LOGIT = 40;
    private static final boolean VECTOR = org.diffold.core.linalg.Simd.available();
    /** Default smallest number of panels. */
    public static final int DEFAULT_MIN_PANELS = 64;
    private final Curve curve;
    private final ParameterDensity density;
    private final double panelWidth;
    private final int minPanels;
    private final double[] glNode, glWeight;

    /** A rule with the given resolution (nodes >= 1, panelWidth > 0, minPanels >= 1). */
    public CurveQuadrature(Curve curve, ParameterDensity density, int nodes, double panelWidth, int minPanels) {
        if (nodes < 1) throw new IllegalArgumentException("nodes per panel must be >= 1, got " + nodes);
        if (!(panelWidth > 0)) throw new IllegalArgumentException("panel width must be > 0, got " + panelWidth);
        if (minPanels < 1) throw new IllegalArgumentException("min panels must be >= 1, got " + minPanels);
        if (density.lower() < curve.lower() || density.upper() > curve.upper()) {
            throw new IllegalArgumentException("density support [" + density.lower() + ", " + density.upper()
                    + "] must lie in the curve's range [" + curve.lower() + ", " + curve.upper() + "]");
        }
        this.curve = curve;
        this.density = density;
        this.panelWidth = panelWidth;
        this.minPanels = minPanels;
        glNode = GaussLegendre.nodes(nodes);
        glWeight = GaussLegendre.weights(nodes);
    }

    /** The default rule. */
    public CurveQuadrature(Curve curve, ParameterDensity density) {
        this(curve, density, DEFAULT_NODES, DEFAULT_PANEL_WIDTH, DEFAULT_MIN_PANELS);
    }

    /** The curve. */
    public Curve curve() { return curve; }

    /** The density along it. */
    public ParameterDensity density() { return density; }

    /**
     * Quadrature nodes of one level: c phi_r(theta_j) at points[r * count + j], log weights, constants; per panel of
     * G nodes its centre c phi(mid) at centres[r * panels + p], its reach (a bound on the distance from the centre to
     * any of its nodes) and its largest log weight; per block of {@link #BLOCK_PANELS} consecutive panels its reach
     * from the centre of its middle panel ({@link #blockMiddle}) to any node of its panels, and its largest log weight.
     */
    private record Nodes(int count, double[] points, double[] logW, double c, double invTwoSigma2, double logNorm,
                         int panels, double[] centres, double[] reach, double[] maxLogW,
                         double[] blockReach, double[] blockMaxLogW) {}

    /**
     * Consecutive panels grouped for the two-level panel pruning (ours): a block whose reach keeps it clear of y is
     * skipped whole, so a call touches about panels / 16 blocks plus the panels of the few blocks near y.
     */
    static final int BLOCK_PANELS = 16;

    /** Blocks covering {@code panels} panels. */
    private static int blocks(int panels) { return (panels + BLOCK_PANELS - 1) / BLOCK_PANELS; }

    /** The panel whose centre is block b's centre: the middle one of the block's panels. */
    private static int blockMiddle(int b, int panels) {
        return (b * BLOCK_PANELS + Math.min(panels, (b + 1) * BLOCK_PANELS) - 1) / 2;
    }

    /** Largest number of cached node values per rule (ours: 32 MB), beyond which levels are rebuilt when needed. */
    static final long CACHE_DOUBLES = 1L << 22;
    private final ConcurrentHashMap<Double, Nodes> cache = new ConcurrentHashMap<>();
    private final AtomicLong cached = new AtomicLong();

    /** The nodes of a level, shared by all evaluators (built once per level while the cache has room). */
    private Nodes nodes(NoiseLevel level) {
        Double key = level.logAlphaBar();
        Nodes hit = cache.get(key);
        if (hit != null) return hit;
        Nodes built = build(level);
        long size = (long) built.points.length + built.logW.length + built.centres.length + 2L * built.panels;
        if (cached.addAndGet(size) <= CACHE_DOUBLES) {
            Nodes prior = cache.putIfAbsent(key, built);
            if (prior != null) { cached.addAndGet(-size); return prior; }
        } else {
            cached.addAndGet(-size);
        }
        return built;
    }

    private Nodes build(NoiseLevel level) {
        int m = curve.dim();
        double c = level.c();
        double sigma = Math.sqrt(level.sigma2());
        double maxPanel = panelWidth * sigma / (c * curve.speedBound());
        double[] br = density.breakpoints();
        double total = br[br.length - 1] - br[0];
        maxPanel = Math.min(maxPanel, total / minPanels);
        int n = 0;
        int[] panels = new int[br.length - 1];
        for (int b = 0; b + 1 < br.length; b++) {
            panels[b] = Math.max(1, (int) Math.ceil((br[b + 1] - br[b]) / maxPanel));
            n += panels[b] * glNode.length;
        }
        double[] points = new double[n * m], logW = new double[n], node = new double[m];
        int np = n / glNode.length;
        double[] centres = new double[np * m], reach = new double[np], maxLogW = new double[np];
        int j = 0, q = 0;
        for (int b = 0; b + 1 < br.length; b++) {
            double h = (br[b + 1] - br[b]) / panels[b];
            for (int p = 0; p < panels[b]; p++, q++) {
                double mid = br[b] + (p + 0.5) * h;
                curve.point(mid, node, 0);
                for (int r = 0; r < m; r++) centres[r * np + q] = c * node[r];
                // |c phi(theta) - c phi(mid)| <= c max|phi'| h / 2 on the panel (with a margin for rounding)
                reach[q] = c * curve.speedBound() * 0.5 * h * (1 + 1e-9) + 1e-300;
                maxLogW[q] = Double.NEGATIVE_INFINITY;
                for (int g = 0; g < glNode.length; g++, j++) {
                    double theta = mid + 0.5 * h * glNode[g];
                    curve.point(theta, node, 0);
                    for (int r = 0; r < m; r++) points[r * n + j] = c * node[r];
                    logW[j] = Math.log(0.5 * h * glWeight[g]) + density.logDensity(theta);
                    maxLogW[q] = Math.max(maxLogW[q], logW[j]);
                }
            }
        }
        int nb = blocks(np);
        double[] blockReach = new double[nb], blockMaxLogW = new double[nb];
        for (int b = 0; b < nb; b++) {
            int from = b * BLOCK_PANELS, to = Math.min(np, from + BLOCK_PANELS), mid = blockMiddle(b, np);
            double norm = 0, far = 0, top = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < m; r++) norm += centres[r * np + mid] * centres[r * np + mid];
            for (int p = from; p < to; p++) {
                double d2 = 0;
                for (int r = 0; r < m; r++) { double e = centres[r * np + p] - centres[r * np + mid]; d2 += e * e; }
                far = Math.max(far, Math.sqrt(d2) + reach[p]);
                top = Math.max(top, maxLogW[p]);
            }
            // |node - block centre| <= |panel centre - block centre| + panel reach, with a margin for rounding
            blockReach[b] = far * (1 + 1e-9) + 1e-12 * (1 + Math.sqrt(norm));
            blockMaxLogW[b] = top;
        }
        return new Nodes(n, points, logW, c, 0.5 / level.sigma2(), -0.5 * m * Math.log(2 * Math.PI * level.sigma2()),
                np, centres, reach, maxLogW, blockReach, blockMaxLogW);
    }

    /** A per-thread evaluator; nodes are built once per level and shared through the rule's cache. */
    public Evaluator evaluator() { return new Evaluator(VECTOR); }

    /** An evaluator on the scalar twin of the vector passes (for the test that both give the same bits). */
    Evaluator scalarEvaluator() { return new Evaluator(false); }

    /** Per-thread state: the current level's nodes and a buffer for the log weights. */
    public final class Evaluator {
        private double levelKey = Double.NaN;
        private int count, cap;
        private double[] points, logW, logit = new double[0];
        private double invTwoSigma2, c, logNorm;
        private int panels;
        private double[] centres, reach, maxLogW;
        private int blocks;
        private double[] blockReach, blockMaxLogW, blockBound = new double[0];
        private double topLogW;
        private int[] run = new int[0];
        private final double[] lanes = new double[ScalarQuadrature.LANE_SCRATCH];
        private final boolean vector;

        private Evaluator(boolean vector) { this.vector = vector; }

        /**
         * Writes m(y) = E[phi(theta) | y] into mean[0..m) and returns log q_t(y). Allocation-free once the level's
         * nodes exist.
         */
        public double posteriorMean(NoiseLevel level, double[] y, double[] mean) {
            return posteriorMean(level, y, mean, true);
        }

        /** {@link #posteriorMean} over every panel (for the test that pruning changes no bit). */
        double posteriorMeanWithoutPruning(NoiseLevel level, double[] y, double[] mean) {
            return posteriorMean(level, y, mean, false);
        }

        private double posteriorMean(NoiseLevel level, double[] y, double[] mean, boolean prune) {
            prepare(level);
            int m = curve.dim();
            if (m == 2 || m == 3) {
                int n = runs(y, prune);
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i += 2) max = Math.max(max, logits(run[i], run[i + 1], m, y));
                double floor = max - NEGLIGIBLE_LOGIT;
                double den = vector
                        ? VectorQuadrature.weigh(run, n, m, cap, points, logit, max, floor, mean, lanes)
                        : ScalarQuadrature.weigh(run, n, m, cap, points, logit, max, floor, mean, lanes);
                double scale = 1 / (den * c);
                for (int r = 0; r < m; r++) mean[r] *= scale;
                return max + Math.log(den) + logNorm;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < count; j++) {
                double d2 = 0;
                for (int r = 0; r < m; r++) { double e = y[r] - points[r * cap + j]; d2 += e * e; }
                double v = logW[j] - d2 * invTwoSigma2;
                logit[j] = v;
                if (v > max) max = v;
            }
            for (int r = 0; r < m; r++) mean[r] = 0;
            double den = 0, floor = max - NEGLIGIBLE_LOGIT;
            for (int j = 0; j < count; j++) {
                if (logit[j] < floor) continue; // weight below e^-40 of the largest: below double precision
                double e = Math.exp(logit[j] - max);
                den += e;
                for (int r = 0; r < m; r++) mean[r] += e * points[r * cap + j];
            }
            double scale = 1 / (den * c);
            for (int r = 0; r < m; r++) mean[r] *= scale;
            return max + Math.log(den) + logNorm;
        }

        /**
         * Writes into {@code run} the node ranges [run[2i], run[2i+1]) of the panels that can hold a node within
         * e^-40 of the largest weight, and returns 2 x their number (docs/math.md §9). With d_p the distance from y
         * to panel p's centre and W the largest log weight of the level, every log weight of the panel is at most
         * W - (max(0, d_p - reach_p))^2 / (2 sigma^2); a panel is skipped when that bound lies more than 40 below a
         * node actually computed (the best node of the best-scoring panel of the best-scoring block), i.e. when
         * d_p^2 > (reach_p + spread)^2 with spread = sqrt(2 sigma^2 (W - keep)). A block of panels is skipped whole
         * when d_b > reach_b + spread for its centre and reach, which by the triangle inequality skips only panels
         * the panel test skips. Such panels hold only nodes the weighting skips anyway, so the result is the same
         * bits as with every panel. Whole panels of a multiple of 4 nodes keep the vector lanes of the full pass;
         * otherwise the one run is [0, count).
         */
        private int runs(double[] y, boolean prune) {
            int m = curve.dim(), g = glNode.length;
            if (!prune || g % 4 != 0 || panels < 2) { run[0] = 0; run[1] = count; return 2; }
            int bestBlock = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < blocks; b++) {
                double d2 = panelDistance2(y, blockMiddle(b, panels), m);
                blockBound[b] = d2;
                double score = blockMaxLogW[b] - d2 * invTwoSigma2;
                if (score > bestScore) { bestScore = score; bestBlock = b; }
            }
            int from = bestBlock * BLOCK_PANELS;
            double keep = keep(y, bestPanel(y, from, Math.min(panels, from + BLOCK_PANELS), m), m);
            if (!(topLogW > keep)) { run[0] = 0; run[1] = count; return 2; }
            double spread = Math.sqrt((topLogW - keep) / invTwoSigma2);
            int n = 0;
            for (int b = 0; b < blocks; b++) {
                double rb = blockReach[b] + spread;
                if (blockBound[b] > rb * rb) continue;
                for (int p = b * BLOCK_PANELS, end = Math.min(panels, p + BLOCK_PANELS); p < end; p++) {
                    double r = reach[p] + spread;
                    if (panelDistance2(y, p, m) > r * r) continue;
                    int first = p * g;
                    if (n > 0 && run[n - 1] == first) run[n - 1] = first + g; else { run[n++] = first; run[n++] = first + g; }
                }
            }
            return n;
        }

        /** The panel in [from, to) whose centre scores best: max log weight - d_p^2 / (2 sigma^2). */
        private int bestPanel(double[] y, int from, int to, int m) {
            int best = from;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int p = from; p < to; p++) {
                double score = maxLogW[p] - panelDistance2(y, p, m) * invTwoSigma2;
                if (score > bestScore) { bestScore = score; best = p; }
            }
            return best;
        }

        /** The cut: 40 below the best node of panel {@code best} (its logits computed), less a rounding margin. */
        private double keep(double[] y, int best, int m) {
            int g = glNode.length;
            double known = logits(best * g, best * g + g, m, y);
            return known - NEGLIGIBLE_LOGIT - 1e-9 * (1 + Math.abs(known));
        }

        /** l_j into logit[from..to) and their maximum, by the vector pass or its scalar twin (the same bits). */
        private double logits(int from, int to, int m, double[] y) {
            return vector
                    ? VectorQuadrature.logits(from, to, m, cap, points, logW, logit, y, invTwoSigma2)
                    : ScalarQuadrature.logits(from, to, m, cap, points, logW, logit, y, invTwoSigma2);
        }

        private double panelDistance2(double[] y, int p, int m) {
            double d2 = 0;
            for (int r = 0; r < m; r++) { double e = y[r] - centres[r * panels + p]; d2 += e * e; }
            return d2;
        }

        /**
         * The panels the one-level rule keeps (every panel tested, the best-scoring panel's best node as the
         * reference), for the test that the two-level {@link #runs} keeps every panel it keeps.
         */
        int[] flatRuns(NoiseLevel level, double[] y) {
            prepare(level);
            int m = curve.dim();
            double keep = keep(y, bestPanel(y, 0, panels, m), m);
            double spread = Math.sqrt(Math.max(0, topLogW - keep) / invTwoSigma2);
            java.util.List<Integer> kept = new java.util.ArrayList<>();
            for (int p = 0; p < panels; p++) {
                double r = reach[p] + spread;
                if (panelDistance2(y, p, m) <= r * r) kept.add(p);
            }
            return kept.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The panels {@link #runs} keeps at y (for tests). */
        int[] keptPanels(NoiseLevel level, double[] y) {
            prepare(level);
            int n = runs(y, true), g = glNode.length;
            java.util.List<Integer> kept = new java.util.ArrayList<>();
            for (int i = 0; i < n; i += 2) for (int j = run[i]; j < run[i + 1]; j += g) kept.add(j / g);
            return kept.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Number of panels at the last prepared level. */
        int panelCount() { return panels; }

        /** Number of quadrature nodes at the last prepared level. */
        public int nodes() { return count; }

        private void prepare(NoiseLevel level) {
            if (level.logAlphaBar() == levelKey) return;
            Nodes nodes = CurveQuadrature.this.nodes(level);
            count = nodes.count;
            cap = nodes.count;
            points = nodes.points;
            logW = nodes.logW;
            c = nodes.c;
            invTwoSigma2 = nodes.invTwoSigma2;
            logNorm = nodes.logNorm;
            panels = nodes.panels;
            centres = nodes.centres;
            reach = nodes.reach;
            maxLogW = nodes.maxLogW;
            blocks = blocks(panels);
            blockReach = nodes.blockReach;
            blockMaxLogW = nodes.blockMaxLogW;
            topLogW = Double.NEGATIVE_INFINITY;
            for (double w : maxLogW) topLogW = Math.max(topLogW, w);
            if (logit.length < count) logit = new double[count];
            if (blockBound.length < blocks) blockBound = new double[blocks];
            if (run.length < 2 * panels + 2) run = new int[2 * panels + 2];
            levelKey = level.logAlphaBar();
        }
    }
}

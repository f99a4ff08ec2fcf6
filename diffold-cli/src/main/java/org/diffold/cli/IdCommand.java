package org.diffold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diffold.core.data.DataFiles;
import org.diffold.core.data.DataMatrix;
import org.diffold.core.data.FashionMnist;
import org.diffold.core.data.NpyWriter;
import org.diffold.core.data.Scaling;
import org.diffold.core.dimension.Estimators;
import org.diffold.core.dimension.IntrinsicDimensionEstimator;
import org.diffold.core.manifold.BenchmarkManifolds;
import org.diffold.core.manifold.DataManifold;
import org.diffold.core.manifold.Manifolds;
import org.diffold.lab.bench.KnnBenchmark;
import org.diffold.lab.experiment.id.IdBenchmark;
import org.diffold.lab.experiment.id.IdEstimation;
import org.diffold.lab.report.TextTable;
import org.diffold.lab.store.Json;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code diffold id}: intrinsic dimension of a data set ({@code --data}) or of points sampled from a manifold
 * ({@code --manifold}), or every estimator on the 24 benchmark manifolds ({@code --benchmark}) with a table in the
 * terminal and an HTML report. Everything is validated and
 * computed before anything is printed, so a bad input gives one error line and no partial output.
 */
@Command(name = "id", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Estimate intrinsic dimension (docs/math.md §8): of a data set, or benchmark every estimator.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  diffold id --data fashion-mnist --subset 10000 --estimators mle,twonn,lpca --json",
            "  diffold id --data points.npy --scale symmetric --estimators all",
            "  diffold id --manifold torus:weights1=1/3 --n 2000 --dim 50 --estimators all",
            "  diffold id --benchmark                       24 manifolds x every estimator, report in runs/",
            "  diffold id --benchmark --n 500 --manifolds M1_Sphere,M7_Roll --estimators mle,twonn",
            "",
            "Estimators: mle, twonn, lpca, lpca-ev, corrint, mom, tle, ess, danco (or 'all').",
            "Data: 'fashion-mnist' (Debian package dataset-fashion-mnist) or a .npy, .csv/.tsv/.txt or IDX file (.gz ok)."})
final class IdCommand implements Callable<Integer> {
    /** Default estimators for {@code --data}. */
    static final String DEFAULT_ESTIMATORS = "mle,twonn,lpca";
    /** Largest --n of --benchmark: the exact kNN search is quadratic in n. */
    static final int MAX_BENCHMARK_N = 1_000_000;

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DATA", description = "'fashion-mnist' or a data file (.npy, .csv, IDX; gzip ok)")
    private String data;

    @Option(names = "--manifold", paramLabel = "SPEC", description = "sample --n points of a manifold, e.g. torus, "
            + "sphere:d=5, circle:weights=1/3 or a benchmark name (see Manifolds)")
    private String manifold;

    @Option(names = "--dim", paramLabel = "D", description = "ambient dimension for --manifold (random isometric embedding; "
            + "default: the manifold's own)")
    private Integer dim;

    @Option(names = "--benchmark", description = "run every estimator on the 24 benchmark manifolds")
    private boolean benchmark;

    @Option(names = "--estimators", paramLabel = "LIST", description = "comma-separated estimators or 'all' (default: "
            + DEFAULT_ESTIMATORS + " for --data, all for --benchmark)")
    private String estimators;

    @Option(names = "--subset", paramLabel = "N", description = "use the first N rows of the data")
    private Integer subset;

    @Option(names = "--scale", paramLabel = "MODE", description = "none, unit, symmetric or standardize (default: ${DEFAULT-VALUE})")
    private String scale = "none";

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Fashion-MNIST folder (default: ${DEFAULT-VALUE})")
    private Path dataDir = FashionMnist.DEFAULT_DIR;

    @Option(names = "--split", paramLabel = "SPLIT", description = "Fashion-MNIST split: train or test (default: ${DEFAULT-VALUE})")
    private String split = "train";

    @Option(names = "--pointwise-out", paramLabel = "FILE", description = "write the pointwise estimates to FILE "
            + "(.npy, n x m, one column per estimator that has them, in --estimators order)")
    private Path pointwiseOut;

    @Option(names = "--bench-knn", description = "also time the kNN kernel against numpy's matmul on the data's shape")
    private boolean benchKnn;

    @Option(names = "--n", paramLabel = "N", description = "points for --manifold, per manifold for --benchmark (default: " + IdBenchmark.DEFAULT_N + ")")
    private Integer n;

    @Option(names = "--manifolds", paramLabel = "LIST", description = "benchmark manifolds, comma-separated (default: all 24)")
    private String manifolds;

    @Override
    public Integer call() throws Exception {
        int modes = (benchmark ? 1 : 0) + (data != null ? 1 : 0) + (manifold != null ? 1 : 0);
        if (modes != 1) throw new UsageException("give exactly one of --data, --manifold or --benchmark");
        if (dim != null && manifold == null) throw new UsageException("--dim applies to --manifold only");
        return benchmark ? runBenchmark() : runData();
    }

    private int runData() throws Exception {
        if (manifolds != null) throw new UsageException("--manifolds applies to --benchmark only");
        if (n != null && manifold == null) throw new UsageException("--n applies to --manifold and --benchmark only");
        List<IntrinsicDimensionEstimator> es = estimators(estimators == null ? DEFAULT_ESTIMATORS : estimators);
        Scaling scaling;
        try {
            scaling = Scaling.parse(scale);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--scale: " + e.getMessage(), e);
        }
        if (pointwiseOut != null) OutputPaths.file("--pointwise-out", pointwiseOut, ".npy");
        if (subset != null) Sizes.atLeast("--subset", subset, 1);
        DataMatrix m = load(subset == null ? Integer.MAX_VALUE : subset);
        if (subset != null) {
            if (subset > m.rows()) throw new UsageException("--subset " + subset + " exceeds the " + m.rows() + " rows of " + m.source());
            m = m.head(subset);
        }
        DataMatrix scaled = scaling.apply(m);
        return RecordedRun.record(common, manifold != null ? "id-manifold" : "id-data",
                run -> estimate(run, scaled, es, scaling));
    }

    private int estimate(RecordedRun run, DataMatrix m, List<IntrinsicDimensionEstimator> es, Scaling scaling)
            throws IOException {
        IdEstimation.Result r;
        try (Progress bar = common.progress("id " + (data != null ? data : "manifold"), es.size() + 1L)) {
            r = IdEstimation.run(m, es, common.threads(), bar::step);
        }
        KnnBenchmark.Result bench = benchKnn ? KnnBenchmark.run(m.values(), m.rows(), m.cols(), common.threads()) : null;
        Map.Entry<double[], List<String>> pointwise = pointwiseOut == null ? null : IdEstimation.pointwiseMatrix(r);
        if (pointwiseOut != null && pointwise == null) {
            throw new UsageException("--pointwise-out: none of the estimators " + r.rows().stream().map(IdEstimation.Row::estimator).toList()
                    + " has pointwise values (mle, lpca, lpca-ev, mom, tle and ess do)");
        }
        if (pointwise != null) NpyWriter.write(pointwiseOut, pointwise.getKey(), r.n(), pointwise.getValue().size());
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> map = r.toMap();
        map.put("scaling", scaling.name().toLowerCase(Locale.ROOT));
        if (bench != null) map.put("knnBenchmark", benchMap(bench));
        if (pointwise != null) map.put("pointwiseOut", Map.of("file", pointwiseOut.toString(), "columns", pointwise.getValue()));
        map.put("run_id", run.id());
        run.finish(null, map);
        if (common.json()) {
            map.put("provenance", Json.readMap(run.provenance().toJson()));
            JsonOutput.print(out, map);
        } else {
            out.printf(Locale.ROOT, "data %s: n=%d, D=%d, scaling %s, %d threads%n", r.source(), r.n(), r.dim(),
                    scaling.name().toLowerCase(Locale.ROOT), r.threads());
            out.printf(Locale.ROOT, "kNN (k=%d, exact): %.2f s%n", r.neighbors(), r.knnSeconds());
            TextTable t = new TextTable(List.of("estimator", "global", "pointwise median [10%, 90%]", "seconds"));
            for (IdEstimation.Row row : r.rows()) {
                String pw = Double.isNaN(row.pointwiseMedian()) ? "-" : String.format(Locale.ROOT, "%.2f [%.2f, %.2f]",
                        row.pointwiseMedian(), row.pointwiseQ10(), row.pointwiseQ90());
                t.row(row.estimator(), String.format(Locale.ROOT, "%.2f", row.global()), pw, String.format(Locale.ROOT, "%.2f", row.seconds()));
            }
            out.print(t.render());
            out.printf(Locale.ROOT, "total %.2f s%n", r.totalSeconds());
            if (bench != null) out.println(bench.summary());
            if (pointwise != null) out.println("pointwise estimates " + pointwise.getValue() + " -> " + pointwiseOut);
        }
        out.flush();
        return 0;
    }

    /** Loads the data; Fashion-MNIST parses only the first {@code maxRows} images (the file is still validated). */
    private DataMatrix load(int maxRows) throws IOException {
        if (manifold != null) {
            int points = Sizes.atLeast("--n", n == null ? IdBenchmark.DEFAULT_N : n, 1);
            if (dim != null) Sizes.atLeast("--dim", dim, 1);
            DataManifold m = Manifolds.parse(manifold, dim == null ? 0 : dim, common.seed());
            Sizes.doubles("--n " + points + " points of dimension " + m.dim(), points, m.dim(), 3, "--n or --dim");
            return new DataMatrix(m.sample(common.seed(), points), points, m.dim(),
                    manifold + " (d=" + m.intrinsicDim() + ", seed " + common.seed() + ")");
        }
        if (data.equals("fashion-mnist")) {
            FashionMnist.Split s = switch (split) {
                case "train" -> FashionMnist.Split.TRAIN;
                case "test" -> FashionMnist.Split.TEST;
                default -> throw new UsageException("--split must be train or test, got '" + split + "'");
            };
            return FashionMnist.images(dataDir, s, maxRows);
        }
        Path p = Path.of(data);
        if (!Files.exists(p)) {
            throw new UsageException("--data " + org.diffold.core.data.Printable.of(data) + ": file not found (or use --data fashion-mnist)");
        }
        InputPaths.file("--data", p);
        return DataFiles.read(p);
    }

    private int runBenchmark() throws IOException {
        if (subset != null || benchKnn) throw new UsageException("--subset and --bench-knn apply to --data only");
        List<String> ms = manifolds == null ? BenchmarkManifolds.names() : List.of(manifolds.split(","));
        for (String m : ms) BenchmarkManifolds.create(m.strip()); // validates names before any work
        ms = ms.stream().map(String::strip).toList();
        List<String> es = new ArrayList<>();
        for (IntrinsicDimensionEstimator e : estimators(estimators == null ? "all" : estimators)) es.add(e.name());
        int points = Sizes.range("--n", n == null ? IdBenchmark.DEFAULT_N : n, 3, MAX_BENCHMARK_N);
        int maxDim = 1;
        for (String m : ms) maxDim = Math.max(maxDim, BenchmarkManifolds.create(m).dim());
        Sizes.doubles("--n " + points + " points per manifold (D up to " + maxDim + ")", points, maxDim, 4, "--n");
        common.checkOutputs();
        Provenance prov = common.provenance();
        IdBenchmark.Result r;
        try (Progress bar = common.progress("id benchmark", ms.size())) {
            r = IdBenchmark.run(ms, es, points, common.seed(), common.threads(), done -> bar.step());
        }
        Path reportDir;
        String runId;
        try (RunStore store = common.openStore()) {
            runId = store.startRun("id-benchmark", common.commandLine(), prov);
            for (IdBenchmark.Row row : r.rows()) {
                Map<String, Object> settings = new LinkedHashMap<>();
                settings.put("manifold", row.manifold());
                settings.put("estimator", row.estimator());
                settings.put("n", r.n());
                settings.put("seed", r.seed());
                store.putIfAbsent("id-benchmark", row.manifold() + "/" + row.estimator() + "/n=" + r.n() + "/seed=" + r.seed(),
                        settings, Map.of("estimate", row.estimate(), "d", row.d(), "error", row.error(), "seconds", row.seconds()), prov, runId);
            }
            reportDir = IdBenchmark.report(r, prov).writeTo(common.runsDir().resolve(runId));
            store.finishRun(runId, reportDir);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            Map<String, Object> map = r.toMap();
            map.put("report", reportDir.resolve("index.html").toString());
            map.put("run_id", runId);
            map.put("provenance", Json.readMap(prov.toJson()));
            JsonOutput.print(out, map);
        } else {
            out.printf(Locale.ROOT, "intrinsic-dimension benchmark: n=%d per manifold, seed %d, %.1f s; cells: estimate%n",
                    r.n(), r.seed(), r.seconds());
            out.print(TextTable.render(r.wideHeader(), r.wideRows()));
            out.print(TextTable.render(IdBenchmark.SUMMARY_HEADER, r.summaryRows()));
            out.println("findings: " + r.findings());
            out.println("report: " + reportDir.resolve("index.html"));
        }
        out.flush();
        return 0;
    }

    /** --estimators parsed, errors naming the option. */
    private List<IntrinsicDimensionEstimator> estimators(String list) {
        try {
            return Estimators.parse(list, common.seed());
        } catch (IllegalArgumentException e) {
            String valid = e.getMessage().contains("valid") || e.getMessage().contains("expected")
                    ? "" : "; valid: " + String.join(", ", Estimators.names()) + " or all";
            throw new UsageException("--estimators '" + org.diffold.core.data.Printable.of(list) + "': " + e.getMessage() + valid, e);
        }
    }

    private static Map<String, Object> benchMap(KnnBenchmark.Result b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", b.n());
        m.put("D", b.dim());
        m.put("threads", b.threads());
        m.put("scanSeconds", b.scanSeconds());
        m.put("scanGflops", b.scanGflops());
        m.put("knnSeconds", b.knnSeconds());
        m.put("knnGflops", b.knnGflops());
        if (Double.isNaN(b.numpyGflops())) m.put("numpyNote", b.baselineNote());
        else {
            m.put("numpyGflops", b.numpyGflops());
            m.put("ratio", b.ratio());
            if (!Double.isNaN(b.numpyDistanceGflops())) {
                m.put("numpyDistanceGflops", b.numpyDistanceGflops());
                m.put("distanceRatio", b.distanceRatio());
            }
        }
        return m;
    }
}

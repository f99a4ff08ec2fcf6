package org.diffold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diffold.core.data.DataFiles;
import org.diffold.core.data.DataMatrix;
import org.diffold.core.data.FashionMnist;
import org.diffold.core.metrics.SampleSets;
import org.diffold.lab.experiment.generalization.MemorizationAudit;
import org.diffold.lab.store.Json;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code diffold memorization}: memorization metrics of a sample file against a training file (docs/math.md §6).
 * Everything is validated before anything is computed or written.
 */
@Command(name = "memorization", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Memorized fraction (ratio rule d1/d2 < 1/3) and nearest-training distances of samples (docs/math.md §6).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  diffold memorization --samples samples.npy --train train.npy --json",
            "  diffold memorization --samples gen.npy --train fashion-mnist --image-shape 28x28x1",
            "Rows of width 784 are shown as 28x28 images in a report (runs/<run-id>/) unless --image-shape none."})
final class MemorizationCommand implements Callable<Integer> {
    @Mixin private CommonOptions common;
    @Spec private CommandSpec spec;

    @Option(names = "--samples", paramLabel = "FILE", required = true, description = "generated samples (.npy, .csv)")
    private Path samples;

    @Option(names = "--train", paramLabel = "FILE", required = true, description = "training set (.npy, .csv) or 'fashion-mnist'")
    private String train;

    @Option(names = "--image-shape", paramLabel = "HxWxC", description = "rows are images of this shape (C = 1 or 3), or 'none'; "
            + "default: 28x28x1 for width 784, 32x32x3 for 3072, else none")
    private String imageShape;

    @Option(names = "--pairs", paramLabel = "N", defaultValue = "16", description = "sample / nearest-image pairs in the report (default: ${DEFAULT-VALUE})")
    private int pairs;

    @Override
    public Integer call() throws IOException {
        if (pairs < 1) throw new UsageException("--pairs must be >= 1, got " + pairs);
        DataMatrix s = read("--samples", samples.toString());
        DataMatrix t = train.equals("fashion-mnist") ? FashionMnist.images(FashionMnist.DEFAULT_DIR, FashionMnist.Split.TRAIN)
                : read("--train", train);
        if (s.rows() < 1) throw new UsageException("--samples must have at least 1 row, got 0 (" + samples + ")");
        if (t.rows() < 2) throw new UsageException("--train must have at least 2 rows, got " + t.rows() + " (" + train + ")");
        if (s.cols() != t.cols()) {
            throw new UsageException("--samples rows have width " + s.cols() + " but --train rows have width " + t.cols() + "; they must match");
        }
        check("--samples", s);
        check("--train", t);
        int[] shape = shape(s.cols());
        Provenance prov = common.provenance();
        Path reportDir = null;
        if (shape != null) OutputPaths.checkWritableDirectory(common.runsDir());
        MemorizationAudit.Result r = MemorizationAudit.run(s.values(), s.rows(), t.values(), t.rows(), s.cols(), common.threads());
        if (shape != null) {
            byte[] grid = MemorizationAudit.pairGrid(r, s.values(), t.values(), shape[0], shape[1], shape[2], pairs);
            try (RunStore store = common.openStore()) {
                String runId = store.startRun("memorization", common.commandLine(), prov);
                reportDir = MemorizationAudit.report(r, samples.getFileName().toString(), train, grid, prov).writeTo(common.runsDir().resolve(runId));
                store.finishRun(runId, reportDir);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> m = r.toMap();
        if (reportDir != null) m.put("report", reportDir.resolve("index.html").toString());
        if (common.json()) {
            out.println(Json.write(m));
        } else {
            out.printf(Locale.ROOT, "%d samples vs %d training rows (D = %d): memorized fraction %.4g (d1/d2 < 1/3), "
                            + "nearest-training distance median %.4g [10%%: %.4g, 90%%: %.4g], %.2f s%n",
                    r.nSamples(), r.nTrain(), r.dim(), r.memorization().memorizedFraction(), m.get("nn_distance_median"),
                    m.get("nn_distance_q10"), m.get("nn_distance_q90"), r.seconds());
            if (reportDir != null) out.println("report: " + reportDir.resolve("index.html"));
        }
        out.flush();
        return 0;
    }

    private static DataMatrix read(String option, String file) throws IOException {
        Path p = Path.of(file);
        if (!Files.exists(p)) throw new UsageException(option + ": file not found: " + file);
        return DataFiles.read(p);
    }

    private static void check(String option, DataMatrix m) {
        try {
            SampleSets.check(option, m.values(), m.rows(), m.cols(), 1);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {h, w, c} or null when rows are not shown as images. */
    private int[] shape(int width) {
        String sp = imageShape;
        if (sp == null) sp = width == 784 ? "28x28x1" : width == 3072 ? "32x32x3" : "none";
        if (sp.equals("none")) return null;
        String[] parts = sp.toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length != 3) throw new NumberFormatException();
            int h = Integer.parseInt(parts[0]), w = Integer.parseInt(parts[1]), c = Integer.parseInt(parts[2]);
            if (h < 1 || w < 1 || (c != 1 && c != 3)) throw new NumberFormatException();
            if ((long) h * w * c != width) {
                throw new UsageException("--image-shape " + sp + " holds " + (long) h * w * c + " values but rows have width " + width);
            }
            return new int[] {h, w, c};
        } catch (NumberFormatException e) {
            throw new UsageException("--image-shape must be HxWxC with C = 1 or 3, or 'none', got '" + sp + "'");
        }
    }
}

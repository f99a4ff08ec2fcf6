package org.diffold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diffold.core.data.CsvMatrixWriter;
import org.diffold.core.data.NpyWriter;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.sampler.AffineSampler;
import org.diffold.core.sampler.Sampler;
import org.diffold.core.score.Score;
import org.diffold.core.target.Target;
import org.diffold.nn.train.TrainedModel;
import org.diffold.lab.report.ImageGrid;
import org.diffold.nn.image.ImageShape;
import org.diffold.nn.latent.LatentModel;
import org.diffold.lab.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code diffold sample}: runs a sampler with a target's exact score ({@code --target}, the default) or with a trained
 * score network ({@code --model}), any design and schedule, and writes the samples as .npy or CSV.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Sample with a target's exact score or a trained network (--model) and write .npy or .csv; "
                + "a discrete --design, a practitioners' --sampler on --sigmas, or a continuous-time --scheme on a --grid.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  diffold sample --target gmm-subspace --k 8 --dim 256 --steps 500 --design li-yan --n 10000 --out samples.npy",
            "  diffold sample --target product-subspace --dim 50 --design classic --n 2000 --out s.csv --json",
            "  diffold sample --model model/ --design li-yan --steps 500 --n 5000 --out samples.npy",
            "  diffold sample --model sild/ --steps 200 --n 64 --out grid.png   (image model: grid.png and grid.npy)",
            "  diffold sample --target gaussian-subspace --dim 100 --sampler dpmpp-2m --sigmas karras:rho=7 --steps 20 --n 1000 --out s.npy",
            "  diffold sample --target product-subspace --dim 50 --scheme ddpm-posterior --grid potaptchik:kappa=0.1,L=50,M=70 --n 1000 --out s.npy",
            "  diffold sample --score empirical:data=train.npy --n 1000 --out s.npy   (also kde:data=F,h=0.1;",
            "      cfdm:data=F,smoothing=0.2,draws=2; coarse:data=F,k=2,neighbours=16,switch=0.3;",
            "      coarse:data=F,proj=lqf,k=2,m=12 (local quadratic fit); docs/math.md §6, §6.1)",
            "Row i of the output depends only on --seed and i: any --threads gives the same bits."})
public final class SampleCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin ProblemOptions problem;
    @Mixin NnOptions nn;
    @Mixin SamplerOptions samplers;
    @Spec CommandSpec spec;

    @Option(names = "--n", paramLabel = "N", defaultValue = "10000", description = "number of samples (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "output file; .npy (NumPy float64) or .csv; "
            + ".png for a model trained on images: an image grid, with the samples in a .npy beside it")
    Path out;

    @Option(names = "--columns", paramLabel = "N", defaultValue = "8", description = "images per row of a .png grid (default: ${DEFAULT-VALUE})")
    int columns;

    @Option(names = {"--denoise", "--final-denoise"}, description = "finish with the Tweedie denoiser at the output level (docs/math.md §3.2)")
    boolean denoise;

    @Option(names = "--model", paramLabel = "DIR", description = "model folder or checkpoint file: sample with the learned score "
            + "(EMA weights) instead of a target's exact score")
    Path model;

    @Option(names = "--score", paramLabel = "SPEC", description = "closed-form score from a training file: empirical:data=F, "
            + "kde:data=F,h=H, cfdm:data=F[,smoothing=S,draws=M], coarse:data=F[,proj=lpca|lqf,k=K,neighbours=NB (or m=NB),switch=SIGMA; lqf also iterations=I,ridge=R]")
    String scoreSpec;

    @Override
    public Integer call() throws Exception {
        Sizes.atLeast("--n", n, 1);
        OutputPaths.file("--out", out, ".npy", ".csv", ".png");
        String file = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean csv = file.endsWith(".csv"), png = file.endsWith(".png");
        if (png && model == null) throw new UsageException("--out " + out + ": a .png grid needs --model trained on images");
        Sizes.atLeast("--columns", columns, 1);
        if (model != null) InputPaths.model("--model", model, TrainedModel.FILE);
        SamplerOptions.Kind kind = samplers.kind(spec.commandLine().getParseResult());
        if (kind != SamplerOptions.Kind.DESIGN) Sizes.range("--steps", problem.steps, 1, ProblemOptions.MAX_STEPS);
        Sampler sampler = kind == SamplerOptions.Kind.DESIGN ? new AffineSampler(problem.plan(), denoise)
                : samplers.sampler(kind, problem.steps, denoise);
        if (scoreSpec != null) {
            for (String opt : new String[] {"--target", "--dim", "--k", "--model"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(opt)) throw new UsageException(opt + " does not go with --score");
            }
        } else if (model != null) {
            for (String opt : new String[] {"--target", "--dim", "--k"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(opt)) {
                    throw new UsageException(opt + " does not go with --model: the model fixes the data and its dimension");
                }
            }
        }
        Target exact = model == null && scoreSpec == null ? problem.anyTarget(common.seed()) : null;
        return RecordedRun.record(common, "sample", run -> sample(run, kind, sampler, csv, png, exact));
    }

    private int sample(RecordedRun run, SamplerOptions.Kind kind, Sampler sampler, boolean csv, boolean png, Target exact)
            throws IOException {
        double seconds;
        int dim, k = -1;
        if (scoreSpec != null) {
            Score s = org.diffold.core.score.empirical.ClosedFormScores.parse(scoreSpec, common.threads(), common.seed());
            dim = s.dim();
            seconds = write(s, sampler, csv, false, null);
        } else if (model != null) {
            if (LatentModel.isLatent(model)) {
                try (LatentModel m = LatentModel.load(model, nn.device())) {
                    dim = m.dim();
                    if (png && m.shape() == null) throw new UsageException("--out " + out + ": model " + model + " was not trained on images; write .npy or .csv");
                    Sizes.doubles("--n " + n + " samples of dimension " + dim, n, dim, 1, "--n");
                    long t0 = System.nanoTime();
                    double[] x;
                    try (Progress bar = common.progress("sampling", n)) {
                        x = m.sample(sampler, common.seed(), n, common.threads(), bar::step);
                    }
                    seconds = (System.nanoTime() - t0) * 1e-9;
                    writeRows(x, dim, csv, png, m.shape());
                }
            } else {
                try (TrainedModel m = TrainedModel.load(model, nn.device())) {
                    dim = m.score().dim();
                    String sh = m.checkpoint().meta().get("prov.data.shape");
                    ImageShape shape = sh == null ? null : ImageShape.parse(sh);
                    if (png && shape == null) throw new UsageException("--out " + out + ": model " + model + " was not trained on images; write .npy or .csv");
                    seconds = write(m.score(), sampler, csv, png, shape);
                }
            }
        } else {
            Target target = exact;
            dim = target.dim();
            k = target.intrinsicDim();
            seconds = write(target.score(), sampler, csv, false, null);
        }
        PrintWriter w = spec.commandLine().getOut();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("out", out.toString());
        m.put("n", n);
        m.put("dim", dim);
        if (scoreSpec != null) m.put("score", scoreSpec);
        else if (model != null) m.put("model", model.toString());
        else { m.put("k", k); m.put("target", problem.target); }
        if (kind == SamplerOptions.Kind.DESIGN) {
            m.put("design", problem.design);
            m.put("schedule", problem.schedule().description());
            m.put("steps", problem.steps);
        } else {
            m.putAll(samplers.describe(kind, problem.steps));
        }
        m.put("seed", common.seed());
        m.put("seconds", seconds);
        m.put("run_id", run.id());
        run.finish(null, m);
        if (common.json()) {
            JsonOutput.print(w, m);
        } else {
            w.printf("wrote %d samples of dimension %d to %s (%s, %.1f s)%n", n, dim, out, sampler.name(), seconds);
        }
        return 0;
    }

    /** Samples with the score, writes the file atomically, returns the sampling time in seconds. */
    private double write(Score score, Sampler sampler, boolean csv, boolean png, ImageShape shape) throws IOException {
        int d = score.dim();
        Sizes.doubles("--n " + n + " samples of dimension " + d, n, d, 1, "--n");
        double[] samples = new double[n * d];
        long t0 = System.nanoTime();
        try (Progress bar = common.progress("sampling", n)) {
            sampler.sample(score, new RandomStreams(common.seed()), 0, n, samples,
                    common.threads(), bar::step);
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        writeRows(samples, d, csv, png, shape);
        return seconds;
    }

    /** Writes n x d rows as CSV, .npy, or a PNG grid (values in [-1, 1]) plus a .npy beside it. */
    private void writeRows(double[] samples, int d, boolean csv, boolean png, ImageShape shape) throws IOException {
        if (png) {
            if (shape == null) throw new UsageException("--out " + out + ": model " + model + " was not trained on images; write .npy or .csv");
            if (shape.channels() != 1 && shape.channels() != 3) {
                throw new UsageException("--out " + out + ": a grid shows 1 or 3 channels, the model's images have " + shape.channels());
            }
            String name = out.getFileName().toString();
            Path npy = out.resolveSibling(name.substring(0, name.length() - 4) + ".npy");
            NpyWriter.write(npy, samples, n, d);
            ImageGrid.writePng(out, ImageGrid.rows(samples, n, d), shape.height(), shape.width(), shape.channels(), columns, -1, 1);
            return;
        }
        if (csv) {
            java.util.List<String> header = new java.util.ArrayList<>();
            for (int j = 0; j < d; j++) header.add("x" + j);
            CsvMatrixWriter.write(out, samples, n, d, header);
        } else {
            NpyWriter.write(out, samples, n, d);
        }
    }
}

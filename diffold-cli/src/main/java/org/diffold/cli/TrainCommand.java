package org.diffold.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diffold.core.random.RandomStreams;
import org.diffold.core.target.SubspaceTarget;
import org.diffold.core.target.Targets;
import org.diffold.lab.report.LineChartSpec;
import org.diffold.lab.report.Report;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import org.diffold.nn.checkpoint.CheckpointFormat;
import org.diffold.nn.net.Activation;
import org.diffold.nn.net.Architecture;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.NoiseEmbedding;
import org.diffold.nn.net.Parameterisation;
import org.diffold.nn.net.UnetLayout;
import org.diffold.nn.image.ImageShape;
import org.diffold.nn.train.LossWeighting;
import org.diffold.nn.train.LrSchedule;
import org.diffold.nn.train.TrainConfig;
import org.diffold.nn.train.TrainListener;
import org.diffold.nn.train.TrainedModel;
import org.diffold.nn.train.Trainer;
import org.diffold.nn.train.TrainingData;
import org.diffold.nn.train.TrainingHistory;
import org.diffold.nn.latent.LatentModel;
import org.diffold.nn.latent.RealData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code diffold train}: DSM training of a score network; checkpoints in the model folder, loss curve in the report. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a score network by denoising score matching (DJL + PyTorch).",
        footerHeading = "%nExamples:%n",
        footer = {"  diffold train --data gmm-subspace:k=8 --dim 256 --steps 20000 --out model/",
                  "  diffold train --data gmm-subspace:k=8 --dim 256 --steps 40000 --out model/ --resume   (continue it)",
                  "  diffold train --data fashion-mnist --arch unet:channels=32/64 --param edm --batch 64 --out unet/   (pixel U-Net)",
                  "  diffold train --data fashion-mnist --latent sild --latent-dim 16 --out sild/   (SiLD, both stages)",
                  "  diffold train --data fashion-mnist:classes=0,3 --latent vae:kl=1e-6 --out vae/",
                  "  diffold train --data images.npy --image-shape 32x32x3 --latent sild --out mine/"})
final class TrainCommand implements Callable<Integer> {
    @Mixin private CommonOptions common;
    @Mixin private NnOptions nn;
    @Mixin private LatentOptions latentOpts;
    @Spec private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "SPEC", description = "data set: a target spec "
            + "(gaussian-subspace, gmm-subspace or product-subspace with :k=..,...) sampled with --seed, "
            + "fashion-mnist[:classes=0,3] (held out: its t10k set) or a data file (.npy, .csv, IDX)")
    private String data;
    @Option(names = "--dim", paramLabel = "D", description = "ambient dimension D of a target spec (real data: from the data)") private int dim;
    @Option(names = "--k", paramLabel = "K", description = "intrinsic dimension when the spec has no k= (default: ${DEFAULT-VALUE})")
    private int k = 8;
    @Option(names = "--n-train", paramLabel = "N", description = "rows drawn from the target (default: ${DEFAULT-VALUE})")
    private int nTrain = 20000;
    @Option(names = "--steps", paramLabel = "S", description = "optimiser steps in total (default: ${DEFAULT-VALUE})")
    private int steps = 20000;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "model folder (checkpoint.dfnn)") private Path out;
    @Option(names = "--resume", description = "continue the checkpoint in --out (same settings; --steps may grow)") private boolean resume;
    @Option(names = "--arch", paramLabel = "A", description = "mlp, resmlp or unet[:channels=32/64,groups=8] (a U-Net on "
            + "image data; --width, --depth and --activation are for the MLPs) (default: ${DEFAULT-VALUE})") private String arch = "mlp";
    @Option(names = "--width", description = "hidden width (default: ${DEFAULT-VALUE})") private int width = NetworkSpec.DEFAULT_WIDTH;
    @Option(names = "--depth", description = "hidden layers (default: ${DEFAULT-VALUE})") private int depth = NetworkSpec.DEFAULT_DEPTH;
    @Option(names = "--activation", description = "gelu or silu (default: ${DEFAULT-VALUE})") private String activation = "gelu";
    @Option(names = "--param", paramLabel = "P", description = "edm (preconditioned denoiser, sigma_data from the data), edm-pca (edm per principal direction of the data), epsilon, x0 or score (default: ${DEFAULT-VALUE}: it keeps the complement of the data's subspace exact; plain edm learns it and can be far off)") private String param = "edm-pca";
    @Option(names = "--batch", description = "batch size (default: ${DEFAULT-VALUE})") private int batch = 256;
    @Option(names = "--lr", description = "peak learning rate (default: ${DEFAULT-VALUE})") private double lr = 1e-3;
    @Option(names = "--lr-schedule", description = "constant, cosine or linear (default: ${DEFAULT-VALUE})") private String lrSchedule = "cosine";
    @Option(names = "--warmup", description = "warm-up steps (default: ${DEFAULT-VALUE})") private int warmup = 200;
    @Option(names = "--clip", description = "global gradient-norm clip, 0 = off (default: ${DEFAULT-VALUE})") private double clip = 1.0;
    @Option(names = "--ema", description = "EMA decay, 0 = off (default: ${DEFAULT-VALUE})") private double ema = 0.999;
    @Option(names = "--process", description = "discrete or continuous (default: ${DEFAULT-VALUE})") private String process = "discrete";
    @Option(names = "--schedule", description = "schedule of the discrete process (default: ${DEFAULT-VALUE})") private String schedule = "li-yan";
    @Option(names = "--schedule-steps", description = "T of the discrete process (default: ${DEFAULT-VALUE})") private int scheduleSteps = 1000;
    @Option(names = "--t-min", description = "smallest OU time, continuous (default: ${DEFAULT-VALUE})") private double tMin = 1e-5;
    @Option(names = "--t-max", description = "largest OU time, continuous (default: ${DEFAULT-VALUE})") private double tMax = 6;
    @Option(names = "--time-sampling", description = "uniform or log-uniform (default: ${DEFAULT-VALUE})") private String timeSampling = "log-uniform";
    @Option(names = "--weighting", description = "sigma2, unit or output (default: ${DEFAULT-VALUE})") private String weighting = "sigma2";
    @Option(names = "--val-fraction", description = "held-out fraction (default: ${DEFAULT-VALUE})") private double valFraction = 0.1;
    @Option(names = "--eval-every", description = "steps between evaluations, 0 = end only (default: ${DEFAULT-VALUE})") private int evalEvery = 1000;
    @Option(names = "--checkpoint-every", description = "steps between checkpoints (default: ${DEFAULT-VALUE})") private int checkpointEvery = 1000;

    @Override
    public Integer call() throws Exception {
        Sizes.atLeast("--n-train", nTrain, 1);
        Sizes.atLeast("--steps", steps, 1);
        Sizes.atLeast("--batch", batch, 1);
        Sizes.atLeast("--width", width, 1);
        Sizes.atLeast("--depth", depth, 1);
        Sizes.atLeast("--checkpoint-every", checkpointEvery, 1);
        Sizes.atLeast("--eval-every", evalEvery, 0);
        Sizes.range("--schedule-steps", scheduleSteps, 2, ProblemOptions.MAX_STEPS);
        Sizes.atLeast("--warmup", warmup, 0);
        Sizes.real("--lr", lr, Double.MIN_VALUE, Double.MAX_VALUE, "> 0");
        Sizes.real("--clip", clip, 0, Double.MAX_VALUE, ">= 0 (0 = off)");
        Sizes.real("--ema", ema, 0, Math.nextDown(1.0), "in [0, 1) (0 = off)");
        Sizes.real("--val-fraction", valFraction, 0, 0.5, "in [0, 0.5]");
        boolean real = RealData.isFashionMnist(data) || isFile(data);
        boolean unet = architecture() == Architecture.UNET;
        if (unet && !real) {
            throw new UsageException("--arch " + arch + " needs image data (--data fashion-mnist[:classes=..] or an image file), got --data " + data);
        }
        if (unet && latentOpts.latent != null) {
            throw new UsageException("--arch " + arch + " does not go with --latent: the latent model's stage 2 is an MLP on latents (mlp or resmlp)");
        }
        if (!real && latentOpts.latent != null) {
            throw new UsageException("--latent needs real data: --data fashion-mnist[:classes=..] or a data file, got '" + data + "'");
        }
        if (!real && dim < 1) throw new UsageException("--dim must be >= 1 for --data " + data + ", got " + dim);
        OutputPaths.folder("--out", out);
        common.checkOutputs();
        Path file = out.resolve(TrainedModel.FILE);
        if (Files.isDirectory(file)) throw new UsageException("--out " + out + ": " + TrainedModel.FILE + " in it is a folder");
        if ((Files.exists(file) || Files.exists(out.resolve(LatentModel.STAGE1_FILE))) && !resume) {
            throw new UsageException(out + " already holds a checkpoint; pass --resume to continue it or choose another --out");
        }
        if (resume && !Files.exists(file) && !Files.exists(out.resolve(LatentModel.STAGE1_FILE))) {
            throw new UsageException("--resume: " + out + " holds no checkpoint (" + TrainedModel.FILE
                    + ") to continue; drop --resume to start a new run there");
        }
        TrainConfig cfg = new TrainConfig(steps, batch, new LrSchedule(lrSchedule, lr, warmup, 0.05), clip, 0.9, 0.999, 1e-8, ema,
                valFraction, evalEvery, 20, 256, checkpointEvery, common.seed(), process, schedule, scheduleSteps, tMin, tMax,
                timeSampling, LossWeighting.parse(weighting));
        Map<String, String> prov = new LinkedHashMap<>();
        prov.put("data.spec", data);
        prov.put("data.seed", Long.toString(common.seed()));
        prov.put("command", String.join(" ", common.commandLine()));
        Provenance provenance = common.provenance();
        prov.put("git", provenance.gitRevision());
        SubspaceTarget target = null;
        TrainingData td;
        ImageShape shape = null;
        if (real) {
            RealData rd = RealData.load(data, nTrain, latentOpts.nHeldOut, latentOpts.shape(), !latentOpts.noScale);
            shape = rd.data().shape();
            if (rd.data().shape() != null) prov.put("data.shape", rd.data().shape().toString());
            if (latentOpts.latent != null) {
                latentOpts.spec(rd.data().dim(), rd.data().shape()); // validates before anything is built
                return new LatentTrainRun(common, nn, spec.commandLine().getOut()).run(rd.data(), latentOpts, networkSpec(latentOpts.latentDim), cfg, out, prov);
            }
            td = TrainingData.withHeldOut(rd.data().train(), rd.data().heldOut(), rd.data().dim(), rd.data().description());
        } else {
            target = Targets.parse(data, dim, k, common.seed());
            Sizes.doubles("the training set (--n-train " + nTrain + " x --dim " + dim + ")", nTrain, dim, 2, "--n-train or --dim");
            double[] rows = new double[nTrain * dim];
            target.sample(new RandomStreams(common.seed()).child("train-data"), 0, nTrain, rows);
            td = new TrainingData(rows, dim, valFraction, common.seed(), data + " D=" + dim + " N=" + nTrain);
            prov.put("data.k", Integer.toString(target.intrinsicDim()));
        }
        NetworkSpec net = networkSpec(td.dim(), shape);
        PrintWriter o = spec.commandLine().getOut();
        if (resume && Files.exists(file)) {
            Map<String, String> saved = org.diffold.nn.train.RunMetadata.spec(CheckpointFormat.read(file)).toMap();
            for (Map.Entry<String, String> e : net.toMap().entrySet()) {
                if (!e.getValue().equals(saved.get(e.getKey()))) {
                    throw new org.diffold.nn.checkpoint.CheckpointException("checkpoint mismatch: it was trained with "
                            + e.getKey() + "=" + saved.get(e.getKey()) + ", this run has " + e.getValue());
                }
            }
        }
        try (RunStore store = common.openStore();
             Trainer trainer = resume && Files.exists(file)
                     ? Trainer.resume(CheckpointFormat.read(file), cfg, td, nn.device(), target, prov)
                     : Trainer.create(net, cfg, td, nn.device(), target, prov);
             Progress bar = common.progress("train", steps)) {
            String runId = store.startRun("train", common.commandLine(), provenance);
            bar.step(trainer.step());
            trainer.train(new TrainListener() {
                @Override public void onStep(int step, double loss, double rate) {
                    bar.step(1);
                    if (step % 20 == 0) bar.message(String.format(Locale.ROOT, "loss %.4g", loss));
                }
            }, file);
            Path reportDir = report(trainer, provenance).writeTo(common.runsDir().resolve(runId));
            store.finishRun(runId, reportDir);
            TrainingHistory.EvalRecord last = trainer.history().evaluations().get(trainer.history().evaluations().size() - 1);
            if (common.json()) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("run_id", runId);
                m.put("steps", trainer.step());
                m.put("train_loss", last.trainLoss());
                m.put("validation_loss", last.validationLoss());
                m.put("eps_score2", last.epsScore2());
                m.put("model", file.toString());
                m.put("report", reportDir.toString());
                JsonOutput.print(o, m);
            } else {
                o.printf(Locale.ROOT, "trained %d steps: train loss %.4g, validation loss %.4g%s%n", trainer.step(), last.trainLoss(),
                        last.validationLoss(), Double.isFinite(last.epsScore2())
                                ? String.format(Locale.ROOT, ", eps_score^2 %.4g (li-yan T=%d)", last.epsScore2(), scheduleSteps) : "");
                o.println("model  " + file);
                o.println("report " + reportDir.resolve("index.html"));
            }
        }
        return 0;
    }

    private Architecture architecture() {
        return Architecture.parse(arch.contains(":") ? arch.substring(0, arch.indexOf(':')) : arch);
    }

    private NetworkSpec networkSpec(int d) {
        if (arch.contains(":")) throw new UsageException("--arch " + arch + ": only unet takes options (unet:" + UnetLayout.KEYS + ")");
        return new NetworkSpec(architecture(), d, width, depth, Activation.parse(activation), Parameterisation.parse(param),
                NoiseEmbedding.DEFAULT);
    }

    /** The network of --arch on data of dimension d with image shape {@code shape} (null when the rows are not images). */
    private NetworkSpec networkSpec(int d, ImageShape shape) {
        if (architecture() != Architecture.UNET) return networkSpec(d);
        if (shape == null) throw new UsageException("--arch " + arch + " needs image rows; give --image-shape HxWxC for " + data);
        try {
            return NetworkSpec.unet(UnetLayout.parse(arch.contains(":") ? arch.substring(arch.indexOf(':') + 1) : "", shape),
                    Parameterisation.parse(param));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--arch " + arch + ": " + e.getMessage());
        }
    }

    private static boolean isFile(String spec) {
        String s = spec.toLowerCase(Locale.ROOT);
        return Files.exists(Path.of(spec)) || s.endsWith(".npy") || s.endsWith(".csv") || s.endsWith(".gz") || s.endsWith("ubyte");
    }

    private static String json(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    private Report report(Trainer t, Provenance p) {
        int done = t.step(), points = Math.min(200, done), window = Math.max(1, done / Math.max(1, points));
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int end = window; end <= done; end += window) {
            double m = t.history().meanLoss(end - window, end);
            if (m > 0 && Double.isFinite(m)) { xs.add((double) end); ys.add(m); }
        }
        List<TrainingHistory.EvalRecord> evals = t.history().evaluations();
        double[] ex = new double[evals.size()], val = new double[evals.size()], eps = new double[evals.size()];
        for (int i = 0; i < evals.size(); i++) {
            ex[i] = evals.get(i).step();
            val[i] = evals.get(i).validationLoss();
            eps[i] = evals.get(i).epsScore2();
        }
        LineChartSpec.Builder chart = LineChartSpec.builder("DSM loss: training (window mean) and validation")
                .xLabel("step").yLabel("loss").logY();
        chart.series("train", xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray());
        if (evals.size() > 0) chart.series("validation", ex, val);
        boolean hasEps = java.util.Arrays.stream(eps).allMatch(Double::isFinite) && eps.length > 0; // real data: no exact score
        LineChartSpec epsChart = hasEps ? LineChartSpec.builder("Score error eps_score^2 at the evaluations").xLabel("step")
                .yLabel("eps_score^2").logY().series("eps_score^2", ex, eps).build() : null;
        List<List<String>> rows = new ArrayList<>();
        for (TrainingHistory.EvalRecord r : evals) {
            rows.add(List.of(Integer.toString(r.step()), fmt(r.trainLoss()), fmt(r.validationLoss()), fmt(r.epsScore2()), fmt(r.epsScore2StdErr())));
        }
        List<List<String>> settings = new ArrayList<>();
        t.spec().toMap().forEach((k, v) -> settings.add(List.of("network", String.valueOf(k), String.valueOf(v))));
        t.config().toMap().forEach((k, v) -> settings.add(List.of("training", String.valueOf(k), String.valueOf(v))));
        TrainingHistory.EvalRecord last = evals.isEmpty() ? null : evals.get(evals.size() - 1);
        String findings = last == null ? "No evaluation was recorded (--eval-every larger than --steps)."
                : !Double.isFinite(last.epsScore2()) ? String.format(Locale.ROOT, "After %d steps: training loss %s, validation loss %s "
                        + "(DSM loss on the held-out rows). This data has no exact score, so there is no eps_score^2.",
                        done, fmt(last.trainLoss()), fmt(last.validationLoss()))
                : String.format(Locale.ROOT, "After %d steps: training loss %s, validation loss %s, eps_score^2 = %s "
                        + "(std err %s). eps_score^2 is Li-Yan's score error (docs/math.md §4.4) against the target's "
                        + "exact score on the training schedule, stratified over t; the samplers' error bounds grow with it.",
                        done, fmt(last.trainLoss()), fmt(last.validationLoss()), fmt(last.epsScore2()), fmt(last.epsScore2StdErr()));
        Report.Builder r = Report.builder("Training " + t.spec().architecture().cliName() + " on " + data + " (D=" + t.spec().dim() + ")").provenance(p)
                .paragraph(findings)
                .chart("loss", chart.build());
        if (epsChart != null) r.chart("eps-score2", epsChart);
        return r.table("evaluations", List.of("step", "train loss", "validation loss", "eps_score^2", "std err"), rows)
                .table("settings", List.of("part", "setting", "value"), settings)
                .build();
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a";
    }
}

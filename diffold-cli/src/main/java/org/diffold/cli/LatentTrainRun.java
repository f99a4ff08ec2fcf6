package org.diffold.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.diffold.core.metrics.fidelity.Reconstruction;
import org.diffold.core.sampler.Designs;
import org.diffold.core.sampler.StepPlan;
import org.diffold.core.schedule.Schedules;
import org.diffold.lab.report.ImageGrid;
import org.diffold.lab.report.Report;
import org.diffold.lab.store.Json;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import org.diffold.nn.image.ImageShape;
import org.diffold.nn.latent.AutoencoderSpec;
import org.diffold.nn.latent.LatentData;
import org.diffold.nn.latent.LatentModel;
import org.diffold.nn.latent.LatentTraining;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.train.TrainConfig;

/**
 * {@code diffold train --latent ...}: both stages of a latent model into the model folder, then the held-out
 * reconstruction error and a report with reconstruction pairs and a sample grid (docs/math.md §7).
 */
final class LatentTrainRun {
    /** Sampling steps of the report's sample grid [ours]. */
    static final int GRID_STEPS = 200, GRID_IMAGES = 64;
    private final CommonOptions common;
    private final NnOptions nn;
    private final PrintWriter out;

    LatentTrainRun(CommonOptions common, NnOptions nn, PrintWriter out) {
        this.common = common;
        this.nn = nn;
        this.out = out;
    }

    int run(LatentData data, LatentOptions opts, NetworkSpec latentNet, TrainConfig stage2, Path dir, Map<String, String> prov) throws IOException {
        AutoencoderSpec ae = opts.spec(data.dim(), data.shape());
        LatentTraining lt = new LatentTraining(ae, opts.stage1(common.seed(), stage2.checkpointEvery()), latentNet, stage2);
        Provenance provenance = common.provenance();
        try (RunStore store = common.openStore(); Progress bar = common.progress("train " + ae.label(), (long) opts.stage1Steps + stage2.steps())) {
            String runId = store.startRun("train", common.commandLine(), provenance);
            LatentTraining.Result r = lt.run(data, dir, nn.device(), prov, (stage, step, loss) -> {
                bar.step(1);
                if (step % 20 == 0) bar.message(String.format(Locale.ROOT, "stage %d loss %.4g", stage, loss));
            });
            try (LatentModel m = LatentModel.load(dir, nn.device())) {
                int n = data.heldOutRows();
                double mse = Double.NaN, psnr = Double.NaN;
                double[] rec = null;
                if (n > 0) {
                    rec = m.reconstruct(data.heldOut(), n);
                    mse = Reconstruction.mse(data.heldOut(), rec);
                    psnr = Reconstruction.psnr(mse, 2);
                }
                Report.Builder rep = Report.builder("Latent model " + ae.label() + " on " + data.description()).provenance(provenance)
                        .paragraph(String.format(Locale.ROOT, "Held-out reconstruction MSE %.4g, PSNR %.4g dB (range 2); final stage-1 loss %.4g. "
                                + "Stage 1 %s [ours], stage 2 %s. Model folder %s.", mse, psnr, r.stage1Loss(), ae.toMap(), latentNet.toMap(), dir));
                ImageShape sh = data.shape();
                if (sh != null && (sh.channels() == 1 || sh.channels() == 3)) {
                    if (rec != null) rep.image("reconstructions", "held-out images (odd rows) and their reconstructions (even rows)",
                            ImageGrid.pairsPng(data.heldOut(), rec, Math.min(n, 16), sh.height(), sh.width(), sh.channels(), 8, -1, 1), 3);
                    StepPlan plan = Designs.parse("li-yan").plan(Schedules.parse("li-yan", GRID_STEPS));
                    double[] s = m.sample(new org.diffold.core.sampler.AffineSampler(plan, true), common.seed(), GRID_IMAGES, common.threads(), null);
                    rep.image("samples", GRID_IMAGES + " samples (li-yan design, T=" + GRID_STEPS + ", decoded)",
                            ImageGrid.pngBytes(ImageGrid.rows(s, GRID_IMAGES, sh.dim()), sh.height(), sh.width(), sh.channels(), 8, -1, 1), 3);
                }
                Path reportDir = rep.build().writeTo(common.runsDir().resolve(runId));
                store.finishRun(runId, reportDir);
                if (common.json()) {
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("latent", ae.label());
                    j.put("latent_dim", ae.latentDim());
                    j.put("stage1_loss", finite(r.stage1Loss()));
                    j.put("stage2_train_loss", r.stage2() == null ? null : finite(r.stage2().trainLoss()));
                    j.put("recon_mse", finite(mse));
                    j.put("psnr", finite(psnr));
                    j.put("model", dir.toString());
                    j.put("report", reportDir.toString());
                    out.println(Json.write(j));
                } else {
                    out.printf(Locale.ROOT, "trained %s (k=%d): held-out reconstruction MSE %.4g, PSNR %.4g dB%n", ae.label(), ae.latentDim(), mse, psnr);
                    out.println("model  " + dir);
                    out.println("report " + reportDir.resolve("index.html"));
                }
            }
        }
        return 0;
    }

    private static Object finite(double v) { return Double.isFinite(v) ? v : null; }
}

package org.diffold.nn.latent;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.diffold.nn.checkpoint.Checkpoint;
import org.diffold.nn.checkpoint.CheckpointFormat;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.train.TrainConfig;
import org.diffold.nn.train.TrainListener;
import org.diffold.nn.train.TrainedModel;
import org.diffold.nn.train.Trainer;
import org.diffold.nn.train.TrainingData;
import org.diffold.nn.train.TrainingHistory;

/**
 * Trains both stages of a latent model into one model folder (docs/math.md §7), resumably: stage 1
 * ({@link Stage1Trainer}, file {@value LatentModel#STAGE1_FILE}) continues from its checkpoint when one is there and
 * is skipped when finished; then the standardised training latents train the stage-2 score network with Diffold's
 * DSM {@link Trainer} (file {@value TrainedModel#FILE}), which likewise continues from its checkpoint.
 *
 * @param ae stage-1 networks and objective
 * @param stage1 stage-1 optimiser settings
 * @param latentNet stage-2 network (its dim must be the latent width)
 * @param stage2 stage-2 training settings
 */
public record LatentTraining(AutoencoderSpec ae, Stage1Config stage1, NetworkSpec latentNet, TrainConfig stage2) {
    /** Checks that the stage-2 network fits the latent width. */
    public LatentTraining {
        if (latentNet.dim() != ae.latentDim()) {
            throw new IllegalArgumentException("stage-2 network dimension " + latentNet.dim() + " differs from the latent width " + ae.latentDim());
        }
    }

    /** Listener of both stages (stage 1 = 1, stage 2 = 2). */
    public interface Listener {
        /** One optimiser step of a stage done. */
        void onStep(int stage, int step, double loss);
    }

    /** Result of a run: the final stage-1 loss and the stage-2 evaluation at the end. */
    public record Result(double stage1Loss, TrainingHistory.EvalRecord stage2) {}

    /** Trains (or finishes) both stages into {@code dir}. */
    public Result run(LatentData data, Path dir, Device device, Map<String, String> provenance, Listener listener) throws IOException {
        Files.createDirectories(dir);
        Listener l = listener == null ? (s, i, v) -> { } : listener;
        Path f1 = dir.resolve(LatentModel.STAGE1_FILE), f2 = dir.resolve(TrainedModel.FILE);
        double[] z;
        double loss1;
        Checkpoint saved = Files.exists(f1) ? CheckpointFormat.read(f1) : null;
        try (Stage1Trainer t = saved != null ? Stage1Trainer.resume(saved, stage1, data, device, provenance)
                : Stage1Trainer.create(ae, stage1, data, device, provenance)) {
            boolean done = saved != null && saved.step() == stage1.steps() && saved.doubles().containsKey(LatentModel.MEAN);
            if (!done) {
                t.train(new TrainListener() {
                    @Override public void onStep(int step, double loss, double lr) { l.onStep(1, step, loss); }
                }, f1);
            }
            double[] losses = t.losses();
            loss1 = losses.length == 0 ? Double.NaN : mean(losses, Math.max(0, losses.length - 50), losses.length);
            z = LatentModel.finishStage1(t, data, f1);
        }
        TrainingData latents = new TrainingData(z, ae.latentDim(), stage2.validationFraction(), stage2.seed(),
                ae.label() + " latents of " + data.description());
        Map<String, String> prov = new LinkedHashMap<>(provenance);
        prov.put(LatentModel.LATENT_KEY, ae.label());
        if (data.shape() != null) prov.put("data.shape", data.shape().toString());
        try (Trainer t = Files.exists(f2) ? Trainer.resume(CheckpointFormat.read(f2), stage2, latents, device, null, prov)
                : Trainer.create(latentNet, stage2, latents, device, null, prov)) {
            t.train(new TrainListener() {
                @Override public void onStep(int step, double loss, double lr) { l.onStep(2, step, loss); }
            }, f2);
            var evals = t.history().evaluations();
            return new Result(loss1, evals.isEmpty() ? null : evals.get(evals.size() - 1));
        }
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += v[i];
        return s / (to - from);
    }
}

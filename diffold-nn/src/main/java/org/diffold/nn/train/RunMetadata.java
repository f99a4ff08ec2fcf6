package org.diffold.nn.train;

import ai.djl.engine.Engine;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.diffold.core.target.Target;
import org.diffold.nn.checkpoint.Checkpoint;
import org.diffold.nn.checkpoint.CheckpointException;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.runtime.NnRuntime;

/**
 * The metadata a checkpoint carries (network spec, training config, data identity, provenance) and the checks a
 * resumed run must pass against it.
 */
public final class RunMetadata {
    /** Training settings a resumed run may change: they do not affect the trajectory. */
    private static final Set<String> MAY_CHANGE = Set.of("train.steps", "train.evalEvery", "train.checkpointEvery",
            "train.evalLevels", "train.evalSamples");

    private RunMetadata() {}

    /** Metadata for a checkpoint of this run. */
    static Map<String, String> meta(NetworkSpec spec, TrainConfig cfg, TrainingData data, Target exact, Map<String, String> extra) {
        Map<String, String> m = new TreeMap<>();
        m.put("format", "diffold-nn checkpoint");
        m.putAll(spec.toMap());
        m.putAll(cfg.toMap());
        m.put("data.description", data.description());
        m.put("data.dim", Integer.toString(data.dim()));
        m.put("data.trainRows", Integer.toString(data.trainRows()));
        m.put("data.validationRows", Integer.toString(data.validationRows()));
        m.put("data.fingerprint", Long.toHexString(data.fingerprint()));
        if (exact != null) m.put("data.target", exact.name());
        Engine e = NnRuntime.engine();
        m.put("prov.djl", Engine.getDjlVersion());
        m.put("prov.engine", e.getEngineName() + " " + e.getVersion());
        m.put("prov.threads", Integer.toString(NnRuntime.threads()));
        m.put("prov.java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        m.put("prov.os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("prov.written", Instant.now().toString());
        for (Map.Entry<String, String> x : extra.entrySet()) m.put("prov." + x.getKey(), x.getValue());
        return m;
    }

    /** The network spec stored in {@code c}; an {@code edm} spec must carry its sigma_data, {@code edm-pca} its whitening. */
    public static NetworkSpec spec(Checkpoint c) {
        try {
            NetworkSpec s = NetworkSpec.fromMap(c.meta()).withWhiteningTensors(c.doubles());
            if (!s.resolved()) {
                throw new CheckpointException("checkpoint has an unusable network spec: parameterisation "
                        + s.parameterisation().cliName() + " needs " + (s.parameterisation().needsWhitening()
                        ? "the whitening tensors" : "'net.sigmaData'") + ", which are missing");
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("checkpoint has an unusable network spec: " + e.getMessage(), e);
        }
    }

    /** The training config stored in {@code c}. */
    public static TrainConfig config(Checkpoint c) {
        try {
            return TrainConfig.fromMap(c.meta());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("checkpoint has an unusable training config: " + e.getMessage(), e);
        }
    }

    /** Throws a one-line {@link CheckpointException} when {@code cfg} or {@code data} differ from the checkpoint's run. */
    static void checkCompatible(Checkpoint c, TrainConfig cfg, TrainingData data) {
        for (Map.Entry<String, String> e : cfg.toMap().entrySet()) {
            if (MAY_CHANGE.contains(e.getKey())) continue;
            String saved = c.meta().get(e.getKey());
            if (saved == null) throw new CheckpointException("checkpoint metadata is missing '" + e.getKey() + "'");
            if (!saved.equals(e.getValue())) {
                throw new CheckpointException("checkpoint mismatch: it was trained with " + e.getKey() + "=" + saved
                        + ", this run has " + e.getValue());
            }
        }
        String dim = c.require("data.dim");
        if (!dim.equals(Integer.toString(data.dim()))) {
            throw new CheckpointException("checkpoint mismatch: it was trained on data of dim " + dim + ", this data has dim " + data.dim());
        }
        String fp = c.require("data.fingerprint");
        if (!fp.equals(Long.toHexString(data.fingerprint()))) {
            throw new CheckpointException("checkpoint mismatch: it was trained on other data (" + c.meta().get("data.description")
                    + ", fingerprint " + fp + "), this data is " + data.description() + " (fingerprint "
                    + Long.toHexString(data.fingerprint()) + ")");
        }
    }
}

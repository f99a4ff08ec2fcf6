package org.diffold.nn.train;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.diffold.nn.checkpoint.Checkpoint;
import org.diffold.nn.checkpoint.CheckpointFormat;
import org.diffold.nn.net.NetworkSpec;
import org.diffold.nn.net.DenoiserNetwork;
import org.diffold.nn.runtime.NnRuntime;
import org.diffold.nn.score.NetworkScore;

/**
 * A trained network loaded for sampling and evaluation: the EMA weights when the run kept them, else the raw
 * weights, plus the checkpoint's metadata. A model folder holds {@value #FILE}.
 *
 * @param network the evaluation weights (owned: close the model)
 * @param checkpoint the checkpoint it came from
 */
public record TrainedModel(DenoiserNetwork network, Checkpoint checkpoint) implements AutoCloseable {
    /** Checkpoint file name inside a model folder. */
    public static final String FILE = "checkpoint.dfnn";

    /** The checkpoint file of a model folder, or the path itself when it names a file. */
    public static Path checkpointFile(Path modelOrFile) {
        return Files.isDirectory(modelOrFile) ? modelOrFile.resolve(FILE) : modelOrFile;
    }

    /** Loads {@code modelOrFile} onto {@code device}. */
    public static TrainedModel load(Path modelOrFile, Device device) throws IOException {
        Checkpoint c = CheckpointFormat.read(checkpointFile(modelOrFile));
        NnRuntime.engine();
        NetworkSpec spec = RunMetadata.spec(c);
        String prefix = c.floats().containsKey("ema/" + spec.parameterNames().get(0)) ? "ema/" : "weights/";
        List<float[]> w = new ArrayList<>();
        for (String n : spec.parameterNames()) w.add(c.floats(prefix + n));
        return new TrainedModel(DenoiserNetwork.fromWeights(spec, device, w), c);
    }

    /** The model as a core score. */
    public NetworkScore score() { return new NetworkScore(network); }

    /** The network spec. */
    public NetworkSpec spec() { return network.spec(); }

    @Override
    public void close() { network.close(); }
}

package org.diffold.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diffold.core.data.NpyWriter;
import org.diffold.lab.store.Json;
import org.diffold.nn.latent.LatentData;
import org.diffold.nn.latent.LatentModel;
import org.diffold.nn.latent.RealData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code diffold encode}: the standardised latents of a latent model (stage 1) for a data set, as .npy. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Encode data with a latent model's encoder (standardised latents, .npy).",
        footerHeading = "%nExamples:%n",
        footer = {"  diffold encode --model sild/ --data fashion-mnist --n 1000 --out z.npy",
                  "  diffold encode --model mine/ --data images.npy --out z.npy   (scaled to [-1, 1] as in training)"})
final class EncodeCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin NnOptions nn;
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "latent model folder") Path model;
    @Option(names = "--data", required = true, paramLabel = "SPEC", description = "fashion-mnist[:classes=..] (its training images) or a data file (all rows)")
    String data;
    @Option(names = "--n", paramLabel = "N", description = "at most N rows (default: all)") int n = Integer.MAX_VALUE;
    @Option(names = "--no-scale", description = "keep a data file's values (default: scale to [-1, 1] by the global min-max, as train does)") boolean noScale;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output .npy (n x k)") Path out;

    @Override
    public Integer call() throws Exception {
        if (n < 1) throw new UsageException("--n must be >= 1, got " + n);
        if (!out.getFileName().toString().endsWith(".npy")) throw new UsageException("--out must end in .npy, got " + out);
        OutputPaths.checkWritable(out);
        try (LatentModel m = LatentModel.loadStage1(model, nn.device())) {
            double[] rows = rows(m.dim());
            int rowsN = rows.length / m.dim();
            double[] z = m.encode(rows, rowsN);
            int k = z.length / rowsN;
            NpyWriter.write(out, z, rowsN, k);
            PrintWriter w = spec.commandLine().getOut();
            if (common.json()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("out", out.toString());
                j.put("n", rowsN);
                j.put("latent_dim", k);
                w.println(Json.write(j));
            } else {
                w.printf("wrote %d latents of width %d to %s%n", rowsN, k, out);
            }
        }
        return 0;
    }

    /** The rows to encode: Fashion-MNIST's training images, or every row of a file (in file order), at most --n. */
    private double[] rows(int dim) throws java.io.IOException {
        boolean fashion = RealData.isFashionMnist(data);
        LatentData d = RealData.load(data, fashion ? n : Integer.MAX_VALUE, fashion ? 0 : Integer.MAX_VALUE, null, !noScale).data();
        if (d.dim() != dim) throw new UsageException("--data " + data + " has " + d.dim() + " values per row, the model expects " + dim);
        int keep = (int) Math.min((long) n * dim, (long) d.train().length + d.heldOut().length);
        double[] out = java.util.Arrays.copyOf(d.train(), keep);
        if (keep > d.train().length) System.arraycopy(d.heldOut(), 0, out, d.train().length, keep - d.train().length);
        return out;
    }
}

package org.diffold.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diffold.core.data.DataFiles;
import org.diffold.core.data.DataMatrix;
import org.diffold.core.data.NpyWriter;
import org.diffold.lab.report.ImageGrid;
import org.diffold.lab.store.Json;
import org.diffold.nn.latent.LatentModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code diffold decode}: data rows (or an image grid) from standardised latents with a latent model's decoder. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode standardised latents (.npy, n x k) with a latent model's decoder into .npy or a .png grid.",
        footerHeading = "%nExamples:%n",
        footer = {"  diffold decode --model sild/ --latents z.npy --out x.npy",
                  "  diffold decode --model sild/ --latents z.npy --out grid.png"})
final class DecodeCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin NnOptions nn;
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "latent model folder") Path model;
    @Option(names = "--latents", required = true, paramLabel = "FILE", description = "latents, n x k (.npy, .csv)") Path latents;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output .npy, or .png (image models)") Path out;
    @Option(names = "--columns", paramLabel = "N", description = "images per row of a .png grid (default: ${DEFAULT-VALUE})") int columns = 8;

    @Override
    public Integer call() throws Exception {
        String name = out.getFileName().toString();
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".npy")) throw new UsageException("--out must end in .npy or .png, got " + out);
        if (columns < 1) throw new UsageException("--columns must be >= 1, got " + columns);
        OutputPaths.checkWritable(out);
        DataMatrix z = DataFiles.read(latents);
        try (LatentModel m = LatentModel.loadStage1(model, nn.device())) {
            int k = m.autoencoder().spec().latentDim();
            if (z.cols() != k) throw new UsageException("--latents " + latents + " has " + z.cols() + " columns, the model's latent width is " + k);
            for (int i = 0; i < z.values().length; i++) {
                if (!Double.isFinite(z.values()[i])) throw new UsageException("--latents " + latents + ": row " + i / k + ", column " + i % k + " is " + z.values()[i]);
            }
            if (png && (m.shape() == null || (m.shape().channels() != 1 && m.shape().channels() != 3))) {
                throw new UsageException("--out " + out + ": model " + model + " was not trained on 1- or 3-channel images; write .npy");
            }
            double[] x = m.decode(z.values(), z.rows());
            int d = m.dim();
            if (png) {
                double[][] rows = ImageGrid.rows(x, z.rows(), d);
                ImageGrid.writePng(out, rows, m.shape().height(), m.shape().width(), m.shape().channels(), columns, -1, 1);
            } else {
                NpyWriter.write(out, x, z.rows(), d);
            }
            PrintWriter w = spec.commandLine().getOut();
            if (common.json()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("out", out.toString());
                j.put("n", z.rows());
                j.put("dim", d);
                w.println(Json.write(j));
            } else {
                w.printf("decoded %d latents to %s%n", z.rows(), out);
            }
        }
        return 0;
    }
}

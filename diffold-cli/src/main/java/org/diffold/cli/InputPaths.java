package org.diffold.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.diffold.core.data.Printable;

/**
 * Checks input files before any work starts: they exist, are files (not folders) and are readable. Every message
 * names the option, the value and what is expected.
 */
public final class InputPaths {

    private InputPaths() {
    }

    /**
     * Checks an input file given by {@code option}.
     *
     * @param option the option that named it, e.g. {@code --data}
     * @param file the file
     * @return {@code file}
     * @throws UsageException naming the option if it is missing, a folder or unreadable
     */
    public static Path file(String option, Path file) {
        String shown = Printable.of(file.toString());
        if (Files.isDirectory(file)) throw new UsageException(option + " " + shown + " is a folder; give a file");
        if (!Files.exists(file)) throw new UsageException(option + " " + shown + ": file not found");
        if (!Files.isReadable(file)) throw new UsageException(option + " " + shown + " is not readable (permission denied)");
        return file;
    }

    /** True if the folder holds any {@code .dfnn} file (e.g. a latent model's stages); the loader checks which. */
    private static boolean holdsCheckpoints(Path dir) {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".dfnn"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Checks a model given by {@code option}: a checkpoint file, or a folder holding {@code fileInFolder}.
     *
     * @param option the option, e.g. {@code --model}
     * @param modelOrFile the folder or file
     * @param fileInFolder the checkpoint's name inside a model folder
     * @return {@code modelOrFile}
     * @throws UsageException naming the option if there is no readable checkpoint there
     */
    public static Path model(String option, Path modelOrFile, String fileInFolder) {
        String shown = Printable.of(modelOrFile.toString());
        if (!Files.exists(modelOrFile)) throw new UsageException(option + " " + shown + ": no such model folder or checkpoint file");
        if (Files.isDirectory(modelOrFile)) {
            Path f = modelOrFile.resolve(fileInFolder);
            if (Files.isDirectory(f)) throw new UsageException(option + " " + shown + ": " + fileInFolder + " in it is a folder, not a checkpoint");
            if (!Files.exists(f) && !holdsCheckpoints(modelOrFile)) {
                throw new UsageException(option + " " + shown + " is a folder without " + fileInFolder
                        + "; give a model folder written by 'diffold train' or a checkpoint file");
            }
            if (Files.exists(f)) file(option, f);
            return modelOrFile;
        }
        file(option, modelOrFile);
        return modelOrFile;
    }
}

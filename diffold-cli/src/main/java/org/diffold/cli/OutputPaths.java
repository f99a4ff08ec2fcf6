package org.diffold.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.diffold.core.data.Printable;
import org.diffold.core.data.StaleTemps;

/**
 * Checks output locations before any work starts, so that an hour-long run does not fail at its last step. The
 * option-naming checks ({@link #file}, {@link #folder}) create nothing: they find the nearest existing ancestor and
 * test it by creating and deleting a probe file (permission bits lie for root and on some mounts); the writers
 * create missing folders when they write. Every message names the option, the value and what is allowed.
 */
public final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * Checks an output file given by {@code option}: not an existing folder, an existing file writable, its nearest
     * existing ancestor a writable folder, and (when {@code extensions} are given) a name ending in one of them.
     *
     * @param option the option that named it, e.g. {@code --out}
     * @param file the output file
     * @param extensions allowed endings such as {@code .npy} (case-insensitive); none: any name
     * @return {@code file}
     * @throws UsageException naming the option if it cannot be written
     */
    public static Path file(String option, Path file, String... extensions) {
        String shown = Printable.of(file.toString());
        if (extensions.length > 0) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean ok = false;
            for (String ext : extensions) ok |= name.endsWith(ext);
            if (!ok) {
                String allowed = extensions.length == 1 ? extensions[0]
                        : String.join(", ", java.util.Arrays.copyOf(extensions, extensions.length - 1)) + " or " + extensions[extensions.length - 1];
                throw new UsageException(option + " must end in " + allowed + ", got " + shown);
            }
        }
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new UsageException(option + " " + shown + " is an existing folder; give a file name (e.g. "
                    + Printable.of(file.resolve("out" + (extensions.length > 0 ? extensions[0] : "")).toString()) + ")");
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            throw new UsageException(option + " " + shown + " exists and is not writable");
        }
        if (abs.getParent() != null) probeAncestor(option, file, abs.getParent());
        return file;
    }

    /**
     * Checks an output folder given by {@code option}: an existing folder or a path that can be created, with the
     * nearest existing ancestor writable. Nothing is created.
     *
     * @param option the option that named it, e.g. {@code --runs-dir}
     * @param dir the folder
     * @return {@code dir}
     * @throws UsageException naming the option if it cannot be created or written
     */
    public static Path folder(String option, Path dir) {
        probeAncestor(option, dir, dir.toAbsolutePath().normalize());
        return dir;
    }

    private static void probeAncestor(String option, Path given, Path dir) {
        Path p = dir;
        while (p != null && !Files.exists(p)) p = p.getParent();
        String shown = Printable.of(given.toString());
        if (p == null) throw new UsageException(option + " " + shown + ": no existing folder above it");
        if (!Files.isDirectory(p)) {
            throw new UsageException(option + " " + shown + " cannot be created: " + Printable.of(p.toString()) + " is a file, not a folder");
        }
        try {
            Path probe = Files.createTempFile(p, StaleTemps.prefix("diffold-write-check", "tmp"), "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UsageException(option + " " + shown + " is not writable: cannot create files in "
                    + Printable.of(p.toString()) + " (" + reason(e) + ")");
        }
    }

    /** A short reason for a file-system failure, without the exception's class name. */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return Printable.of(f.getReason());
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or folder";
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : Printable.of(m);
    }

    /**
     * Checks an output file or folder. An existing folder is checked as a folder; anything else is taken as a file
     * whose folder must exist or be creatable, and be writable; an existing file must be writable too. Prefer
     * {@link #file} and {@link #folder}, which name the option and create nothing.
     *
     * @param fileOrDir the output file or folder
     * @return {@code fileOrDir}
     * @throws UsageException if it cannot be written
     */
    public static Path checkWritable(Path fileOrDir) {
        Path abs = fileOrDir.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            checkWritableDirectory(abs);
            return fileOrDir;
        }
        Path parent = abs.getParent();
        if (parent != null) {
            checkWritableDirectory(parent);
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            throw new UsageException("output file " + fileOrDir + " exists and is not writable");
        }
        return fileOrDir;
    }

    /**
     * Checks that a folder exists or can be created (it is created), and that files can be created in it.
     *
     * @param dir the output folder
     * @return {@code dir}
     * @throws UsageException if it cannot be created or written
     */
    public static Path checkWritableDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException("output folder " + dir + " cannot be created: "
                    + e.getFile() + " exists and is not a folder");
        } catch (IOException | SecurityException e) {
            throw new UsageException("output folder " + dir + " cannot be created: " + reason(e));
        }
        try {
            Path probe = Files.createTempFile(dir, StaleTemps.prefix("diffold-write-check", "tmp"), "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UsageException("output folder " + dir + " is not writable: " + reason(e));
        }
        return dir;
    }
}

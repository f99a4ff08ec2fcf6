package org.diffold.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks output locations before any work starts, so that an hour-long run does not fail at its last step.
 * Writability is tested by creating and deleting a probe file (permission bits lie for root and on some mounts).
 */
public final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * Checks an output file or folder. An existing folder is checked as a folder; anything else is taken as a file
     * whose folder must exist or be creatable, and be writable; an existing file must be writable too.
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
            throw new UsageException("output folder " + dir + " cannot be created: " + e);
        }
        try {
            Path probe = Files.createTempFile(dir, ".diffold-write-check-", "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UsageException("output folder " + dir + " is not writable: " + e);
        }
        return dir;
    }
}

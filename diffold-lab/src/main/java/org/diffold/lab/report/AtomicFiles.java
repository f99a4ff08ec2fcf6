package org.diffold.lab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import org.diffold.core.data.AtomicWrite;
import org.diffold.core.data.StaleTemps;

/**
 * Atomic writes of files and whole folders. A file is written to a temporary sibling and renamed over the target
 * ({@link AtomicWrite}); a folder is built as {@code .<name>.tmp-*} beside the target and renamed to it when
 * complete, so a crash never leaves a half-written report under the final name; the staging folders of a killed
 * process are removed by the next commit into the same parent ({@link StaleTemps}).
 */
public final class AtomicFiles {

    /** Fills a freshly created, empty folder. */
    @FunctionalInterface
    public interface FolderBuilder {
        /**
         * Writes the folder's content.
         *
         * @param dir the temporary folder to fill; plain (non-atomic) writes are fine inside it
         * @throws IOException on failure, which deletes the temporary folder
         */
        void build(Path dir) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Atomically replaces a file with bytes.
     *
     * @param target file to create or replace; missing parents are created
     * @param bytes content; not modified
     * @return {@code target}
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static Path write(Path target, byte[] bytes) throws IOException {
        return AtomicWrite.write(target, bytes);
    }

    /**
     * Atomically replaces a file with UTF-8 text.
     *
     * @param target file to create or replace; missing parents are created
     * @param text content
     * @return {@code target}
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static Path writeString(Path target, String text) throws IOException {
        return AtomicWrite.write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Builds a folder beside {@code target} and renames it to {@code target}. An existing target is first moved
     * aside and deleted after the rename, so the name always holds a complete folder except for one rename.
     *
     * @param target final folder, for example {@code runs/<run-id>}; missing parents are created
     * @param builder fills the temporary folder
     * @return {@code target}
     * @throws IOException if building or renaming fails; the temporary folder is then deleted
     */
    public static Path commitFolder(Path target, FolderBuilder builder) throws IOException {
        Objects.requireNonNull(builder, "builder");
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        String name = abs.getFileName().toString();
        StaleTemps.clean(parent);
        Path tmp = Files.createTempDirectory(parent, StaleTemps.prefix(name, "tmp"));
        try {
            makeReadable(tmp);
            builder.build(tmp);
            Path old = null;
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                old = Files.createTempDirectory(parent, StaleTemps.prefix(name, "old"));
                Files.delete(old);
                move(abs, old);
            }
            move(tmp, abs);
            if (old != null) {
                deleteTree(old);
            }
            return target;
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /**
     * Deletes a file or folder tree if it exists.
     *
     * @param path file or folder
     * @throws IOException if a file cannot be deleted
     */
    public static void deleteTree(Path path) throws IOException {
        StaleTemps.deleteTree(path);
    }

    /** Temporary folders are created owner-only; a report folder should be readable like any other. */
    private static void makeReadable(Path dir) throws IOException {
        if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to + " atomically", e);
        }
    }
}

package org.diffold.core.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * Atomic file replacement: the content is written to a temporary file in the target's own folder, forced to
 * disk, then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}. Readers see either the old
 * file or the complete new one, never a prefix; a crash leaves at most a stray {@code .<name>.tmp-<pid>-*} file,
 * which the next write into the same folder removes once that process is gone ({@link StaleTemps}).
 */
public final class AtomicWrite {

    /** Writes the body of a file to the given stream; the stream is closed by the caller. */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the content.
         *
         * @param out buffered stream into the temporary file; do not close it
         * @throws IOException on write failure, which abandons the temporary file
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicWrite() {
    }

    /**
     * Atomically replaces {@code target} with the bytes produced by {@code body}. Missing parent folders are
     * created.
     *
     * @param target the file to create or replace
     * @param body writes the complete content
     * @return {@code target}
     * @throws IOException if writing or the rename fails; the target is then unchanged
     */
    public static Path write(Path target, Body body) throws IOException {
        Objects.requireNonNull(body, "body");
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        StaleTemps.clean(dir);
        Path tmp = Files.createTempFile(dir, StaleTemps.prefix(abs.getFileName().toString(), "tmp"), "");
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                body.writeTo(out);
                out.flush();
                ch.force(true);
            }
            copyPermissions(abs, tmp);
            move(tmp, abs);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
        return target;
    }

    /**
     * Atomically replaces {@code target} with {@code bytes}.
     *
     * @param target the file to create or replace
     * @param bytes the complete content, not modified
     * @return {@code target}
     * @throws IOException if writing or the rename fails
     */
    public static Path write(Path target, byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        return write(target, out -> out.write(bytes));
    }

    /** Temp files are created owner-only; give the result the target's or the usual rw-r--r-- permissions. */
    private static void copyPermissions(Path target, Path tmp) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("file system of " + target.getParent() + " cannot rename atomically; "
                    + "write results to a local folder", e);
        }
    }
}

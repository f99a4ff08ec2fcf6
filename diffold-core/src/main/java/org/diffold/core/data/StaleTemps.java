package org.diffold.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of temporary files and staging folders that record their owner, and the removal of those whose owner is
 * gone. A temporary sibling of {@code NAME} is {@code .NAME.tmp-<pid>-<random>} (or {@code .old-} for a folder moved
 * aside): a process killed with {@code kill -9} leaves it behind, and the next write into the same folder deletes it
 * once no live process has that pid. Entries of a live process are never touched; entries in the older format
 * without a pid ({@code .NAME.tmp-<random>}) only when older than {@link #LEGACY_AGE}. (A pid is only meaningful on
 * one machine: do not share an output folder between machines while both write to it.)
 */
public final class StaleTemps {
    /** Age after which a temporary entry without an owner pid counts as stale. */
    public static final Duration LEGACY_AGE = Duration.ofHours(24);
    private static final Pattern OWNED = Pattern.compile("^\\..+\\.(?:tmp|old)-(\\d{1,10})-\\d+$");
    private static final Pattern LEGACY = Pattern.compile("^\\..+\\.(?:tmp|old)-\\d+$");
    private static final long PID = ProcessHandle.current().pid();

    private StaleTemps() {}

    /**
     * The prefix for a temporary sibling of {@code name}, for {@code Files.createTempFile/Directory}.
     *
     * @param name the final file or folder name
     * @param kind {@code "tmp"} or {@code "old"}
     * @return {@code .name.kind-<pid>-}
     */
    public static String prefix(String name, String kind) {
        return "." + name + "." + kind + "-" + PID + "-";
    }

    /**
     * Deletes the temporary entries in {@code dir} whose owner process is gone. Failures to delete are ignored
     * (another process may be cleaning up at the same time).
     *
     * @param dir a folder (missing: nothing to do)
     * @return how many entries were removed
     */
    public static int clean(Path dir) {
        if (!Files.isDirectory(dir)) return 0;
        int removed = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.{tmp,old}-*")) {
            for (Path p : ds) {
                if (isStale(p)) removed += delete(p) ? 1 : 0;
            }
        } catch (IOException | UncheckedIOException e) {
            return removed; // cleaning is best effort
        }
        return removed;
    }

    /** True if {@code p} is a temporary entry whose owner is no longer running (or, without pid, is old). */
    static boolean isStale(Path p) {
        String name = p.getFileName().toString();
        Matcher m = OWNED.matcher(name);
        if (m.matches()) {
            long pid = Long.parseLong(m.group(1));
            return pid != PID && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        }
        if (!LEGACY.matcher(name).matches()) return false;
        try {
            Instant modified = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
            return modified.isBefore(Instant.now().minus(LEGACY_AGE));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean delete(Path p) {
        try {
            deleteTree(p);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Deletes a file or folder tree if it exists (links are deleted, not followed).
     *
     * @param path file or folder
     * @throws IOException if an entry cannot be deleted
     */
    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) throw exc;
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

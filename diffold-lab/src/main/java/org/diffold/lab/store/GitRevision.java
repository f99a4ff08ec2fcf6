package org.diffold.lab.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads the git revision of a working directory: {@code git rev-parse HEAD}, with {@code -dirty} appended when
 * {@code git status --porcelain} reports any change, or {@value #UNKNOWN} when git or the repository is missing.
 */
public final class GitRevision {

    /** Returned when the revision cannot be determined. */
    public static final String UNKNOWN = "unknown";
    private static final long TIMEOUT_SECONDS = 10;

    private GitRevision() {
    }

    /**
     * Describes the revision checked out in {@code dir}.
     *
     * @param dir a folder inside a git working tree
     * @return a 40-hex commit id, possibly followed by {@code -dirty}, or {@value #UNKNOWN}
     */
    public static String of(Path dir) {
        String head = git(dir, "rev-parse", "HEAD");
        if (head == null || !head.matches("[0-9a-f]{40,64}")) {
            return UNKNOWN;
        }
        String status = git(dir, "status", "--porcelain");
        return status == null || status.isEmpty() ? head : head + "-dirty";
    }

    /** Runs git and returns its trimmed stdout, or null on any failure. */
    private static String git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}

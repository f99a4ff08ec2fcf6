package org.diffold.lab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python baseline (numpy, scikit-learn) in the same benchmark run: Debian's {@code /usr/bin/python3} when
 * present (the machine's default {@code python3} may lack the packages), with {@code OPENBLAS_CORETYPE} and
 * {@code OPENBLAS_L2_SIZE} removed for that process alone and the BLAS threads pinned to the benchmark's count.
 */
public final class PythonBaseline {
    /**
     * What a baseline printed last (a number, optionally followed by a second one, its CPU time; else NaN), or why
     * it did not run.
     */
    public record Outcome(double value, double cpu, String note) {
        /** An outcome without a CPU time. */
        public Outcome(double value, String note) { this(value, Double.NaN, note); }

        /** True when the baseline ran. */
        public boolean ran() { return note.isEmpty(); }
    }

    private PythonBaseline() {}

    /** The interpreter to use. */
    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /** A script under the project's {@code bench/} folder (from {@code -Ddiffold.home}, else the working directory). */
    public static Path benchScript(String name) {
        String home = System.getProperty("diffold.home");
        Path base = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        for (Path p = base; p != null; p = p.getParent()) {
            Path s = p.resolve("bench").resolve(name);
            if (Files.isRegularFile(s)) return s;
        }
        return base.resolve("bench").resolve(name);
    }

    /** Runs {@code python3 args...} with {@code threads} BLAS threads; parses the last line of output
     * as a number, or two (the second a CPU time). */
    public static Outcome run(List<String> args, int threads, long timeoutSeconds) {
        List<String> cmd = new ArrayList<>();
        cmd.add(python());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("OPENBLAS_CORETYPE");
        pb.environment().remove("OPENBLAS_L2_SIZE");
        String t = Integer.toString(threads);
        pb.environment().put("OPENBLAS_NUM_THREADS", t);
        pb.environment().put("OMP_NUM_THREADS", t);
        pb.environment().put("MKL_NUM_THREADS", t);
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            byte[] bytes = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) { p.destroyForcibly(); return new Outcome(Double.NaN, "python3 timed out"); }
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            String last = text.lines().reduce((a, b) -> b).orElse("");
            if (p.exitValue() != 0) return new Outcome(Double.NaN, "python3 baseline failed: " + last);
            String[] parts = last.trim().split("\\s+");
            return new Outcome(Double.parseDouble(parts[0]), parts.length > 1 ? Double.parseDouble(parts[1]) : Double.NaN, "");
        } catch (IOException e) {
            return new Outcome(Double.NaN, "python3 not found (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Double.NaN, "interrupted");
        } catch (NumberFormatException e) {
            return new Outcome(Double.NaN, "unexpected python3 output");
        }
    }
}

package org.diffold.lab.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Where a result came from: code revision, versions, platform, seed, thread count, start time and command line.
 * Stamped on every stored cell, run and report, following Tribuo's provenance habit.
 *
 * @param gitRevision commit id of the working tree, with {@code -dirty} if it had changes, or {@code unknown}
 * @param diffoldVersion the project version, or {@code dev} when not built by Maven
 * @param javaVersion {@code java.version} of the running JVM
 * @param javaVendor {@code java.vendor} of the running JVM
 * @param osName {@code os.name}
 * @param osArch {@code os.arch}
 * @param seed the master random seed of the run
 * @param threads worker threads used, {@code >= 1}
 * @param startTime ISO-8601 UTC instant at which the run started, for example {@code 2024-05-01T12:00:00Z}
 * @param commandLine the program name and arguments, in order
 */
public record Provenance(String gitRevision, String diffoldVersion, String javaVersion, String javaVendor,
        String osName, String osArch, long seed, int threads, String startTime, List<String> commandLine) {

    /** Version reported when no build metadata is found. */
    public static final String DEV_VERSION = "dev";
    /** System property naming the Diffold checkout whose git revision is recorded. */
    public static final String HOME_PROPERTY = "diffold.home";
    private static final String VERSION_RESOURCE = "diffold-version.properties";

    /** Validates the fields and copies the command line. */
    public Provenance {
        Objects.requireNonNull(gitRevision, "gitRevision");
        Objects.requireNonNull(diffoldVersion, "diffoldVersion");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(javaVendor, "javaVendor");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(osArch, "osArch");
        Objects.requireNonNull(startTime, "startTime");
        commandLine = List.copyOf(Objects.requireNonNull(commandLine, "commandLine"));
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        try {
            Instant.parse(startTime);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("startTime '" + startTime + "' must be an ISO-8601 UTC instant");
        }
    }

    /**
     * Captures the provenance of a run starting now. The git revision is read from the folder named by the system
     * property {@value #HOME_PROPERTY} (set by the {@code diffold} launcher to the checkout it runs from), else from
     * the current working directory.
     *
     * @param seed master random seed
     * @param threads worker threads, {@code >= 1}
     * @param commandLine program name and arguments
     * @return the provenance
     */
    public static Provenance capture(long seed, int threads, List<String> commandLine) {
        return capture(Path.of(System.getProperty(HOME_PROPERTY, "")), Instant.now(), seed, threads, commandLine);
    }

    /**
     * Captures provenance for an explicit working directory and start time.
     *
     * @param workDir folder whose git revision is recorded
     * @param start start instant, recorded in UTC
     * @param seed master random seed
     * @param threads worker threads, {@code >= 1}
     * @param commandLine program name and arguments
     * @return the provenance
     */
    public static Provenance capture(Path workDir, Instant start, long seed, int threads, List<String> commandLine) {
        return new Provenance(GitRevision.of(workDir.toAbsolutePath()), version(),
                System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                seed, threads, start.toString(), commandLine);
    }

    /**
     * Returns the Diffold version: the jar manifest's {@code Implementation-Version}, else the Maven-filtered
     * resource, else {@value #DEV_VERSION}.
     *
     * @return the version string
     */
    public static String version() {
        String manifest = Provenance.class.getPackage().getImplementationVersion();
        if (manifest != null && !manifest.isBlank()) {
            return manifest;
        }
        try (InputStream in = Provenance.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.contains("${")) {
                    return v.trim();
                }
            }
        } catch (IOException e) {
            // fall through to the development version
        }
        return DEV_VERSION;
    }

    /**
     * Serializes this provenance as compact JSON (field names as in the record).
     *
     * @return the JSON object text
     */
    public String toJson() {
        return Json.write(this);
    }

    /**
     * Serializes this provenance as indented JSON ending with a newline, as written to {@code provenance.json}.
     *
     * @return the JSON object text
     */
    public String toPrettyJson() {
        return Json.writePretty(this);
    }

    /**
     * Parses the output of {@link #toJson()}.
     *
     * @param json a JSON object with the record's fields
     * @return the provenance
     * @throws IllegalArgumentException if the text does not describe a valid provenance
     */
    public static Provenance fromJson(String json) {
        return Json.read(json, Provenance.class);
    }
}

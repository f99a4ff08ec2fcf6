package org.diffold.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.diffold.core.data.Printable;
import java.util.ArrayList;
import java.util.List;
import org.diffold.lab.store.Provenance;
import org.diffold.lab.store.RunStore;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options every subcommand mixes in with {@code @Mixin CommonOptions common;}: seed, threads, JSON output,
 * verbosity and where results go. Defaults are declared here once.
 */
public final class CommonOptions {

    /** Default master seed. */
    public static final long DEFAULT_SEED = 20240501L;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--seed", paramLabel = "SEED", description = "master random seed (default: ${DEFAULT-VALUE})")
    private long seed = DEFAULT_SEED;

    @Option(names = "--threads", paramLabel = "N", converter = PositiveInt.class,
            description = "worker threads, an integer >= 1 (default: available processors, ${DEFAULT-VALUE})")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--json", description = "print machine-readable JSON to stdout; no progress bar")
    private boolean json;

    @Option(names = "--verbose", description = "print stack traces of errors")
    private boolean verbose;

    @Option(names = "--db", paramLabel = "FILE", description = "SQLite run store (default: ${DEFAULT-VALUE})")
    private Path db = Path.of(RunStore.DEFAULT_FILE);

    @Option(names = "--runs-dir", paramLabel = "DIR", description = "folder for run reports (default: ${DEFAULT-VALUE})")
    private Path runsDir = Path.of("runs");

    /** @return the master random seed */
    public long seed() {
        return seed;
    }

    /** @return worker threads, {@code >= 1} */
    public int threads() {
        return threads;
    }

    /** @return whether output should be JSON */
    public boolean json() {
        return json;
    }

    /** @return whether stack traces are wanted */
    public boolean verbose() {
        return verbose;
    }

    /** @return the run store file */
    public Path db() {
        return db;
    }

    /** @return the folder that holds one report folder per run */
    public Path runsDir() {
        return runsDir;
    }

    /**
     * Returns the command line as typed: {@code diffold} followed by the original arguments.
     *
     * @return program name and arguments
     */
    public List<String> commandLine() {
        List<String> line = new ArrayList<>();
        line.add("diffold");
        CommandLine root = mixee == null ? null : mixee.root().commandLine();
        if (root != null && root.getParseResult() != null) {
            line.addAll(root.getParseResult().originalArgs());
        }
        return line;
    }

    /**
     * Captures the provenance of this invocation (git revision, versions, seed, threads, command line).
     *
     * @return the provenance
     */
    public Provenance provenance() {
        return Provenance.capture(seed, threads, commandLine());
    }

    /**
     * Checks that the run store's folder is writable, then opens it; close it when done.
     *
     * @return the open store
     * @throws UsageException if the folder cannot be created or written
     */
    public RunStore openStore() {
        checkStore();
        try {
            return RunStore.open(db);
        } catch (RuntimeException e) {
            throw new UsageException("--db " + Printable.of(db.toString()) + " cannot be opened as a run store: "
                    + Printable.of(String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * Checks {@code --db} and {@code --runs-dir} before any work starts (creates nothing).
     *
     * @throws UsageException naming the option if either cannot be written
     */
    public void checkOutputs() {
        checkStore();
        OutputPaths.folder("--runs-dir", runsDir);
    }

    /** {@code --db}: a writable file location, and if the file exists and is not empty, an SQLite database. */
    private void checkStore() {
        OutputPaths.file("--db", db);
        if (!Files.isRegularFile(db)) return;
        byte[] head = new byte[SQLITE_MAGIC.length];
        int got;
        try (InputStream in = Files.newInputStream(db)) {
            got = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UsageException("--db " + Printable.of(db.toString()) + " cannot be read (" + OutputPaths.reason(e) + ")");
        }
        if (got > 0 && (got < head.length || !Arrays.equals(head, SQLITE_MAGIC))) {
            throw new UsageException("--db " + Printable.of(db.toString()) + " is not an SQLite database; give a new file name "
                    + "or a run store written by diffold");
        }
    }

    /** The first 16 bytes of every SQLite 3 database file. */
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /**
     * Starts a progress bar on stderr, shown only on a terminal and without {@code --json}.
     *
     * @param task label shown before the bar
     * @param total number of steps
     * @return the progress bar; close it when done
     */
    public Progress progress(String task, long total) {
        return Progress.start(task, total, !json);
    }

    /**
     * Hides common options that a command does not use from its {@code --help} (they are still accepted, so
     * scripts that pass them everywhere keep working).
     *
     * @param command the command line of one subcommand
     * @param names the option names to hide, for example {@code --runs-dir}
     */
    static void hide(CommandLine command, String... names) {
        CommandSpec spec = command.getCommandSpec();
        for (String name : names) {
            CommandLine.Model.OptionSpec o = spec.findOption(name);
            if (o != null && !o.hidden()) {
                spec.remove(o);
                spec.addOption(o.toBuilder().hidden(true).build());
            }
        }
    }

    /** Converts {@code --threads} and refuses values below 1, naming option, value and range. */
    static final class PositiveInt implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an integer; allowed: >= 1");
            }
            if (n < 1) {
                throw new CommandLine.TypeConversionException(n + " is out of range; allowed: integers >= 1");
            }
            return n;
        }
    }
}

package org.diffold.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code diffold} command: entry point, subcommand registry and error policy.
 *
 * <p><b>Adding a subcommand:</b> write a picocli {@code @Command} class that mixes in {@link CommonOptions}, then
 * add one line {@code FooCommand::new} to {@link #SUBCOMMANDS}. Nothing else needs to change.
 */
@Command(name = "diffold", mixinStandardHelpOptions = true, versionProvider = ProvenanceVersionProvider.class,
        subcommands = CommandLine.HelpCommand.class,
        description = "Diffusion models on low-dimensional manifolds: exact errors, samplers, experiments.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  diffold version --json              version, git revision and platform as JSON",
            "  diffold help <command>              options of one command",
            "  JAVA_OPTS=-Xmx8g diffold <command>  run with a larger heap",
            "",
            "Results go to the run store runs/diffold.db and reports to runs/<run-id>/ (see --db, --runs-dir).",
            "Exit codes: 0 success, 1 failure, 2 usage error."})
public final class Main implements Runnable {

    /**
     * The subcommand registry, in the order shown by {@code --help}. One factory per line; add yours here
     * (planned: error, sample, reproduce, id, train).
     */
    static final List<Supplier<Object>> SUBCOMMANDS = List.of(
            ErrorCommand::new,
            SampleCommand::new,
            TrainCommand::new,
            EncodeCommand::new,
            DecodeCommand::new,
            EvaluateCommand::new,
            ReproduceCommand::withSubcommands,
            AdviseCommand::new,
            BenchCommand::new,
            IdCommand::new,
            MemorizationCommand::new,
            RunsCommand::new,
            VersionCommand::new
    );

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: a usage error naming the valid commands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command; valid commands: "
                + String.join(", ", spec.subcommands().keySet()) + " (see diffold --help)");
    }

    /**
     * Builds the full command tree with the error policy of {@link CliErrors} installed; output goes to
     * {@code System.out} and {@code System.err} unless the caller sets other writers.
     *
     * @return a fresh command line, ready for {@link CommandLine#execute}
     */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (Supplier<Object> factory : SUBCOMMANDS) {
            cl.addSubcommand(factory.get());
        }
        CommonOptions.hide(cl.getSubcommands().get("version"), "--db", "--runs-dir");
        CommonOptions.hide(cl.getSubcommands().get("runs"), "--seed", "--threads", "--runs-dir");
        HelpText.unwrap(cl);
        CliErrors errors = new CliErrors();
        cl.setParameterExceptionHandler(errors);
        cl.setExecutionExceptionHandler(errors);
        cl.setAbbreviatedOptionsAllowed(false);
        cl.setUsageHelpWidth(100);
        return cl;
    }

    /**
     * Runs the command line with the given writers.
     *
     * @param args command-line arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0 success, 1 failure, 2 usage error
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = newCommandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("diffold: out of heap memory (" + CliErrors.oneLine(String.valueOf(e.getMessage()))
                    + "); run with a larger heap, e.g. JAVA_OPTS=-Xmx8g, or smaller sizes");
            if (CliErrors.isVerbose(args)) e.printStackTrace(err);
            return CliErrors.FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Process entry point; exits with the code of {@link #execute}.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        Charset cs = Charset.defaultCharset();
        int code = execute(args, new PrintWriter(System.out, true, cs), new PrintWriter(System.err, true, cs));
        System.exit(code);
    }
}

package org.diffold.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.diffold.core.data.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports every error as exactly one line on stderr: {@code diffold: error: <message>} with exit code
 * {@value #USAGE} for usage errors ({@link ParameterException}, {@link IllegalArgumentException}, {@link
 * UsageException}), {@code diffold: <message>} with exit code {@value #FAILURE} for anything else. The stack
 * trace follows only when {@code --verbose} is among the arguments.
 */
final class CliErrors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

    /** Exit code of a usage error. */
    static final int USAGE = 2;
    /** Exit code of a failure while running. */
    static final int FAILURE = 1;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        return report(ex.getCommandLine().getErr(), ex, parseMessage(ex), USAGE, isVerbose(args));
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        boolean verbose = isVerbose(parseResult.originalArgs().toArray(String[]::new));
        boolean usage = ex instanceof ParameterException || ex instanceof IllegalArgumentException
                || ex instanceof UsageException;
        String msg = ex instanceof ParameterException pe ? parseMessage(pe) : message(ex);
        return report(cmd.getErr(), ex, msg, usage ? USAGE : FAILURE, verbose);
    }

    private static int report(PrintWriter err, Exception ex, String msg, int code, boolean verbose) {
        err.println((code == USAGE ? "diffold: error: " : "diffold: ") + oneLine(msg));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** Rewrites picocli's unmatched-argument messages to name the valid choices on the same line. */
    static String parseMessage(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return message(ex);
        }
        CommandSpec spec = u.getCommandLine().getCommandSpec();
        String arg = u.getUnmatched().get(0);
        String where = spec.qualifiedName();
        List<String> suggestions = u.getSuggestions();
        String hint = suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?";
        if (u.isUnknownOption()) {
            return "unknown option '" + arg + "' for '" + where + "'; valid options: " + options(spec) + hint;
        }
        if (!spec.subcommands().isEmpty()) {
            return "unknown command '" + arg + "'; valid commands: " + String.join(", ", spec.subcommands().keySet())
                    + hint;
        }
        return "unexpected argument '" + arg + "' for '" + where + "'; see '" + where + " --help'";
    }

    private static String options(CommandSpec spec) {
        return spec.options().stream().filter(o -> !o.hidden()).map(OptionSpec::longestName).distinct()
                .collect(Collectors.joining(", "));
    }

    private static String message(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getName() : m;
    }

    /** One line, control characters escaped ({@link Printable}), so that no input can move the cursor or split it. */
    static String oneLine(String s) {
        return Printable.of(s.strip().replaceAll("\\s*[\\r\\n]+\\s*", " "), 2000);
    }

    /** True if {@code --verbose} appears before any {@code --} end-of-options marker. */
    static boolean isVerbose(String[] args) {
        List<String> list = Arrays.asList(args);
        int end = list.indexOf("--");
        return (end < 0 ? list : list.subList(0, end)).contains("--verbose");
    }
}

package org.diffold.nn.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line handling shared by the throughput benchmarks' mains: {@code --name value} options checked against the
 * benchmark's list, integers checked on reading, and a bad argument ends the run with one line on stderr naming it
 * (the value and what is allowed), exit code 2, no stack trace.
 */
final class BenchArgs {
    /** A benchmark's body, run by {@link #run}. */
    interface Body {
        void run(String[] args) throws Exception;
    }

    /** A bad command-line argument: the only failure {@link #run} turns into a one-line message. */
    static final class BadArgument extends IllegalArgumentException {
        BadArgument(String message) { super(message); }
    }

    private final Map<String, String> values = new HashMap<>();

    /**
     * Parses {@code args} as {@code --name value} pairs with names from {@code valid}; names in {@code flags} take no
     * value (read with {@link #has}).
     */
    BenchArgs(String[] args, List<String> valid, List<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !(valid.contains(name) || flags.contains(name))) {
                throw new BadArgument("unknown argument '" + args[i] + "'; valid: --" + String.join(" --", valid)
                        + (flags.isEmpty() ? "" : " --" + String.join(" --", flags)));
            }
            if (flags.contains(name)) values.put(name, "true");
            else if (i + 1 < args.length) values.put(name, args[++i]);
            else throw new BadArgument(args[i] + " needs a value");
        }
    }

    /**
     * Runs {@code body}; a {@link BadArgument} prints {@code "tool: message"} and exits with status 2. Any other
     * failure, an IllegalArgumentException from deeper code included, propagates with its stack trace.
     */
    static void run(String tool, String[] args, Body body) throws Exception {
        try {
            body.run(args);
        } catch (BadArgument e) {
            System.err.println(tool + ": " + e.getMessage());
            System.exit(2);
        }
    }

    /** Whether flag {@code name} was given. */
    boolean has(String name) { return values.containsKey(name); }

    /** Option {@code name}'s value, else {@code fallback}. */
    String text(String name, String fallback) { return values.getOrDefault(name, fallback); }

    /** Option {@code name} as an integer at least {@code min} (else a {@link BadArgument}), or {@code fallback}. */
    int integer(String name, int fallback, int min) {
        return values.containsKey(name) ? atLeast("--" + name, values.get(name), min) : fallback;
    }

    /** {@code value} of {@code option} as an integer at least {@code min}, else a {@link BadArgument} saying so. */
    static int atLeast(String option, String value, int min) {
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            v = Integer.MIN_VALUE;
        }
        if (v < min) throw new BadArgument(option + " must be an integer >= " + min + ", got '" + value + "'");
        return v;
    }
}

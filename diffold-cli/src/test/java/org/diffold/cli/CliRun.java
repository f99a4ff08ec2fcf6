package org.diffold.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command line in-process and captures its exit code, stdout and stderr. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        return on(Main.newCommandLine(), args);
    }

    static CliRun on(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** {@code args} followed by a run store and runs folder under {@code dir} and one thread. */
    static String[] inStore(java.nio.file.Path dir, String... args) {
        String[] base = {"--db", dir.resolve("runs/d.db").toString(), "--runs-dir", dir.resolve("runs").toString(), "--threads", "1"};
        String[] out = new String[args.length + base.length];
        System.arraycopy(args, 0, out, 0, args.length);
        System.arraycopy(base, 0, out, args.length, base.length);
        return out;
    }

    /** Lines of stderr. */
    String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\n");
    }
}

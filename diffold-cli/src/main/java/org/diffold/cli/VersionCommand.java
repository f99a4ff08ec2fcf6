package org.diffold.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.diffold.lab.store.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code diffold version}: prints the provenance this run would record, as text or with {@code --json}. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Print version, git revision, JVM and platform (the provenance stamped on results).")
final class VersionCommand implements Callable<Integer> {

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Provenance p = common.provenance();
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            JsonOutput.print(out, p);
        } else {
            out.println("diffold " + p.diffoldVersion());
            out.println("git     " + p.gitRevision());
            out.println("java    " + p.javaVersion() + " (" + p.javaVendor() + ")");
            out.println("os      " + p.osName() + " " + p.osArch());
            out.println("seed    " + p.seed() + ", threads " + p.threads());
        }
        out.flush();
        return 0;
    }
}

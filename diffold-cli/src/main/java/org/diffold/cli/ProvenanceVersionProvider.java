package org.diffold.cli;

import java.util.List;
import org.diffold.lab.store.Provenance;
import picocli.CommandLine;

/** {@code diffold --version}: project version, git revision and JVM, from {@link Provenance}. */
final class ProvenanceVersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        Provenance p = Provenance.capture(CommonOptions.DEFAULT_SEED, 1, List.of("diffold", "--version"));
        return new String[] {
            "diffold " + p.diffoldVersion() + " (git " + p.gitRevision() + ")",
            "java " + p.javaVersion() + " (" + p.javaVendor() + "), " + p.osName() + " " + p.osArch(),
        };
    }
}

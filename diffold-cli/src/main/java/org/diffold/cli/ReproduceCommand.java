package org.diffold.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code diffold reproduce <paper>}: one subcommand per reproduced published claim. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce a published claim with exact errors; results go to the run store, a report to runs/<run-id>/.",
        subcommands = {ReproducePotaptchikCommand.class})
final class ReproduceCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing paper; valid: "
                + String.join(", ", spec.subcommands().keySet()) + " (see diffold reproduce --help)");
    }
}
